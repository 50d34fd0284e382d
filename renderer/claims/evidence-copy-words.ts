/** How a kept copy and its check are said to the reviewer: the status line, the hash, what Verify found. */
import type { TFunction } from 'i18next';
import type { VerifiedFile } from '../../shared/api/evidence-schema';
import type { EvidenceCopy, EvidenceFileRole } from '../../shared/model/evidence-copy';
import { formatDateTime, intlLocale } from '../i18n/interface-format';

/** The first 8 hex digits of a SHA-256, enough to recognise it beside the full one in the copy's details. */
export function shortHash(sha256: string): string {
  return `${sha256.slice(0, 8)}…`;
}

/** The file a copy is known by: the original for an attached file or a PDF link, else the archive, else the first. */
export function mainFile(copy: EvidenceCopy): EvidenceCopy['files'][number] {
  const preferred: EvidenceFileRole[] = ['original', 'archive', 'screenshot', 'text', 'print'];
  for (const role of preferred) {
    const file = copy.files.find((candidate) => candidate.role === role);
    if (file) return file;
  }
  return copy.files[0] as EvidenceCopy['files'][number];
}

/** Left-to-right isolate marks (LRI … PDI) around text that must read left to right in any sentence. */
const LRI = '\u2066';
const PDI = '\u2069';

/**
 * "Copy kept on 1 Dec 2026, 12:04 · SHA-256 ab12cd34…" (or "File attached on …"). The hash is
 * isolated left to right, so in an Arabic sentence its "…" stays at its end, after the digits.
 */
export function copyStatusLine(copy: EvidenceCopy, t: TFunction, language: string): string {
  const hash = `${LRI}${shortHash(mainFile(copy).sha256)}${PDI}`;
  return copy.kind === 'page'
    ? t('evidenceCopy.keptOn', { date: formatDateTime(copy.retrievedAt, language), hash })
    : t('evidenceCopy.attachedOn', { date: formatDateTime(copy.attachedAt, language), hash });
}

/** A byte count as the reviewer reads it ("1.4 MB", "812 KB", "96 bytes"). */
export function formatSize(bytes: number, t: TFunction, language: string): string {
  const number = (value: number): string => value.toLocaleString(intlLocale(language), { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return t('evidenceCopy.sizeMb', { size: number(bytes / 1024 / 1024) });
  if (bytes >= 1024) return t('evidenceCopy.sizeKb', { size: number(bytes / 1024) });
  return t('evidenceCopy.sizeBytes', { size: number(bytes) });
}

/** What a stored file is, in the reviewer's words ("The screenshot"). */
export function roleName(role: EvidenceFileRole, t: TFunction): string {
  const names: Record<EvidenceFileRole, string> = {
    archive: t('evidenceCopy.role.archive'),
    screenshot: t('evidenceCopy.role.screenshot'),
    print: t('evidenceCopy.role.print'),
    text: t('evidenceCopy.role.text'),
    original: t('evidenceCopy.role.original'),
    'web-archive': t('evidenceCopy.role.webArchive'),
  };
  return names[role];
}

/** What Verify found for one evidence item: "Intact", or each missing or altered file named by its role. */
export function verifyVerdict(files: readonly VerifiedFile[], t: TFunction): { intact: boolean; text: string } {
  const broken = files.filter((file) => file.state !== 'intact');
  if (files.length === 0) return { intact: false, text: t('evidenceCopy.verifyNothing') };
  if (broken.length === 0) return { intact: true, text: t('evidenceCopy.intact') };
  const parts = broken.map((file) => t(file.state === 'missing' ? 'evidenceCopy.fileMissing' : 'evidenceCopy.fileAltered', { role: roleName(file.role, t), fileName: file.fileName }));
  return { intact: false, text: `${parts.join(' ')} ${t('evidenceCopy.verifyAdvice')}` };
}
