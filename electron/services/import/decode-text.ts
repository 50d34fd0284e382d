/**
 * Turns the bytes of a text file into a string: a byte-order mark decides, then strict UTF-8,
 * then jschardet's guess decoded by iconv-lite. When the guess is weak the caller learns it, so
 * the reviewer can choose the encoding.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { ApiError } from '../../../shared/api/envelope';

export interface DecodedText {
  text: string;
  encoding: string;
  /** True when the encoding came from a guess the detector was not sure of. */
  unsure: boolean;
}

/** Encodings a reviewer can choose from when detection is unsure. */
export const CHOOSABLE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252', 'iso-8859-1', 'iso-8859-2', 'iso-8859-6', 'iso-8859-15', 'windows-1251', 'koi8-r'] as const;

const CONFIDENT = 0.8;

/** The text of `bytes`, in `encoding` when given, else detected. */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  const buffer = Buffer.from(bytes);
  if (encoding) {
    if (!iconv.encodingExists(encoding)) throw new ApiError('invalid-input', `"${encoding}" is not an encoding Factmark knows. Choose one of: ${CHOOSABLE_ENCODINGS.join(', ')}.`);
    return { text: iconv.decode(buffer, encoding).replace(/^\uFEFF/, ''), encoding, unsure: false };
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8', unsure: false };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le', unsure: false };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be', unsure: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8', unsure: false };
  } catch {
    // Not UTF-8: an older single-byte encoding; ask the detector.
  }
  const guess = jschardet.detect(buffer, { minimumThreshold: 0 });
  let guessed = guess.encoding && iconv.encodingExists(guess.encoding) ? guess.encoding.toLowerCase() : 'windows-1252';
  // jschardet reports Arabic single-byte text as windows-1256 or iso-8859-6 with low confidence; Arabic letters decide.
  if (/^(windows-1252|iso-8859-1|ascii)$/.test(guessed) && arabicLooksLikely(buffer)) guessed = 'windows-1256';
  return { text: iconv.decode(buffer, guessed), encoding: guessed, unsure: (guess.confidence ?? 0) < CONFIDENT };
}

/** Windows-1256 puts Arabic letters at 0xC1–0xFE; text full of them and free of Latin-1 word shapes is Arabic. */
function arabicLooksLikely(buffer: Buffer): boolean {
  let high = 0;
  for (const byte of buffer) if (byte >= 0xc1 && byte <= 0xfe) high++;
  const asArabic = iconv.decode(buffer, 'windows-1256');
  const arabicLetters = (asArabic.match(/[\u0621-\u064A]/g) ?? []).length;
  return high > 0 && arabicLetters >= high * 0.8;
}
