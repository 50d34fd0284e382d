/**
 * Adds resources to an MHTML archive that Chromium's snapshot leaves out. Chromium drops a web
 * font's bytes once it has decoded them, so `Page.captureSnapshot` never contains fonts; the
 * capture fetched them itself and appends them here, so the archive opens with its own type.
 */

/** A resource to keep in the archive under the address the page asked for. */
export interface ArchivePart {
  url: string;
  mediaType: string;
  body: Buffer;
}

/** The `boundary` parameter of the archive's top Content-Type header. */
function boundaryOf(mhtml: string): string | undefined {
  const header = mhtml.slice(0, mhtml.search(/\r?\n\r?\n/));
  return /boundary="?([^";\r\n]+)"?/i.exec(header)?.[1];
}

/** Every Content-Location already in the archive. */
export function archiveLocations(mhtml: string): Set<string> {
  return new Set([...mhtml.matchAll(/^Content-Location:\s*(\S+)\s*$/gim)].map((match) => match[1] ?? ''));
}

function base64Lines(body: Buffer): string {
  return (body.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/**
 * `mhtml` with a base64 part for each of `parts` whose address is not in it yet, placed before
 * the closing boundary. Returns `mhtml` unchanged when it has no recognisable boundary.
 */
export function withArchiveParts(mhtml: string, parts: readonly ArchivePart[]): string {
  const boundary = boundaryOf(mhtml);
  if (!boundary) return mhtml;
  const closing = mhtml.lastIndexOf(`--${boundary}--`);
  if (closing < 0) return mhtml;
  const present = archiveLocations(mhtml);
  const added: string[] = [];
  for (const part of parts) {
    // A header value cannot carry a line break (the server chose the media type, the page the address).
    if (present.has(part.url) || /[\r\n\s]/.test(part.url) || /[\r\n]/.test(part.mediaType)) continue;
    present.add(part.url);
    added.push(`--${boundary}\r\nContent-Type: ${part.mediaType}\r\nContent-Transfer-Encoding: base64\r\nContent-Location: ${part.url}\r\n\r\n${base64Lines(part.body)}\r\n\r\n`);
  }
  if (added.length === 0) return mhtml;
  return `${mhtml.slice(0, closing)}${added.join('')}${mhtml.slice(closing)}`;
}
