/** Filling a library for a test through the app's own API over the loopback bridge, as the page itself calls it. */
import type { Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/api/contract';

/** Calls `channel` from the page, with the bridge token the page was given; throws the API's own message on failure. */
export async function callApi<C extends Channel>(page: Page, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await page.evaluate(
    async ({ channel: name, input: body }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="factmark-bridge-token"]')?.content ?? '';
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-factmark-token': token }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    { channel, input },
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
  return result.value as ChannelOutput<C>;
}

/** A review made from plain `body` with `claims` marked on it (verdicts by label), as the command line's annotate does. */
export async function reviewWithClaims(page: Page, title: string, body: string, claims: ChannelInput<'review:annotate'>['claims']): Promise<{ id: string; claimIds: string[] }> {
  const { review } = await callApi(page, 'review:create', { title, sourceUrl: '', origin: { kind: 'paste' }, article: { format: 'text', body } });
  const { claimIds } = await callApi(page, 'review:annotate', { id: review.id, claims });
  return { id: review.id, claimIds };
}
