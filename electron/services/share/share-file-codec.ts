/**
 * Share files to and from bytes. Reading is written for files from anywhere: every step that can
 * fail (size, encoding, JSON, format name, version, shape, checksum, consistency) says what is
 * wrong in words a reviewer can act on, and nothing is read into the library before all pass.
 */
import { createHash } from 'node:crypto';
// canonicalize stays at 4.0.0: 5.x gives the same RFC 8785 text but declares Node >= 22, and
// Factmark runs on Node 20. 4.0 recurses: the schema caps the nesting of what it keeps, and
// deeper nesting in members it drops fails the check below as damage.
import canonicalize from 'canonicalize';
import { ApiError } from '../../../shared/api/envelope';
import { describeIssues } from '../../../shared/api/plain-issues';
import { restoreOrdinalFlags } from '../../../shared/model/legacy-ordinal';
import { readWebAddress } from '../../../shared/model/web-address';
import { MAX_SHARE_FILE_BYTES, ShareFile, ShareFileContent, SHARE_EXTENSION, SHARE_FORMAT, SHARE_VERSION, type ShareSignature } from '../../../shared/share-file/share-file-schema';
import { signatureHolds, signedMessage } from './signing-key';
import { fileStem } from '../export/export-review';

export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The checksum of `content` as it was written, in format `version` (the checksum covers the version number too). */
function checksumOf(content: object, version: number): string {
  return sha256Hex(canonicalize({ ...content, version }) as string);
}

/**
 * The bytes of a share file: its content, the checksum over the content's canonical JSON, and
 * the sender's signature of that checksum when `sign` is given.
 */
export function encodeShareFile(content: ShareFileContent, sign?: (message: Uint8Array) => ShareSignature): Uint8Array {
  const version = writtenVersion(content);
  const checksum: ShareFile['checksum'] = { algorithm: 'sha256', canonicalization: 'RFC 8785', value: checksumOf(content, version) };
  const file = { ...content, version, checksum, ...(sign ? { signature: sign(signedMessage(checksum.value)) } : {}) };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 1)}\n`);
}

/** The format version before evidence copies, which a share without them is written in. */
const VERSION_BEFORE_COPIES = 2;

/**
 * The oldest format that holds `content`: a share without evidence copies is written as version 2,
 * so a colleague whose Factmark predates copies can still open it; one with copies needs version 3.
 */
function writtenVersion(content: ShareFileContent): number {
  const carriesCopies = content.evidenceFiles !== undefined || content.claims.some((claim) => claim.evidence.some((item) => item.copy !== undefined));
  return carriesCopies ? SHARE_VERSION : VERSION_BEFORE_COPIES;
}

/**
 * Upgrades a share file of version N to N + 1. Steps may only change the version number: the
 * checksum is checked against the content as its sender wrote it.
 */
const STEPS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added the optional signature; a version 1 file is a version 2 file without one.
  1: (file) => file,
  // Version 3 added kept evidence copies; a version 2 file is a version 3 file whose sources have none.
  2: (file) => file,
};

const refuse = (what: string): never => {
  throw new ApiError('invalid-input', `${what} Nothing was changed in your library.`);
};

function parseJson(bytes: Uint8Array, name: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(`${name} is not a Factmark share file: it is not text (UTF-8).`);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    // Deep nesting can exhaust the parser's stack; say so as what it is, a damaged file.
    const reason = error instanceof SyntaxError ? error.message : 'it is nested too deeply to read';
    return refuse(`${name} is damaged or incomplete: it is not valid JSON (${reason}). Ask the sender to share the review again.`);
  }
}

/** Reads a share file, migrating older versions; throws a reviewer-facing ApiError for anything else. */
export function decodeShareFile(bytes: Uint8Array, name = 'This file'): ShareFile {
  if (bytes.byteLength === 0) refuse(`${name} is empty.`);
  if (bytes.byteLength > MAX_SHARE_FILE_BYTES) refuse(`${name} is ${(bytes.byteLength / 1048576).toFixed(0)} MB; share files are at most ${MAX_SHARE_FILE_BYTES / 1048576} MB.`);
  const raw = parseJson(bytes, name);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== SHARE_FORMAT) {
    refuse(`${name} is not a Factmark share file (it has no "format": "${SHARE_FORMAT}"). Open articles with New review instead.`);
  }
  let file = raw as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) refuse(`${name} has no valid format version; it is damaged.`);
  if ((version as number) > SHARE_VERSION) {
    refuse(`${name} was made by a newer Factmark (share format ${version as number}; this one reads up to ${SHARE_VERSION}). Update Factmark to open it.`);
  }
  for (let from = version as number; from < SHARE_VERSION; from++) {
    const step = STEPS[from];
    if (!step) refuse(`${name} has share format ${from}, which this Factmark cannot read.`);
    file = { ...(step as NonNullable<typeof step>)(file), version: from + 1 };
  }
  // Scales from before verdicts said whether they are ordinal get the built-in scale's flags right.
  const parsed = ShareFile.safeParse({ ...file, scale: restoreOrdinalFlags(file.scale) });
  if (!parsed.success) {
    return refuse(`${name} does not match the share file format: ${describeIssues(parsed.error, 'the file', 2)} It may be damaged or made by another program.`);
  }
  const { checksum, signature, ...content } = parsed.data;
  // The sender hashed the content as they wrote it, so the check is of the file as read: the
  // parsed copy has defaults filled in for fields added since (a verdict's `ordinal`).
  const { checksum: _checksum, signature: _signature, ...written } = file;
  let actual: string;
  try {
    actual = checksumOf(written, version as number);
  } catch {
    return refuse(`${name} holds something that cannot be checked (a broken character, or nesting too deep); it is damaged.`);
  }
  if (actual !== checksum.value) refuse(`${name} was changed or damaged after it was saved (its checksum does not match). Ask the sender to share the review again.`);
  if (signature && !signatureHolds(signature, checksum.value)) {
    refuse(
      `${name} was changed after ${content.sharedBy.name || 'its sender'} signed it: its signature does not match its content, so it may not be what they sent. Ask them to share the review again.`,
    );
  }
  checkConsistency(parsed.data, name);
  return parsed.data;
}

/** What the schema cannot say: the parts of the file agree with each other. */
function checkConsistency(file: ShareFile, name: string): void {
  if (sha256Hex(file.article.text) !== file.article.sha256) refuse(`${name} is damaged: its article text does not match its SHA-256.`);
  const claimIds = new Set<string>();
  const verdicts = new Set(file.scale.verdicts.map((verdict) => verdict.id));
  for (const claim of file.claims) {
    if (claimIds.has(claim.id)) refuse(`${name} is damaged: two claims share the id ${claim.id}.`);
    claimIds.add(claim.id);
    if (claim.verdictId !== null && !verdicts.has(claim.verdictId)) refuse(`${name} is damaged: claim ${claim.id} has the verdict "${claim.verdictId}", which is not on its rating scale.`);
    const anchor = claim.anchor;
    if (anchor && (anchor.position.end <= anchor.position.start || anchor.position.end > file.article.text.length)) {
      refuse(`${name} is damaged: claim ${claim.id} points outside the article text.`);
    }
  }
  checkAddresses(file, name);
  const eventIds = new Set(file.history.map((event) => event.id));
  if (eventIds.size !== file.history.length) refuse(`${name} is damaged: two history events share one id.`);
  const eventClaim = new Map(file.history.map((event) => [event.id, event.claimId]));
  for (const event of file.history) {
    for (const parent of event.parents) {
      if (eventClaim.get(parent) !== event.claimId) refuse(`${name} is damaged: a history event of claim ${event.claimId} follows an event that is not in the file.`);
    }
    if (event.set.verdictId && !verdicts.has(event.set.verdictId)) refuse(`${name} is damaged: a history event gives the verdict "${event.set.verdictId}", which is not on its rating scale.`);
  }
}

/** Every web address in the file (the source, each claim's and each history event's) passes the one rule. */
function checkAddresses(file: ShareFile, name: string): void {
  const check = (address: string, where: string): void => {
    if (address === '') return;
    const read = readWebAddress(address);
    if (!read.ok) refuse(`${name} holds an address Factmark does not keep (${where}): ${read.problem} Nothing was changed; ask the sender to correct it and share again.`);
  };
  check(file.review.sourceUrl, 'the article’s source');
  const addressesOf = (fields: { appearanceUrl?: string; evidence?: { url: string }[] }): string[] => [fields.appearanceUrl ?? '', ...(fields.evidence ?? []).map((item) => item.url)];
  for (const claim of file.claims) for (const address of addressesOf(claim)) check(address, `a claim on “${(claim.anchor?.quote.exact ?? claim.id).slice(0, 40)}”`);
  for (const event of file.history) for (const address of addressesOf(event.set)) check(address, `the history of claim ${event.claimId}`);
}

/** The file name a share of `title` is offered under. */
export function shareFileName(title: string): string {
  return `${fileStem(title)}${SHARE_EXTENSION}`;
}
