/** Reads claims to add from a CSV file with the export's column names (quote and verdict at least). */
import { parse } from 'csv-parse/sync';
import type { ClaimRequest } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/envelope';
import { splitCsvList } from '../../shared/report/csv-report';

function list(cell: string | undefined): string[] {
  return splitCsvList(cell ?? '').filter(Boolean);
}

/** A formula-neutralised cell from our own CSV export, read back as the text it was. */
function unneutralize(cell: string | undefined): string {
  return (cell ?? '').replace(/^'(?=[=+\-@\t\r])/, '');
}

/** Claim requests, one per row; throws with the row number of the first bad row. */
export function claimRequestsFromCsv(csv: string, fileName: string): ClaimRequest[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: false }) as Record<string, string>[];
  } catch (error) {
    throw new ApiError('invalid-input', `${fileName} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (rows.length === 0) throw new ApiError('invalid-input', `${fileName} has no rows. It needs a header line with at least "quote" and "verdict", then one claim per line.`);
  if (!('quote' in (rows[0] ?? {}))) throw new ApiError('invalid-input', `${fileName} has no "quote" column. Use the column names of Factmark's CSV export (quote, verdict, rationale, claimant, claim_date, appearance_url, evidence_urls, status, tags).`);
  return rows.map((row) => ({
    quote: unneutralize(row.quote),
    ...(row.verdict ? { verdict: row.verdict } : {}),
    rationale: unneutralize(row.rationale),
    claimant: unneutralize(row.claimant),
    claimDate: row.claim_date ?? '',
    appearanceUrl: row.appearance_url ?? '',
    evidenceUrls: list(row.evidence_urls),
    ...(row.status ? { status: row.status as ClaimRequest['status'] } : {}),
    tags: list(unneutralize(row.tags)),
  }));
}
