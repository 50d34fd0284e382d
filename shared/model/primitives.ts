/** Small zod building blocks shared by every stored and exchanged record. */
import { z } from 'zod';
import { readWebAddress } from './web-address';

/** An opaque identifier made by `crypto.randomUUID()`. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a Factmark id');

/** An instant as an ISO 8601 string in UTC, e.g. `2026-11-25T09:30:00.000Z`. */
export const Timestamp = z.iso.datetime();

/** A calendar date `YYYY-MM-DD`, or '' when the reviewer has not given one. */
export const OptionalDate = z.union([z.literal(''), z.iso.date()]);

/**
 * True when `value` parses as an absolute http: or https: URL: the looser rule stored files were
 * written under. New addresses pass `readWebAddress` (web-address.ts) before they are kept.
 */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** An absolute web address as stored files hold it; other schemes (javascript:, file:, data:) are refused. */
export const HttpUrl = z
  .string()
  .max(4096)
  .refine(isHttpUrl, 'must be a web address starting with http:// or https://');

/** A web address or '' when none is known. */
export const OptionalHttpUrl = z.union([z.literal(''), HttpUrl]);

/** Free text typed by a reviewer; the bound keeps one field from swamping a file. */
export const ShortText = z.string().max(2_000);
export const LongText = z.string().max(200_000);

/** A web address as a person or a file gives it: checked by the one rule and stored normalised. */
export const WebAddressInput = z
  .string()
  .max(4096)
  .transform((value, context) => {
    const read = readWebAddress(value);
    if (!read.ok) {
      context.addIssue({ code: 'custom', message: read.problem });
      return z.NEVER;
    }
    return read.url;
  });

/** A web address given by a person or a file, or '' when there is none. */
export const OptionalWebAddressInput = z.union([z.literal(''), WebAddressInput]);
