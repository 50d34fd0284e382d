/** The file name a fetched file (a PDF, an image) is kept under: its own name from the address when it has one. */

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'application/json': 'json',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
};

/** "report.pdf" for https://example.org/files/report.pdf; "original.pdf" when the address names no file; always safe as a file name. */
export function originalFileName(url: string, mediaType: string): string {
  let last = '';
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    // an undecodable name: fall back to the generic one
  }
  const safe = [...last]
    .map((character) => (character < ' ' || character === '\u007f' || '<>:"/\\|?*'.includes(character) ? '_' : character))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const extension = EXTENSIONS[mediaType];
  const base = safe || 'original';
  if (!extension || /\.[a-z0-9]{1,5}$/i.test(base)) return base;
  return `${base}.${extension}`;
}
