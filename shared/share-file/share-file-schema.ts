/**
 * The `.factmark` share file: one review with its article, claims, anchors and history, for a
 * colleague to open or merge. docs/share-file-format.md describes every field; the JSON Schema in
 * resources/schemas/ is generated from this module (npm run schema:share).
 */
import { z } from 'zod';
import { QUOTE_CONTEXT_LENGTH } from '../article/claim-spans';
import { ArticleDoc } from '../model/article-doc';
import { Claim } from '../model/claim';
import { ClaimEvent } from '../model/claim-history';
import { Id, OptionalDate, OptionalHttpUrl, Timestamp } from '../model/primitives';
import { Publication } from '../model/publisher';
import { RatingScale } from '../model/rating-scale';
import { LanguageTag, ReviewOrigin, ReviewTitle } from '../model/review';
import { Reviewer } from '../model/reviewer';
import { MAX_ARTICLE_SOURCE_CHARS, MAX_CLAIMS, MAX_HISTORY_EVENTS } from '../model/storage-limits';
import { MAX_SHARED_EVIDENCE_FILES, SharedEvidenceFile } from './shared-evidence';

export const SHARE_FORMAT = 'factmark-share';
/**
 * The version this build writes; older versions are migrated on reading, newer ones refused.
 * Version 2 added `signature`; version 3 kept evidence copies (`copy` on evidence items, `evidenceFiles`).
 */
export const SHARE_VERSION = 3;
export const SHARE_EXTENSION = '.factmark';
export const SHARE_MIME_TYPE = 'application/vnd.factmark.share+json';
/** Far above any real review (a 1 MB article with 5,000 claims and their history is ~10 MB). */
export const MAX_SHARE_FILE_BYTES = 64 * 1024 * 1024;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');

/** Where a claim sits, as W3C Web Annotation selectors over `article.text`. */
export const ShareAnchor = z
  .object({
    quote: z
      .object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string().min(1).max(20_000),
        prefix: z.string().max(QUOTE_CONTEXT_LENGTH),
        suffix: z.string().max(QUOTE_CONTEXT_LENGTH),
      })
      .strict(),
    position: z
      .object({
        type: z.literal('TextPositionSelector'),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
      })
      .strict(),
  })
  .strict();
export type ShareAnchor = z.infer<typeof ShareAnchor>;

/** A claim as shared: its record and its anchor (null when the sender could not place it either). */
export const SharedClaim = Claim.extend({ anchor: ShareAnchor.nullable() }).strict();
export type SharedClaim = z.infer<typeof SharedClaim>;

export const ShareFileContent = z
  .object({
    format: z.literal(SHARE_FORMAT),
    version: z.literal(SHARE_VERSION),
    /** The program that wrote the file, e.g. `Factmark 0.3.0`. */
    generator: z.string().max(100),
    sharedAt: Timestamp,
    sharedBy: Reviewer,
    review: z
      .object({
        id: Id,
        title: ReviewTitle,
        sourceUrl: OptionalHttpUrl,
        byline: z.string().max(500),
        publishedAt: OptionalDate,
        /** The checked article's outlet and language (article details); absent in files from before. */
        outlet: z.string().max(300).optional(),
        language: LanguageTag.optional(),
        createdAt: Timestamp,
        updatedAt: Timestamp,
        origin: ReviewOrigin.strict(),
        /** Where the fact-check is published, as the sender set it. */
        publication: Publication.strict().optional(),
        /** The highest claim number the sender's copy ever gave, so no copy gives one again. */
        lastClaimNumber: z.number().int().nonnegative().max(10_000_000).optional(),
      })
      .strict(),
    scale: RatingScale,
    article: z
      .object({
        /** The plain text anchors count in: blocks joined by one "\n", as Factmark reads its editor. */
        text: z.string().max(MAX_ARTICLE_SOURCE_CHARS),
        sha256: Sha256Hex,
        /** Offsets count UTF-16 code units, as JavaScript strings do. */
        unit: z.literal('utf16-code-unit'),
        /** No Unicode normalisation is applied before counting. */
        normalization: z.literal('none'),
        /** The formatted article (ProseMirror JSON) without claim marks; its text is `text`. */
        doc: ArticleDoc,
      })
      .strict(),
    claims: z.array(SharedClaim).max(MAX_CLAIMS),
    history: z.array(ClaimEvent).max(MAX_HISTORY_EVENTS),
    /** Everyone who appears in `history`, with the name they last gave. */
    reviewers: z.array(Reviewer).max(10_000),
    /**
     * The files of the claims' kept evidence copies, when the sender chose to include them; each is
     * hashed on receipt and a copy is kept only when all its files match (see shared-evidence).
     */
    evidenceFiles: z.array(SharedEvidenceFile).max(MAX_SHARED_EVIDENCE_FILES).optional(),
  })
  .strict();
export type ShareFileContent = z.infer<typeof ShareFileContent>;

export const ShareChecksum = z
  .object({
    algorithm: z.literal('sha256'),
    /** The hash is of the JSON Canonicalization Scheme form of the file without `checksum`. */
    canonicalization: z.literal('RFC 8785'),
    value: Sha256Hex,
  })
  .strict();

/** What the sender's signature is over: this prefix, then the checksum's hex value. */
export const SIGNATURE_CONTEXT = 'factmark-share-signature-v1\n';

/**
 * The sender's Ed25519 signature, made with the key pair their Factmark made for their reviewer
 * id. It covers the checksum, which covers everything else, so any change to the file breaks it.
 */
export const ShareSignature = z
  .object({
    algorithm: z.literal('Ed25519'),
    /** The signer's public key: 32 bytes in base64. */
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'must be an Ed25519 public key in base64'),
    /** The signature of SIGNATURE_CONTEXT + checksum.value (UTF-8): 64 bytes in base64. */
    value: z.string().regex(/^[A-Za-z0-9+/]{85}[AQgw]==$/, 'must be an Ed25519 signature in base64'),
  })
  .strict();
export type ShareSignature = z.infer<typeof ShareSignature>;

/** A share file as written: content, checksum, and (from version 2) the sender's signature; unsigned files still open. */
export const ShareFile = ShareFileContent.extend({ checksum: ShareChecksum, signature: ShareSignature.optional() }).strict();
export type ShareFile = z.infer<typeof ShareFile>;
