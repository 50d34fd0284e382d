/** The preload exposes one function per contract channel to the page, and nothing else. */
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { API_GLOBAL, CHANNELS } from '../../shared/api/contract';
import { electronStandIn } from '../main/test-support/electron-stand-in';

vi.mock('electron', async () => (await import('../main/test-support/electron-stand-in')).electronModule);

let exposed: Record<string, unknown>;

beforeAll(async () => {
  electronStandIn.reset();
  await import('./index');
  exposed = electronStandIn.state.exposedInMainWorld.get(API_GLOBAL) as Record<string, unknown>;
});

describe('the preload', () => {
  test('exposes only the API global to the page', () => {
    expect([...electronStandIn.state.exposedInMainWorld.keys()]).toEqual([API_GLOBAL]);
  });

  test('exposes exactly one function per contract channel, frozen so the page cannot add any', () => {
    expect(Object.keys(exposed).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof exposed[channel], channel).toBe('function');
    expect(Object.isFrozen(exposed)).toBe(true);
  });

  test('sends each call on its own channel with its argument and nothing else', async () => {
    const reviewList = exposed['review:list'] as (input: unknown) => Promise<unknown>;
    await reviewList({});
    const openExternal = exposed['shell:openExternal'] as (input: unknown) => Promise<unknown>;
    await openExternal({ url: 'https://example.com/' });
    expect(electronStandIn.state.invokedFromRenderer).toEqual([
      { channel: 'review:list', input: {} },
      { channel: 'shell:openExternal', input: { url: 'https://example.com/' } },
    ]);
  });
});
