import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH_RULES } from './guarded-fetch';
import { ArchiveSendError, saveAddress, sendToArchive } from './wayback-archive';
import { startWaybackStandIn, type WaybackStandIn } from './wayback-stand-in.fixture';

const LOOPBACK = { ...DEFAULT_FETCH_RULES, permitsAddress: (address: string) => address === '127.0.0.1', timeoutMs: 5_000 };
const PAGE = 'https://stats.example/t3?year=2024';

describe('the Save Page Now request', () => {
  it('puts the page address, without its fragment, after save/ under the service address', () => {
    expect(saveAddress('https://web.archive.org/', `${PAGE}#table`)).toBe(`https://web.archive.org/save/${PAGE}`);
    expect(saveAddress('http://127.0.0.1:9000/archive', PAGE)).toBe(`http://127.0.0.1:9000/archive/save/${PAGE}`);
  });

  it('never sends the address of a page on this computer or a private network under the product rules', async () => {
    for (const page of ['http://localhost:8080/memo', 'http://10.0.0.7/intranet', 'http://[::1]/x']) {
      const refusal = await sendToArchive('http://127.0.0.1:1/', page, DEFAULT_FETCH_RULES).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ArchiveSendError);
      expect(refusal).toMatchObject({ action: 'drop', message: expect.stringMatching(/address was not sent/) });
    }
  });
});

describe('sending to the stand-in service', () => {
  let standIn: WaybackStandIn;
  beforeAll(async () => {
    standIn = await startWaybackStandIn('redirect');
  });
  afterAll(async () => {
    await standIn.down();
  });

  it('reads the archived address from Content-Location, or from the redirect', async () => {
    standIn.mode = 'content-location';
    const fixed = () => new Date('2026-03-15T10:16:00.000Z');
    expect(await sendToArchive(standIn.address, PAGE, LOOPBACK, fixed)).toEqual({ url: standIn.archivedUrl(PAGE), sentAt: '2026-03-15T10:16:00.000Z' });
    standIn.mode = 'redirect';
    expect((await sendToArchive(standIn.address, PAGE, LOOPBACK)).url).toBe(standIn.archivedUrl(PAGE));
    expect(standIn.saved).toEqual([PAGE, PAGE]);
  });

  it('is refused when the service is on a loopback address the rules do not allow', async () => {
    const refusal = await sendToArchive(standIn.address, PAGE, DEFAULT_FETCH_RULES).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ action: 'drop', message: expect.stringMatching(/127\.0\.0\.1.*Allow private network addresses/) });
  });
});
