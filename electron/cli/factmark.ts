/**
 * The `factmark` command line: the same services, data folder and lock as the app, reached
 * through the same handler registry. Exit codes: 0 done, 1 bad input or data, 2 usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import { constants } from 'node:fs';
import { access, lstat, open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { isSystemError, systemReason } from '../services/system-reason';
import { basename, dirname, resolve } from 'node:path';
import { EXPORT_FORMATS, type Channel, type ClaimRequest, type ChannelInput, type ChannelOutput, type ExportFormat } from '../../shared/api/contract';
import { LANGUAGE_CODES, type LanguageCode } from '../../shared/i18n/languages';
import { ApiError } from '../../shared/api/envelope';
import { createHandlerRegistry, type HandlerRegistry } from '../api/handler-registry';
import { dataDirFromArgs, defaultDataDir } from '../services/data-dir';
import { MAX_IMPORT_BYTES } from '../../shared/model/import-limits';
import { Id } from '../../shared/model/primitives';
import { UNRATED } from '../../shared/model/review';
import { readWebAddress } from '../../shared/model/web-address';
import { runningOwner } from '../services/library/folder-lock';
import packageJson from '../../package.json' with { type: 'json' };
import { callOwner } from './owner-client';
import { terminalSafe as t, terminalSafeJson } from './terminal-text';
import { claimRequestsFromCsv } from './csv-claims';
import { mergeCounts } from '../../shared/share-file/merge-report';
import { readArticleText } from '../../shared/article/claim-spans';
import { claimRows, claimRowsCsv } from '../../shared/report/claims-table';
import { agreementLine } from '../../shared/share-file/agreement';
import { describeSignature } from '../../shared/share-file/signature-words';
import { CLAIM_STATUSES, type ClaimStatus } from '../../shared/model/claim';
import { searchHitLine } from './search-lines';
import { MAX_SHARE_FILE_BYTES, SHARE_EXTENSION } from '../../shared/share-file/share-file-schema';
import { describeArticleUpdate } from '../../shared/article-update/describe-update';
import { archiveSendLine, keepLine, keepSummary, verifyLine, verifySummary } from './evidence-lines';

class UsageError extends Error {}

/** A claim's words as a one-line listing quotes them. */
const shortQuote = (quote: string): string => (quote.length > 60 ? `${quote.slice(0, 57)}…` : quote);

/**
 * Reads the file the reviewer named: only a regular file (not a folder, device or pipe, which
 * could block or never end), at most `maxBytes`. A file to be `kept` in the library (an import)
 * may not be a symbolic link either, which could stand for any file on the machine; the bytes
 * returned are the ones read, so what is kept as the original is exactly what was imported.
 */
async function readInputFile(file: string, maxBytes: number, { kept = true }: { kept?: boolean } = {}): Promise<Buffer> {
  const link = await (kept ? lstat : stat)(file).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('invalid-input', `${file} cannot be read: ${systemReason(error)}.`);
  });
  if (link.isSymbolicLink()) {
    const target = await realpath(file).catch(() => 'a file that does not exist');
    throw new ApiError('invalid-input', `${file} is a symbolic link (to ${target}); Factmark imports only the file itself. Nothing was added. Name the file directly if you mean it.`);
  }
  if (!link.isFile()) throw new ApiError('invalid-input', `${file} is ${link.isDirectory() ? 'a folder' : 'not a regular file'}; give the path of a document file. Nothing was added.`);
  // O_NOFOLLOW: the name cannot be swapped for a link between the check above and the read.
  const handle = await open(file, constants.O_RDONLY | (kept ? (constants.O_NOFOLLOW ?? 0) : 0)).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('invalid-input', `${file} cannot be read: ${systemReason(error)}.`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new ApiError('invalid-input', `${file} is not a regular file; give the path of a document file. Nothing was added.`);
    // Read one byte past the limit: some files (in /proc, say) report a size of 0 whatever they hold.
    const buffer = Buffer.alloc(Math.min(maxBytes, Math.max(info.size, 64 * 1024)) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new ApiError('invalid-input', `${file} is larger than ${Math.round(maxBytes / 1048576)} MB; Factmark does not open files that large. Nothing was added.`);
    if (length === buffer.length) throw new ApiError('invalid-input', `${file} changed size while it was read; try again. Nothing was added.`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

type Call = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/**
 * Runs `work` with the library: through the running app when one holds the data folder (so the
 * command works alongside it and the app sees every change), else by opening the folder here.
 */
async function withLibrary<T>(dataDirOption: string | undefined, access: 'read' | 'write', work: (call: Call) => Promise<T>): Promise<T> {
  if (dataDirOption !== undefined && dataDirOption.trim() === '') throw new UsageError('--data-dir needs a folder name; leave the option out to use the app’s own folder.');
  const dataDir = dataDirFromArgs(dataDirOption ? ['--data-dir', dataDirOption] : []) ?? defaultDataDir();
  const owner = await runningOwner(dataDir);
  if (owner?.endpoint) {
    const endpoint = owner.endpoint;
    return work(async (channel, input) => {
      const result = await callOwner(endpoint, channel, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value as ChannelOutput<typeof channel>;
    });
  }
  // Loaded only here: a command that goes through the running app needs none of the services.
  const [{ openFactmarkServices }, { renderPdfWithChromium }] = await Promise.all([import('../services/factmark-services'), import('../services/export/pdf-with-chromium')]);
  const services = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: renderPdfWithChromium, access });
  for (const notice of services.store.notices()) process.stderr.write(`${notice.level}: ${t(notice.message)}\n`);
  const registry: HandlerRegistry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
  try {
    return await work(async (channel, input) => {
      const result = await registry.invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value as ChannelOutput<typeof channel>;
    });
  } finally {
    await services.close();
  }
}

/**
 * Refuses before any work is done when `file` cannot be written (a missing folder, no permission),
 * so a failing command changes nothing.
 */
async function checkWritable(file: string): Promise<void> {
  const folder = dirname(resolve(file));
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new ApiError('invalid-input', `The folder ${folder} does not exist. Nothing was written; create it or choose another place with -o.`);
  await access(folder, constants.W_OK).catch(() => {
    throw new ApiError('invalid-input', `You may not write in ${folder}. Nothing was written; choose another place with -o.`);
  });
  const target = await lstat(file).catch(() => undefined);
  if (target?.isDirectory()) throw new ApiError('invalid-input', `${file} is a folder. Give a file name with -o, e.g. ${file.replace(/\/$/, '')}/report.html.`);
  // A device, pipe or socket is never replaced by a file (as root, /dev/full would be).
  if (target && !target.isFile() && !target.isSymbolicLink())
    throw new ApiError(
      'invalid-input',
      `${file} is not a regular file (a device, pipe or socket), so Factmark will not replace it. Nothing was written; give a file name with -o, or -o - for standard output.`,
    );
}

/** Writes `bytes` to `file` whole or not at all (a temp file renamed into place). */
async function writeOutput(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.factmark-${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new ApiError('unavailable', `${file} could not be written: ${systemReason(error)}. Nothing was written.`);
  }
}

/** Writes `bytes` to standard output and resolves once they are handed over (a pipe may be slow). */
function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

/** An address typed without http:// or https:// gets https://, as in the app, and the note says so. */
function completeAddress(value: string): string {
  if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value.trim())) return value;
  const read = readWebAddress(value, { addScheme: true });
  if (!read.ok) return value;
  process.stderr.write(`note: ${t(value)} is kept as ${t(read.url)}\n`);
  return read.url;
}

function completeAddresses(claim: ClaimRequest): ClaimRequest {
  return { ...claim, appearanceUrl: completeAddress(claim.appearanceUrl ?? ''), evidenceUrls: (claim.evidenceUrls ?? []).map(completeAddress) };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Reads `factmark search --limit`. */
function searchLimit(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 500) throw new UsageError(`--limit takes a whole number from 1 to 500, not "${value}".`);
  return number;
}

/** Reads a `factmark search` date option. */
function searchDate(option: string): (value: string) => string {
  return (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`${option} takes a day as YYYY-MM-DD (e.g. 2026-03-01), not "${value}".`);
    return value;
  };
}

/** Reads `factmark keep --claim`. */
function claimNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--claim takes a claim number from 1 up (as factmark claims shows it), not "${value}".`);
  return number;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--occurrence takes a whole number from 1 up, not "${value}".`);
  return number;
}

/** The command-line program; `run` parses argv and returns the exit code. */
export function buildProgram(): Command {
  const program = new Command('factmark')
    .description('Factmark: mark and rate claims in articles, export fact-check reports, and share reviews with colleagues.')
    .version(packageJson.version, '--version', 'print the version')
    .option('--data-dir <dir>', 'the data folder (default: $FACTMARK_DATA_DIR, else the app’s folder)')
    .showHelpAfterError()
    .exitOverride();
  const dataDir = (): string | undefined => program.opts<{ dataDir?: string }>().dataDir;

  program
    .command('list')
    .description('list the reviews with their claim counts')
    .option('--json', 'print {"reviews": [...]} as JSON')
    .action(async (options: { json?: boolean }) => {
      await withLibrary(dataDir(), 'read', async (call) => {
        const reviews = await call('review:list', {});
        if (options.json) {
          process.stdout.write(`${terminalSafeJson({ reviews })}\n`);
          return;
        }
        if (reviews.length === 0) process.stdout.write('No reviews yet. Add one with: factmark import FILE\n');
        for (const review of reviews) {
          // Verdicts by the words of the review's own scale, in its order; claims without one last.
          const labels = new Map(review.scale.verdicts.map((verdict) => [verdict.id, verdict.label]));
          const counts = [...review.scale.verdicts.map((verdict) => verdict.id), UNRATED]
            .filter((key) => (review.verdictCounts[key] ?? 0) > 0)
            .map((key) => `${review.verdictCounts[key]} ${key === UNRATED ? 'without a verdict' : t(labels.get(key) ?? key)}`)
            .join(', ');
          const attention = [review.unplacedCount > 0 ? `${review.unplacedCount} not placed` : '', review.flaggedCount > 0 ? `${review.flaggedCount} to check` : ''].filter(Boolean).join(', ');
          process.stdout.write(
            `${review.id}  ${t(review.title)}  (${review.claimCount} ${review.claimCount === 1 ? 'claim' : 'claims'}${counts ? `: ${counts}` : ''}${attention ? `; ${attention}` : ''})\n`,
          );
        }
      });
    });

  program
    .command('claims')
    .description('list every claim of every review: number, verdict, summary or words, review')
    .option('--json', 'print {"claims": [...]} as JSON')
    .option('--csv', 'print the table as CSV for spreadsheets (UTF-8 with BOM)')
    .action(async (options: { json?: boolean; csv?: boolean }) => {
      if (options.json && options.csv) throw new UsageError('claims prints JSON or CSV: give --json or --csv, not both.');
      await withLibrary(dataDir(), 'read', async (call) => {
        // One call for the whole table: reading each review would also mark its history as read in a running app.
        const rows = claimRows(await call('library:claims', {}));
        if (options.json) return void process.stdout.write(`${terminalSafeJson({ claims: rows })}\n`);
        // Byte for byte into a file or a pipe; on a terminal, a cell's control codes are shown, never run.
        if (options.csv) {
          const csv = claimRowsCsv(rows);
          return void process.stdout.write(
            process.stdout.isTTY
              ? `${csv
                  .split('\r\n')
                  .map((line) => t(line))
                  .join('\n')}`
              : csv,
          );
        }
        if (rows.length === 0) process.stdout.write('No claims yet. Mark some with: factmark annotate ID --quote "…"\n');
        for (const row of rows) {
          process.stdout.write(`${row.reviewId}  #${row.number ?? '?'}  ${t(row.verdict || 'no verdict')}  ${t(row.summary || row.quote)}  (${t(row.reviewTitle)})\n`);
        }
      });
    });

  program
    .command('search')
    .description('search every review: titles, article text, claim words and summaries, rationale, claimant, tags, evidence (prefixes, diacritics, case and accents do not matter)')
    .argument('[query...]', 'the words to find (none: the claims the filters leave, newest first)')
    .option('--json', 'print {"total": …, "hits": [...]} as JSON')
    .option('--verdict <verdict>', 'only claims with this verdict, by label or id (repeat for more)', collect, [])
    .option('--tag <tag>', 'only claims with this tag (repeat for more)', collect, [])
    .addOption(new Option('--status <status>', 'only claims with this status').choices([...CLAIM_STATUSES]))
    .option('--claimant <name>', 'only claims whose claimant’s name contains this')
    .option('--from <date>', 'only hits dated on or after this day (YYYY-MM-DD)', searchDate('--from'))
    .option('--to <date>', 'only hits dated on or before this day (YYYY-MM-DD)', searchDate('--to'))
    .option('--limit <n>', 'at most this many hits (default 20, at most 500)', searchLimit, 20)
    .action(async (words: string[], options: { json?: boolean; verdict: string[]; tag: string[]; status?: ClaimStatus; claimant?: string; from?: string; to?: string; limit: number }) => {
      const query = words.join(' ');
      const filters = {
        verdicts: options.verdict,
        tags: options.tag,
        statuses: options.status ? [options.status] : [],
        claimant: options.claimant ?? '',
        from: options.from ?? '',
        to: options.to ?? '',
      };
      await withLibrary(dataDir(), 'read', async (call) => {
        const results = await call('library:search', { query, filters, limit: options.limit, offset: 0 });
        if (options.json) return void process.stdout.write(`${terminalSafeJson(results)}\n`);
        if (results.total === 0) return void process.stdout.write('No matches.\n');
        for (const hit of results.hits) process.stdout.write(`${searchHitLine(hit, process.stdout.isTTY === true)}\n`);
        if (results.total > results.hits.length) process.stdout.write(`${results.hits.length} of ${results.total} matches; see more with --limit.\n`);
      });
    });

  program
    .command('show')
    .description('print a review’s article as plain text, one paragraph a line (or, with --json, the review with its claims)')
    .argument('<id>', 'the review id')
    .option('--text', 'the article as plain text (the default)')
    .option('--json', 'print {"review": {...}} as JSON: the article details, the claims, their history')
    .action(async (id: string, options: { text?: boolean; json?: boolean }) => {
      if (options.text && options.json) throw new UsageError('show prints the text or the JSON: give --text or --json, not both.');
      await withLibrary(dataDir(), 'read', async (call) => {
        const review = await call('review:get', { id });
        if (options.json) {
          process.stdout.write(`${terminalSafeJson({ review })}\n`);
          return;
        }
        // Each line is made safe on its own: the paragraphs' line breaks are the article's, not a file's.
        const { text } = readArticleText(review.doc);
        process.stdout.write(
          `${text
            .split('\n')
            .map((line) => t(line))
            .join('\n')}\n`,
        );
      });
    });

  program
    .command('import')
    .description('add a review from a Word, PDF, web page, text or Markdown file, or a colleague’s share file; prints the review id as its last line')
    .argument('<file>', 'the article file (.docx, .pdf, .html, .txt, .md) or share file (.factmark)')
    .option('--title <title>', 'the review title (default: from the file)')
    .option('--encoding <name>', 'read a text or web page file in this encoding (e.g. windows-1256) instead of detecting it')
    .action(async (file: string, options: { title?: string; encoding?: string }) => {
      if (file.toLowerCase().endsWith(SHARE_EXTENSION)) {
        const bytes = await readInputFile(file, MAX_SHARE_FILE_BYTES);
        await withLibrary(dataDir(), 'write', async (call) => {
          const request = { fileName: basename(file), base64: bytes.toString('base64') };
          const preview = await call('share:open', { ...request, preview: true });
          if (preview.inLibrary)
            throw new ApiError('refused', `The review "${preview.title}" is already in the library; nothing was changed. Merge the file into it with: factmark merge ${preview.reviewId} ${file}`);
          const opened = await call('share:open', request);
          const { added, orphaned } = mergeCounts(opened.report);
          process.stdout.write(`${t(describeSignature(opened.signature).text)}\n`);
          if (opened.evidenceCopies?.message) process.stderr.write(`evidence copies: ${t(opened.evidenceCopies.message)}\n`);
          process.stdout.write(
            `Added "${t(opened.title)}" shared by ${t(opened.sharedBy)}: ${added} ${added === 1 ? 'claim' : 'claims'} placed${orphaned ? `, ${orphaned} not placed (see Needs attention in the app)` : ''}.\n${opened.reviewId}\n`,
          );
        });
        return;
      }
      const bytes = await readInputFile(file, MAX_IMPORT_BYTES);
      await withLibrary(dataDir(), 'write', async (call) => {
        const { review, notes } = await call('review:import', { fileName: basename(file), base64: bytes.toString('base64'), ...(options.encoding ? { encoding: options.encoding } : {}) });
        const titled = options.title ? await call('review:updateMeta', { id: review.id, title: options.title, sourceUrl: review.sourceUrl }) : review;
        for (const note of notes) process.stderr.write(`note: ${t(note)}\n`);
        process.stdout.write(`Imported "${t(titled.title)}".\n${review.id}\n`);
      });
    });

  program
    .command('annotate')
    .description('mark a claim by quoting the article (or many from a CSV file), all or nothing')
    .argument('<id>', 'the review id')
    .option('--quote <text>', 'the words of the claim, as the article has them')
    .option('--verdict <label>', 'a verdict of the rating scale, e.g. "Mostly false"')
    .option('--summary <text>', 'the neutral statement checked, under 75 characters (ClaimReview’s claimReviewed)')
    .option('--rationale <text>', 'why the verdict')
    .option('--claimant <name>', 'who made the claim')
    .option('--claim-date <date>', 'when the claim was made (YYYY-MM-DD)')
    .option('--appearance <url>', 'where the claim appeared')
    .option('--evidence <url>', 'a source (repeat for more)', collect, [])
    .addOption(new Option('--status <status>', 'the review status').choices(['to-check', 'in-progress', 'reviewed']))
    .option('--tag <tag>', 'a tag (repeat for more)', collect, [])
    .option('--occurrence <n>', 'which occurrence of a quote that appears more than once', positiveInteger)
    .option('--from <csv>', 'add every claim in this CSV file (columns as in the CSV export)')
    .action(async (id: string, options: Record<string, string | string[] | number | undefined>) => {
      let claims: ClaimRequest[];
      if (options.from) {
        if (options.quote) throw new UsageError('Use either --quote or --from, not both.');
        const csvFile = String(options.from);
        claims = claimRequestsFromCsv((await readInputFile(csvFile, MAX_IMPORT_BYTES, { kept: false })).toString('utf8'), csvFile);
      } else {
        if (!options.quote) throw new UsageError('Say which words to mark with --quote "…" (or give a CSV file with --from).');
        claims = [
          {
            quote: String(options.quote),
            ...(options.verdict ? { verdict: String(options.verdict) } : {}),
            summary: String(options.summary ?? ''),
            rationale: String(options.rationale ?? ''),
            claimant: String(options.claimant ?? ''),
            claimDate: String(options.claimDate ?? ''),
            appearanceUrl: String(options.appearance ?? ''),
            evidenceUrls: options.evidence as string[],
            ...(options.status ? { status: options.status as 'to-check' | 'in-progress' | 'reviewed' } : {}),
            tags: options.tag as string[],
            ...(options.occurrence ? { occurrence: Number(options.occurrence) } : {}),
          },
        ];
      }
      claims = claims.map(completeAddresses);
      await withLibrary(dataDir(), 'write', async (call) => {
        const { claimIds, existing } = await call('review:annotate', { id, claims });
        const added = claimIds.length - existing.length;
        const again = existing.length > 0 ? ` ${existing.length} ${existing.length === 1 ? 'was' : 'were'} already there with the same words and fields (nothing added twice).` : '';
        process.stdout.write(`Marked ${added} ${added === 1 ? 'claim' : 'claims'}.${again}\n${claimIds.join('\n')}\n`);
      });
    });

  program
    .command('export')
    .description('export a review as a report or as structured data')
    .argument('<id>', 'the review id')
    .addOption(new Option('--format <format>', 'the export format').choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file, replacing it if it exists; - for standard output (the default, except for pdf)')
    .option('--draft', 'a draft for the newsroom: claims not ready to publish are marked, with what they need, instead of refused (ClaimReview keeps only the finished ones)')
    .addOption(new Option('--language <code>', 'the report’s language (default: the article’s)').choices([...LANGUAGE_CODES]))
    .option('--reviewer <name>', 'your name as the reports give it, for this export (default: as set in the app)')
    .option('--organization <name>', 'the publishing organisation')
    .option('--organization-url <url>', 'the organisation’s web address')
    .option('--report-url <url>', 'where the fact-check is published (ClaimReview url)')
    .action(
      async (
        id: string,
        options: { format: ExportFormat; output?: string; draft?: boolean; language?: LanguageCode; reviewer?: string; organization?: string; organizationUrl?: string; reportUrl?: string },
      ) => {
        const toFile = options.output !== undefined && options.output !== '-';
        if (options.format === 'pdf' && options.output === undefined) throw new UsageError('A PDF needs a file: add -o report.pdf (or -o - to send it to standard output).');
        if (toFile) await checkWritable(options.output as string);
        await withLibrary(dataDir(), 'read', async (call) => {
          const overrides = { organizationName: options.organization, organizationUrl: options.organizationUrl, reportUrl: options.reportUrl };
          // Options given here apply to this export only; the app's settings stay as they are.
          const publisher = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
          const request = {
            id,
            format: options.format,
            mode: options.draft ? ('draft' as const) : ('publish' as const),
            publisher,
            ...(options.language ? { language: options.language } : {}),
            ...(options.reviewer !== undefined ? { reviewerName: options.reviewer } : {}),
          };
          const file = await call('review:export', request).catch(async (error: unknown) => {
            if (!(error instanceof ApiError) || error.code !== 'not-ready') throw error;
            const { unfinished } = await call('review:check', { id });
            if (unfinished.length === 0) throw error;
            // One claim a line reads better in a terminal than the refusal's one long sentence.
            const what = options.draft
              ? 'No claim is ready to publish, so there is nothing for ClaimReview markup to describe. Nothing was written.'
              : `${unfinished.length} ${unfinished.length === 1 ? 'claim is' : 'claims are'} not ready to publish. Nothing was written; finish ${unfinished.length === 1 ? 'it' : 'them'}, or export a draft with --draft:`;
            process.stderr.write(`factmark: ${what}\n`);
            for (const claim of unfinished) process.stderr.write(`  claim ${claim.number} ("${t(shortQuote(claim.quote))}"): ${t(claim.reasons.map((reason) => reason.message).join(' '))}\n`);
            process.exitCode = 1;
            return undefined;
          });
          if (!file) return;
          const bytes = Buffer.from(file.base64, 'base64');
          if (toFile) {
            await writeOutput(options.output as string, bytes);
            process.stderr.write(`Wrote ${t(options.output as string)}\n`);
          } else await writeStdout(bytes);
        });
      },
    );

  program
    .command('share')
    .description('write a share file (.factmark) of a review, for a colleague to open or merge')
    .argument('<id>', 'the review id')
    .requiredOption('-o, --output <file>', 'the share file to write, e.g. review.factmark, replacing it if it exists; - for standard output')
    .option('--include-evidence-copies', 'carry the claims’ kept evidence copies in the file (each is checked against its SHA-256 on arrival)')
    .action(async (id: string, options: { output: string; includeEvidenceCopies?: boolean }) => {
      const toFile = options.output !== '-';
      if (toFile) await checkWritable(options.output);
      await withLibrary(dataDir(), 'write', async (call) => {
        const file = await call('share:create', { id, includeEvidenceCopies: options.includeEvidenceCopies === true });
        if (file.evidenceCopies) {
          process.stderr.write(`Included ${file.evidenceCopies.included} kept ${file.evidenceCopies.included === 1 ? 'copy' : 'copies'}.\n`);
          for (const left of file.evidenceCopies.leftOut)
            process.stderr.write(`left out: ${t(left.source || left.copyId)}${left.claimNumber === null ? '' : ` (claim ${left.claimNumber})`} — ${t(left.reason)}\n`);
        }
        const bytes = Buffer.from(file.base64, 'base64');
        if (!toFile) return writeStdout(bytes);
        await writeOutput(options.output, bytes);
        process.stderr.write(`Wrote ${t(options.output)}\n`);
      });
    });

  program
    .command('merge')
    .description('merge a colleague’s share file into a review; conflicts are kept for the app to settle')
    .argument('<id>', 'the review id')
    .argument('<file>', 'the share file (.factmark)')
    .option('--json', 'print the whole merge report as JSON')
    .option('--dry-run', 'say what the merge would do and change nothing')
    .option('--confirm-deletions', 'let the file delete the claims that --dry-run lists as deleted (without it, such a merge is refused)')
    .action(async (id: string, file: string, options: { json?: boolean; dryRun?: boolean; confirmDeletions?: boolean }) => {
      const bytes = await readInputFile(file, MAX_SHARE_FILE_BYTES);
      await withLibrary(dataDir(), options.dryRun ? 'read' : 'write', async (call) => {
        const request = { fileName: basename(file), base64: bytes.toString('base64'), expectReviewId: id };
        // The deletions confirmed are exactly those a preview of this file lists.
        const confirmDeletions = options.confirmDeletions && !options.dryRun ? (await call('share:open', { ...request, preview: true })).report.deleted.map((note) => note.claimId) : [];
        const opened = await call('share:open', { ...request, preview: options.dryRun ?? false, confirmDeletions });
        const counts = mergeCounts(opened.report);
        if (options.json) {
          process.stdout.write(`${terminalSafeJson({ ...counts, dryRun: options.dryRun ?? false, report: opened.report })}\n`);
          return;
        }
        const words = Object.entries(counts)
          .map(([kind, count]) => `${kind} ${count}`)
          .join(', ');
        process.stdout.write(`${t(describeSignature(opened.signature).text)}\n`);
        process.stdout.write(`${options.dryRun ? 'Would merge' : 'Merged'} ${t(basename(file))} (shared by ${t(opened.sharedBy)}) into "${t(opened.title)}": ${words}.\n`);
        for (const conflict of opened.report.conflicts)
          process.stdout.write(`conflict: "${t(conflict.quote.slice(0, 80))}" — ${conflict.fields.map((field) => field.field).join(', ')}; choose in the app\n`);
        for (const deleted of opened.report.deleted) process.stdout.write(`deleted: "${t(deleted.quote.slice(0, 80))}" — ${t(deleted.detail)}\n`);
        for (const orphan of opened.report.orphaned) process.stdout.write(`orphaned: "${t(orphan.quote.slice(0, 80))}" — ${t(orphan.detail)}\n`);
        for (const signed of opened.report.signedOff) process.stdout.write(`signed off: "${t(signed.quote.slice(0, 80))}" — ${t(signed.detail)}\n`);
        for (const withdrawn of opened.report.signOffWithdrawn) process.stdout.write(`sign-off withdrawn: "${t(withdrawn.quote.slice(0, 80))}" — ${t(withdrawn.detail)}\n`);
        if (opened.report.agreement) process.stdout.write(`${t(agreementLine(opened.report.agreement))}\n`);
        if (opened.evidenceCopies?.message) process.stdout.write(`evidence copies: ${t(opened.evidenceCopies.message)}\n`);
      });
    });

  program
    .command('update')
    .description('bring in a newer version of a review’s article (a Word, PDF, web page, text or Markdown file): the old version is kept and the claims are placed again')
    .argument('<id>', 'the review id')
    .argument('<file>', 'the newer version of the article')
    .option('--encoding <name>', 'read a text or web page file in this encoding instead of detecting it')
    .option('--json', 'print the whole result as JSON: the version, each claim’s outcome, the changes')
    .action(async (id: string, file: string, options: { encoding?: string; json?: boolean }) => {
      const bytes = await readInputFile(file, MAX_IMPORT_BYTES);
      await withLibrary(dataDir(), 'write', async (call) => {
        const { revision } = await call('review:get', { id });
        const source = { kind: 'file' as const, fileName: basename(file), base64: bytes.toString('base64'), ...(options.encoding ? { encoding: options.encoding } : {}) };
        const result = await call('review:updateArticle', { id, source, preview: false, baseRevision: revision });
        if (options.json) return void process.stdout.write(`${terminalSafeJson({ ...result, review: undefined, reviewTitle: result.review?.title })}\n`);
        for (const note of result.notes) process.stderr.write(`note: ${t(note)}\n`);
        process.stdout.write(`${t(describeArticleUpdate(result, result.review?.title ?? id))}\n`);
        for (const claim of result.claims.filter((outcome) => outcome.flagged && outcome.kind !== 'unplaced')) {
          process.stdout.write(
            `${claim.kind === 'orphaned' ? 'not placed' : claim.kind === 'changed' ? 'words edited' : 'moved'}: claim ${claim.number ?? '?'} ("${t(shortQuote(claim.quote))}") — ${t(claim.detail)}\n`,
          );
        }
      });
    });

  program
    .command('keep')
    .description('keep a verifiable copy of each evidence link of a review in the data folder (the page, a screenshot, a PDF print and its text, each with its SHA-256); exit 1 when any link failed')
    .argument('<id>', 'the review id')
    .option('--claim <n>', 'only the links of claim number N', claimNumber)
    .option('--again', 'keep a new copy of links that have one already')
    .option('--allow-private-addresses', 'for this command, also fetch from private, loopback and link-local addresses (an intranet, a test server)')
    .option('--json', 'print {"results": [...]} as JSON, one result a link')
    .action(async (id: string, options: { claim?: number; again?: boolean; allowPrivateAddresses?: boolean; json?: boolean }) => {
      await withLibrary(dataDir(), 'write', async (call) => {
        let claimId: string | undefined;
        if (options.claim !== undefined) {
          const review = await call('review:get', { id });
          claimId = review.claims.find((claim) => claim.number === options.claim)?.id;
          if (!claimId) throw new ApiError('not-found', `“${review.title}” has no claim ${options.claim}. Nothing was kept; factmark claims lists the claims with their numbers.`);
        }
        const { results } = await call('evidence:keepAll', {
          reviewId: id,
          again: options.again ?? false,
          ...(claimId ? { claimId } : {}),
          ...(options.allowPrivateAddresses ? { allowPrivateAddresses: true } : {}),
        });
        const failed = results.some((result) => result.outcome === 'failed');
        if (options.json) process.stdout.write(`${terminalSafeJson({ results })}\n`);
        else {
          for (const result of results) process.stdout.write(`${keepLine(result)}\n`);
          process.stdout.write(`${keepSummary(results)}\n`);
        }
        if (failed) process.exitCode = 1;
      });
    });

  program
    .command('archive-send')
    .description('send the kept pages waiting for the archive service (Preferences → Also send to the Wayback Machine) now; exit 1 when any is still queued')
    .argument('[id]', 'only the pages of this review')
    .option('--allow-private-addresses', 'for this command, the archive service may be on a private or loopback address (a test stand-in)')
    .option('--json', 'print {"results": [...]} as JSON, one result a page')
    .action(async (id: string | undefined, options: { allowPrivateAddresses?: boolean; json?: boolean }) => {
      await withLibrary(dataDir(), 'write', async (call) => {
        const { results } = await call('evidence:sendQueued', { ...(id ? { reviewId: id } : {}), ...(options.allowPrivateAddresses ? { allowPrivateAddresses: true } : {}) });
        if (options.json) process.stdout.write(`${terminalSafeJson({ results })}\n`);
        else {
          for (const result of results) process.stdout.write(`${archiveSendLine(result)}\n`);
          if (results.length === 0) process.stdout.write('No pages are waiting for the archive service.\n');
        }
        if (results.some((result) => result.outcome === 'queued')) process.exitCode = 1;
      });
    });

  program
    .command('verify')
    .description('recompute the SHA-256 of every kept evidence copy of a review; exit 1 when any file is missing or altered')
    .argument('<id>', 'the review id')
    .option('--json', 'print {"intact": …, "counts": {...}, "files": [...]} as JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      await withLibrary(dataDir(), 'read', async (call) => {
        const result = await call('evidence:verify', { reviewId: id });
        if (options.json) process.stdout.write(`${terminalSafeJson(result)}\n`);
        else {
          for (const file of result.files) process.stdout.write(`${verifyLine(file)}\n`);
          process.stdout.write(`${verifySummary(result)}\n`);
        }
        if (!result.intact) process.exitCode = 1;
      });
    });

  program
    .command('validate')
    .description('check an exported ClaimReview or Web Annotation file and explain each problem, or say what in a review is not ready to publish')
    .argument('<file-or-id>', 'the JSON-LD file, or a review id')
    .action(async (target: string) => {
      const info = await stat(target).catch(() => undefined);
      if (!info && Id.safeParse(target).success) {
        await withLibrary(dataDir(), 'read', async (call) => {
          const check = await call('review:check', { id: target });
          if (check.textEditedAt) process.stdout.write(`warning: the article's words were edited after import (last on ${check.textEditedAt.slice(0, 10)}); exports say so.\n`);
          for (const other of check.sameUrlAs) process.stdout.write(`warning: the review "${t(other.title)}" (${other.id}) gives the same published address; one page, one fact-check.\n`);
          for (const claim of check.unfinished)
            process.stdout.write(`not ready: claim ${claim.number} ("${t(shortQuote(claim.quote))}"): ${t(claim.reasons.map((reason) => reason.message).join(' '))}\n`);
          const count = check.unfinished.length;
          process.stdout.write(
            count === 0
              ? 'The review is ready to publish: every claim is finished.\n'
              : `${count} ${count === 1 ? 'claim is' : 'claims are'} not ready to publish; reports are refused until they are, or exported with --draft.\n`,
          );
        });
        return;
      }
      if (!info) throw new ApiError('invalid-input', `${target} is neither a file nor a review id. Give the path of an exported .jsonld file, or the id that factmark list shows.`);
      const json = (await readInputFile(target, MAX_SHARE_FILE_BYTES, { kept: false })).toString('utf8');
      // Validating a file reads no library, so it does not need the data folder.
      const { validateExport } = await import('../services/export/validate-export');
      const report = validateExport(json);
      const kind = report.kind === 'claimreview' ? 'schema.org ClaimReview' : 'W3C Web Annotation';
      const required = report.problems.filter((problem) => problem.level === 'required');
      for (const problem of report.problems) process.stdout.write(`${problem.level === 'required' ? 'error' : 'warning'}: ${t(problem.where)}: ${t(problem.message)}\n`);
      process.stdout.write(
        required.length === 0
          ? `${t(target)}: valid ${kind}${report.problems.length ? ` (${report.problems.length} recommendations)` : ''}.\n`
          : `${t(target)}: ${required.length} problems as ${kind}.\n`,
      );
      if (required.length > 0) process.exitCode = 1;
    });

  return program;
}

/** Runs the program on `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      process.stderr.write(`factmark: ${t(error.message)}\n`);
      return 2;
    }
    if (error instanceof ApiError) {
      process.stderr.write(`factmark: ${t(error.message)}\n`);
      return 1;
    }
    if (isSystemError(error)) {
      const where = error.path ? ` ${error.path}` : '';
      process.stderr.write(`factmark: could not ${error.syscall ?? 'use'}${t(where)}: ${systemReason(error)}. Nothing was changed.\n`);
      return 1;
    }
    // A stack trace helps a developer, not a reviewer: only on request.
    const detail = error instanceof Error ? (process.env.FACTMARK_DEBUG ? (error.stack ?? error.message) : error.message) : String(error);
    process.stderr.write(`factmark: unexpected failure: ${t(detail)}${process.env.FACTMARK_DEBUG ? '' : ' (run with FACTMARK_DEBUG=1 for details)'}\n`);
    return 1;
  }
}
