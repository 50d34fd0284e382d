/** Who publishes the library's fact-checks (every review), and where one review's fact-check is published. */
import { z } from 'zod';
import { OptionalDate, OptionalHttpUrl } from './primitives';

const LOGO_SHAPE = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]{12,}/;

/** An organisation logo as reports embed it: a PNG or JPEG of at most 256 KB, as a data: URL. */
export const MAX_LOGO_BYTES = 256 * 1024;
export const LogoDataUrl = z
  .string()
  .max('data:image/jpeg;base64,'.length + Math.ceil(MAX_LOGO_BYTES / 3) * 4, `is larger than ${MAX_LOGO_BYTES / 1024} KB`)
  .regex(/^$|^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'must be a PNG or JPEG image')
  .refine((value) => value === '' || isPngOrJpeg(value), 'is not a PNG or JPEG image (its bytes say otherwise)');

/** True when the data: URL's bytes start as its type says: a renamed file is not an image. */
function isPngOrJpeg(dataUrl: string): boolean {
  // zod runs this even when the shape check above failed: only a well-formed data: URL is decoded.
  if (!LOGO_SHAPE.test(dataUrl)) return false;
  const comma = dataUrl.indexOf(',');
  const head = atob(dataUrl.slice(comma + 1, comma + 13));
  const bytes = Array.from(head, (character) => character.charCodeAt(0));
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (dataUrl.startsWith('data:image/png')) return png.every((byte, index) => bytes[index] === byte);
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export const Publisher = z.object({
  /**
   * Libraries from before kept the report's reviewer name here, apart from the name in
   * Preferences. There is one reviewer identity now (LibraryFile.reviewer): this is not used.
   */
  reviewerName: z.string().max(200),
  organizationName: z.string().max(200),
  organizationUrl: OptionalHttpUrl,
  /**
   * Only for one export (the command line's --report-url); a review's published address is its
   * own (Publication.url). Libraries from before kept one here for every review: it is not used.
   */
  reportUrl: OptionalHttpUrl,
  /** The organisation's logo, shown at the top of reports ('' for none). */
  logo: LogoDataUrl.default(''),
  /**
   * The newsroom's rule that a claim is published only once someone other than its author
   * signed it off. On by default, as the editorial step before publication; a reviewer working
   * alone turns it off in Preferences.
   */
  signOffRequired: z.boolean().default(true),
});
export type Publisher = z.infer<typeof Publisher>;

export const EMPTY_PUBLISHER: Publisher = { reviewerName: '', organizationName: '', organizationUrl: '', reportUrl: '', logo: '', signOffRequired: true };

/** Where and how one review's fact-check is published: it belongs to the review, never to the library. */
export const Publication = z.object({
  /** The published fact-check's address; claims get `#claim-N` anchors on it (ClaimReview url). */
  url: OptionalHttpUrl,
  /** The fact-check's headline as published ('' : the review's title). */
  headline: z.string().max(300),
  datePublished: OptionalDate,
  /** The people who wrote the fact-check, as bylined. */
  authors: z.array(z.string().trim().min(1).max(200)).max(20),
});
export type Publication = z.infer<typeof Publication>;

export const EMPTY_PUBLICATION: Publication = { url: '', headline: '', datePublished: '', authors: [] };
