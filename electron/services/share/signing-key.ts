/**
 * The reviewer's signing key: an Ed25519 key pair (Node's crypto) made for their reviewer id the
 * first time they share, kept in the data folder readable by them alone, and used to sign every
 * share file they write, so a colleague can tell a file really comes from them and was not changed.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Id, Timestamp } from '../../../shared/model/primitives';
import { SIGNATURE_CONTEXT, type ShareSignature } from '../../../shared/share-file/share-file-schema';

export const SIGNING_KEY_FILE = 'signing-key.json';

const StoredKey = z
  .object({
    format: z.literal('factmark-signing-key'),
    version: z.literal(1),
    reviewerId: Id,
    /** Raw 32-byte public key, base64. */
    publicKey: z.string(),
    /** PKCS #8 DER of the private key, base64. */
    privateKey: z.string(),
    createdAt: Timestamp,
  })
  .strict();
type StoredKey = z.infer<typeof StoredKey>;

export interface SigningKey {
  reviewerId: string;
  publicKey: string;
  fingerprint: string;
  createdAt: string;
  sign(message: Uint8Array): ShareSignature;
}

/** What a sender's key signs for a file with this checksum. */
export function signedMessage(checksum: string): Uint8Array {
  return new TextEncoder().encode(`${SIGNATURE_CONTEXT}${checksum}`);
}

/** A short, readable name for a public key: the start of its SHA-256 in groups of four, e.g. "3F2A 9C01 77B4 E2D0". */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').toUpperCase();
  return (hex.slice(0, 16).match(/.{4}/g) as string[]).join(' ');
}

function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') }, format: 'jwk' });
}

/** True when `signature` is the signer's signature of a file with this checksum. */
export function signatureHolds(signature: ShareSignature, checksum: string): boolean {
  try {
    return verify(null, signedMessage(checksum), publicKeyObject(signature.publicKey), Buffer.from(signature.value, 'base64'));
  } catch {
    return false;
  }
}

function keyFrom(stored: StoredKey): SigningKey {
  const privateKey = createPrivateKey({ key: Buffer.from(stored.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return {
    reviewerId: stored.reviewerId,
    publicKey: stored.publicKey,
    fingerprint: fingerprintOf(stored.publicKey),
    createdAt: stored.createdAt,
    sign: (message) => ({ algorithm: 'Ed25519', publicKey: stored.publicKey, value: sign(null, message, privateKey).toString('base64') }),
  };
}

async function readStoredKey(path: string): Promise<StoredKey | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  try {
    return StoredKey.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The key pair kept in `dataDir` for `reviewerId`, or null when there is none yet. */
export async function readSigningKey(dataDir: string, reviewerId: string): Promise<SigningKey | null> {
  const stored = await readStoredKey(join(dataDir, SIGNING_KEY_FILE));
  return stored && stored.reviewerId === reviewerId ? keyFrom(stored) : null;
}

/**
 * The reviewer's key pair, made and stored (mode 600, written aside and renamed into place)
 * the first time. A damaged key file is kept aside, never overwritten in place.
 */
export async function signingKeyFor(dataDir: string, reviewerId: string, now: Date = new Date()): Promise<SigningKey> {
  const path = join(dataDir, SIGNING_KEY_FILE);
  const existing = await readSigningKey(dataDir, reviewerId);
  if (existing) return existing;
  const pair = generateKeyPairSync('ed25519');
  const jwk = pair.publicKey.export({ format: 'jwk' });
  const stored: StoredKey = {
    format: 'factmark-signing-key',
    version: 1,
    reviewerId,
    publicKey: Buffer.from(jwk.x as string, 'base64url').toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    createdAt: now.toISOString(),
  };
  // Whatever was there (another reviewer id's key, a damaged file) is kept beside it.
  await rename(path, `${path}.replaced-${now.getTime()}`).catch(() => undefined);
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(stored, null, 1));
    await handle.sync();
    await handle.close();
    await rename(temp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return keyFrom(stored);
}
