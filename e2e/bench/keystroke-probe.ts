/**
 * Keystroke latency as the page sees it, the same way on every page: from the key event's own
 * time stamp (when the browser received the key, so time waiting behind earlier work counts) to
 * the end of the first frame drawn after the key was handled (a requestAnimationFrame callback
 * posts a message, which runs once that frame's style, layout and paint are done). The page's
 * long tasks (over 50 ms on its main thread) are recorded too.
 */
import type { Locator, Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';

/** How keys are typed: back to back, as fast as the page takes them, or ~150–200 ms apart. */
export type Rhythm = 'full speed' | 'human';

interface KeySample {
  start: number;
  end: number;
}

/** A long task: when it started (page time, ms) and how long it took. */
export interface LongTask {
  start: number;
  duration: number;
}

interface ProbeWindow {
  keyProbe?: { recording: boolean; samples: KeySample[]; longTasks: LongTask[] };
}

/** Adds the capture-phase keydown listener that times keys while recording is on, and starts recording long tasks. */
export async function installKeyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probeWindow = window as unknown as ProbeWindow;
    if (probeWindow.keyProbe) return;
    const probe = { recording: false, samples: [] as KeySample[], longTasks: [] as LongTask[] };
    probeWindow.keyProbe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    window.addEventListener(
      'keydown',
      (event) => {
        if (!probe.recording) return;
        const sample = { start: event.timeStamp, end: 0 };
        probe.samples.push(sample);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            sample.end = performance.now();
          };
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  });
}

/** Starts recording keys; returns the page's clock (ms). */
async function startRecording(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).keyProbe;
    if (!probe) throw new Error('the keystroke probe is not installed on this page');
    probe.recording = true;
    probe.samples = [];
    return performance.now();
  });
}

/** The page's clock (ms), as long tasks are stamped. */
export function pageClock(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The long tasks that started between `from` and `to` (page clock). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  return page.evaluate(({ start, end }) => ((window as unknown as ProbeWindow).keyProbe?.longTasks ?? []).filter((task) => task.start >= start && task.start <= end), { start: from, end: to });
}

/** Waits for the frame after the last key, then returns each recorded key's latency in ms. */
async function takeSamples(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const probe = (window as unknown as ProbeWindow).keyProbe;
    if (!probe) throw new Error('the keystroke probe is not installed on this page');
    const deadline = performance.now() + 10_000;
    while (probe.samples.some((sample) => sample.end === 0) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    probe.recording = false;
    return probe.samples.filter((sample) => sample.end > 0).map((sample) => sample.end - sample.start);
  });
}

/** The gap before key `index` at a human rhythm: 150–200 ms, the same sequence on every page. */
export function humanGap(index: number): number {
  return 150 + ((index * 37) % 51);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Presses the keys of `text` at `rhythm`; returns when (Node's performance.now()) the last key was taken. */
export async function typeAtRhythm(page: Page, text: string, rhythm: Rhythm): Promise<number> {
  if (rhythm === 'full speed') {
    await page.keyboard.type(text);
    return performance.now();
  }
  let due = performance.now();
  for (const [index, key] of [...text].entries()) {
    if (index > 0) due += humanGap(index);
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    await page.keyboard.type(key);
  }
  return performance.now();
}

/** Each key's latency (ms), when the last key was taken (Node's performance.now()), and the page's long tasks meanwhile. */
export interface TypingResult {
  latencies: number[];
  lastKeyAt: number;
  longTasks: LongTask[];
}

/**
 * Types `text` at `rhythm` where the caret is and returns each key's latency. Fails when the
 * text did not land in `paragraph` (a locked article, a lost caret): latencies of keys that
 * changed nothing would measure nothing.
 */
export async function timeTyping(page: Page, paragraph: Locator, text: string, rhythm: Rhythm): Promise<TypingResult> {
  // A bare contenteditable may keep a typed space as a no-break space.
  const textOf = async (): Promise<string> => ((await paragraph.textContent()) ?? '').replace(/\u00a0/g, ' ');
  const before = await textOf();
  const startedAt = await startRecording(page);
  const lastKeyAt = await typeAtRhythm(page, text, rhythm);
  const samples = await takeSamples(page);
  const longTasks = await longTasksBetween(page, startedAt, await pageClock(page));
  const after = await textOf();
  if (after.length !== before.length + text.length || !after.includes(text)) {
    throw new Error(`Typing did not reach the article: the paragraph went from ${before.length} to ${after.length} characters after ${text.length} keys.`);
  }
  if (samples.length !== text.length) throw new Error(`Timed ${samples.length} of ${text.length} keys: a frame never came after some of them.`);
  return { latencies: samples, lastKeyAt, longTasks };
}

/** Words to type, cut to `keys` characters (letters and spaces only, so no key needs a modifier). */
export function keysToType(keys: number, seed: number): string {
  const words = ['the', 'council', 'said', 'figures', 'were', 'checked', 'against', 'official', 'records', 'today', 'and', 'found', 'wanting'];
  let text = '';
  for (let index = seed; text.length < keys; index++) text += `${words[index % words.length] as string} `;
  return text.slice(0, keys);
}
