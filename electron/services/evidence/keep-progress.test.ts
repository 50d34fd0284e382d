import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURE_STEPS } from '../../../shared/model/capture-step';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';
import { startEvidenceServer, type EvidenceServer } from './evidence-server.fixture';
import { KeepProgressBoard } from './keep-progress';

describe('the progress board of running keeps', () => {
  it('numbers each step as the capture reports it and ignores words it could not name', () => {
    const board = new KeepProgressBoard();
    expect(board.read('k1')).toEqual({ step: null, index: 0, count: CAPTURE_STEPS.length, finished: false, link: null });
    board.start('k1');
    board.step('k1', 'Fetching');
    board.step('k1', 'Loading the page');
    expect(board.read('k1')).toMatchObject({ step: 'Loading the page', index: 3, count: 7, finished: false });
    board.step('k1', 'Something new');
    expect(board.read('k1').step).toBe('Loading the page');
    // Another keep's steps do not touch this one.
    board.step('k2', 'Printing the PDF');
    expect(board.read('k2').step).toBeNull();
  });

  it('starts the steps again for each link of a keep of several, and forgets a finished keep later', async () => {
    const board = new KeepProgressBoard(20);
    board.start('all');
    board.link('all', { index: 1, count: 2 });
    board.step('all', 'Taking the screenshot');
    board.link('all', { index: 2, count: 2 });
    expect(board.read('all')).toMatchObject({ step: null, index: 0, link: { index: 2, count: 2 } });
    board.finish('all');
    board.step('all', 'Fetching');
    expect(board.read('all')).toMatchObject({ step: null, finished: true });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(board.read('all').finished).toBe(false);
  });
});

describe('evidence:keepProgress through the services', () => {
  let server: EvidenceServer;
  let services: FactmarkServices;
  beforeAll(async () => {
    server = await startEvidenceServer();
    services = await openFactmarkServices({
      dataDir: await mkdtemp(join(tmpdir(), 'factmark-keep-progress-')),
      mode: 'cli',
      renderPdf: async () => new Uint8Array(),
      evidenceRules: { permitsAddress: (address: string) => address === '127.0.0.1', timeoutMs: 60_000 },
    });
  });
  afterAll(async () => {
    await services.close();
    await server.stop();
  });

  it('says which link of how many a keep-all is on and which step it is at, and that it finished once cancelled', { timeout: 120_000 }, async () => {
    const urls = [server.url('/report.pdf'), server.url('/stalled-image-page')];
    const { review } = await services.handlers['review:create']({
      title: 'Harbour',
      sourceUrl: '',
      origin: { kind: 'paste' },
      article: { format: 'text', body: 'The council said dredging cost what it estimated.' },
    });
    await services.handlers['review:annotate']({
      id: review.id,
      claims: [{ quote: 'dredging cost what it estimated', summary: '', rationale: '', claimant: '', claimDate: '', appearanceUrl: '', evidenceUrls: urls, status: 'to-check', tags: [] }],
    });
    const keepId = 'progress-test';
    const running = services.handlers['evidence:keepAll']({ reviewId: review.id, again: false, keepId });
    const seen: string[] = [];
    let progress = await services.handlers['evidence:keepProgress']({ keepId });
    // The stalled page's image never arrives, so the capture waits in "Loading the page".
    while (!(progress.link?.index === 2 && progress.step === 'Loading the page')) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await services.handlers['evidence:keepProgress']({ keepId });
      if (progress.step) seen.push(`${progress.link?.index} ${progress.step}`);
      expect(progress.finished).toBe(false);
    }
    expect(progress).toMatchObject({ index: 3, count: CAPTURE_STEPS.length, link: { index: 2, count: 2 } });
    expect(seen.some((entry) => entry.startsWith('2 '))).toBe(true);
    await services.handlers['evidence:cancelKeep']({ keepId });
    const { results } = await running;
    expect(results.map((result) => result.outcome)).toEqual(['kept', 'failed']);
    expect((await services.handlers['evidence:keepProgress']({ keepId })).finished).toBe(true);
  });
});
