/**
 * Ends the current task so the browser can handle input that is waiting (a key, a click) before
 * a long job carries on: a job split this way never holds a key back for more than one of its
 * steps. `scheduler.yield` (Chromium 129+) resumes ahead of other queued tasks; elsewhere a
 * zero timeout does the same job less precisely.
 */
export function yieldToInput(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
