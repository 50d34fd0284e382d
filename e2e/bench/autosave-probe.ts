/**
 * Typing while the desk autosaves: bursts of keys with pauses just long enough for a save to
 * start (is the first key after a pause kept waiting by it?), then continuous typing (does a
 * save still happen every few seconds?), with the page's long tasks watched throughout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Locator, Page, Request } from '@playwright/test';
import { keysToType, longTasksBetween, pageClock, timeTyping } from './keystroke-probe';
import { waitUntilSaved } from './desk-page';

/** Bursts after the first (which follows a pause with no save in it) whose first key is timed. */
const TIMED_BURSTS = 6;
const KEYS_PER_BURST = 20;
/** Added to the save delay for each pause in turn: a save is being prepared or sent when typing resumes. */
const PAUSE_EXTRAS_MS = [100, 300, 600, 1_200];
/** Keys of continuous typing at a human rhythm (~175 ms apart): at least 12 s. */
const CONTINUOUS_KEYS = 75;

/** What typing with autosave showed. */
export interface AutosaveResult {
  /** Latencies of the first key of each burst after a pause with a save in it. */
  firstKeys: number[];
  /** Latencies of the other keys of the bursts. */
  otherKeys: number[];
  longTaskCount: number;
  longestTaskMs: number;
  /** Saves sent during the pauses between bursts. */
  pauseSaves: number;
  continuousMs: number;
  continuousSaves: number;
  /** The longest stretch of continuous typing with no save sent (from its first key, between saves, to its last key). */
  longestUnsavedMs: number;
}

/** The desk's SAVE_DELAY_MS, read from its source so the pauses follow it when it changes. */
export function readSaveDelay(reviewSyncPath: string): number {
  const found = /export const SAVE_DELAY_MS = ([\d_]+);/.exec(readFileSync(reviewSyncPath, 'utf8'));
  if (!found?.[1]) throw new Error(`SAVE_DELAY_MS was not found in ${reviewSyncPath}; the autosave bench needs it to choose its pauses.`);
  return Number(found[1].replace(/_/g, ''));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Types into `paragraph` (caret placed, Edit text on, keystroke probe installed) in bursts, then continuously; see AutosaveResult. */
export async function measureAutosave(page: Page, paragraph: Locator, saveDelayMs: number): Promise<AutosaveResult> {
  const saveTimes: number[] = [];
  const onRequest = (request: Request): void => {
    if (request.method() === 'POST' && decodeURIComponent(new URL(request.url()).pathname) === '/api/review:save') saveTimes.push(performance.now());
  };
  page.on('request', onRequest);
  const typingStart = await pageClock(page);
  try {
    const firstKeys: number[] = [];
    const otherKeys: number[] = [];
    let pauseSaves = 0;
    for (let burst = 0; burst <= TIMED_BURSTS; burst++) {
      const { latencies, lastKeyAt } = await timeTyping(page, paragraph, keysToType(KEYS_PER_BURST, burst), 'human');
      if (burst > 0) firstKeys.push(latencies[0] as number);
      otherKeys.push(...latencies.slice(1));
      if (burst === TIMED_BURSTS) break;
      const pause = saveDelayMs + (PAUSE_EXTRAS_MS[burst % PAUSE_EXTRAS_MS.length] as number);
      const before = saveTimes.length;
      await sleep(lastKeyAt + pause - performance.now());
      pauseSaves += saveTimes.length - before;
    }
    await waitUntilSaved(page);

    const started = performance.now();
    const firstSave = saveTimes.length;
    const { lastKeyAt } = await timeTyping(page, paragraph, keysToType(CONTINUOUS_KEYS, 5), 'human');
    const typingEnd = await pageClock(page);
    const saves = saveTimes.slice(firstSave).filter((time) => time <= lastKeyAt);
    const marks = [started, ...saves, lastKeyAt];
    const longestUnsavedMs = Math.max(...marks.slice(1).map((time, index) => time - (marks[index] as number)));
    const tasks = await longTasksBetween(page, typingStart, typingEnd);
    await waitUntilSaved(page);
    return {
      firstKeys,
      otherKeys,
      longTaskCount: tasks.length,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
      pauseSaves,
      continuousMs: lastKeyAt - started,
      continuousSaves: saves.length,
      longestUnsavedMs,
    };
  } finally {
    page.off('request', onRequest);
  }
}
