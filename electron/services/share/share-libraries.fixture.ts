/** Two (or more) libraries in temp folders, called through the handler registry as the app calls them. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { createHandlerRegistry } from '../../api/handler-registry';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';

export type Call = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

export async function openLibrary(): Promise<{ services: FactmarkServices; call: Call; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'factmark-share-'));
  const services = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
  const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
  const call: Call = async (channel, input) => {
    const result = await registry.invoke(channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as never;
  };
  return { services, call, dataDir };
}

/** Every file of a data folder with its hash: "unchanged" means byte for byte. */
export async function snapshot(dataDir: string): Promise<string[]> {
  const names = (await readdir(dataDir, { recursive: true })).filter((name) => !name.endsWith('factmark.lock')).sort();
  return Promise.all(names.map((name) => readFile(join(dataDir, name)).then((data) => `${name}:${createHash('sha256').update(data).digest('hex')}`, () => name)));
}

/** A share file rewritten with a valid checksum, so the check under test is the one that speaks. */
export function resealed(file: Record<string, unknown>): string {
  // Without the signature too: the content changed, so the sender's signature no longer holds.
  const { checksum: _checksum, signature: _signature, ...content } = file;
  return JSON.stringify({ ...content, checksum: { algorithm: 'sha256', canonicalization: 'RFC 8785', value: createHash('sha256').update(canonicalize(content) as string).digest('hex') } });
}


export type Library = Awaited<ReturnType<typeof openLibrary>>;

/** The article both reviewers work on. */
export const JOBS_ARTICLE = 'The minister said unemployment fell by 20 percent last year.\n\nCrime rose 5 percent in the city, police said.\n\nThe budget is 3 billion, the mayor said.';

/** Ana and Bob, each with a library and a name; Ana has the review "Jobs" with `claims` marked. */
export async function anaAndBob(claims: ChannelInput<'review:annotate'>['claims']): Promise<{ ana: Library; bob: Library; reviewId: string }> {
  const ana = await openLibrary();
  const bob = await openLibrary();
  await ana.call('settings:setReviewer', { name: 'Ana' });
  await bob.call('settings:setReviewer', { name: 'Bob' });
  const { review } = await ana.call('review:create', { title: 'Jobs', sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body: JOBS_ARTICLE } });
  await ana.call('review:annotate', { id: review.id, claims });
  return { ana, bob, reviewId: review.id };
}
