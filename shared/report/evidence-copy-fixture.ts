/** A review whose first claim cites a kept page copy (also archived), a kept PDF and an attached file, for report tests. */
import type { Claim, Evidence } from '../model/claim';
import type { Review } from '../model/review';
import { REVIEW } from './report-fixture';

const hex = (digit: string): string => digit.repeat(64);

/** The hashes the fixture's files carry: the page's archive, its screenshot, the PDF, the attached file. */
export const COPY_HASHES = { archive: hex('a'), screenshot: hex('b'), pdf: hex('c'), attached: hex('d') } as const;

/** The Wayback Machine's copy of the kept page. */
export const WAYBACK_URL = 'https://web.archive.org/web/20260315101500/https://stats.example/t3';

const keptPage: Evidence = {
  id: 'evidence-0001',
  url: 'https://stats.example/t3',
  title: 'Table 3',
  note: '',
  stance: 'refutes',
  accessedAt: '2026-03-15',
  copy: {
    kind: 'page',
    id: 'copy-page-0001',
    requestedUrl: 'https://stats.example/t3',
    finalUrl: 'https://stats.example/tables/3',
    httpStatus: 200,
    contentType: 'text/html; charset=utf-8',
    retrievedAt: '2026-03-15T10:15:00.000Z',
    title: 'Table 3',
    // The screenshot is listed first: the report must still name the archive's hash.
    files: [
      { role: 'screenshot', fileName: 'screenshot.png', mediaType: 'image/png', size: 10, sha256: COPY_HASHES.screenshot },
      { role: 'archive', fileName: 'page.mhtml', mediaType: 'multipart/related', size: 20, sha256: COPY_HASHES.archive },
    ],
    archive: { service: 'wayback', url: WAYBACK_URL, sentAt: '2026-03-15T10:16:00.000Z' },
  },
};

const keptPdf: Evidence = {
  id: 'evidence-0002',
  url: 'https://stats.example/report.pdf',
  title: 'Annual report',
  note: '',
  stance: 'context',
  accessedAt: '',
  copy: {
    kind: 'page',
    id: 'copy-pdf-0002',
    requestedUrl: 'https://stats.example/report.pdf',
    finalUrl: 'https://stats.example/report.pdf',
    httpStatus: 200,
    contentType: 'application/pdf',
    retrievedAt: '2026-03-16T08:00:00.000Z',
    title: '',
    files: [{ role: 'original', fileName: 'report.pdf', mediaType: 'application/pdf', size: 30, sha256: COPY_HASHES.pdf }],
  },
};

const attached: Evidence = {
  id: 'evidence-0003',
  url: '',
  title: '',
  note: '',
  stance: 'supports',
  accessedAt: '',
  copy: {
    kind: 'file',
    id: 'copy-file-0003',
    originalName: 'لقطة شاشة.png',
    attachedAt: '2026-03-17T12:00:00.000Z',
    files: [{ role: 'original', fileName: 'file.png', mediaType: 'image/png', size: 40, sha256: COPY_HASHES.attached }],
  },
};

/** REVIEW with its first claim citing the kept page, the kept PDF, the attached file and a plain link (no copy). */
export const REVIEW_WITH_COPIES: Review = {
  ...REVIEW,
  claims: REVIEW.claims.map((claim, index): Claim =>
    index === 0 ? { ...claim, evidence: [keptPage, keptPdf, attached, { id: 'evidence-0004', url: 'https://plain.example/', title: '', note: '', stance: 'unset', accessedAt: '' }] } : claim,
  ),
};
