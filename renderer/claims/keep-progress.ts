/**
 * Where a running keep has got: the services report each capture step (`evidence:keepProgress`),
 * asked again and again while the keep runs; keep-progress-words says it to the reviewer.
 */
import { useEffect, useState } from 'react';
import type { KeepProgress } from '../../shared/api/evidence-schema';
import { api } from '../api/client';

/** How often a running keep is asked where it has got: often enough to follow, rarely enough to cost nothing. */
export const KEEP_PROGRESS_POLL_MS = 300;

/** The progress of keep `keepId` while it runs (null before the first answer and when no keep runs). */
export function useKeepProgress(keepId: string | null): KeepProgress | null {
  // Remembered with the keep it belongs to, so a new keep never shows the last one's step.
  const [latest, setLatest] = useState<{ keepId: string; progress: KeepProgress } | null>(null);
  useEffect(() => {
    if (!keepId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      api['evidence:keepProgress']({ keepId }).then(
        (progress) => {
          if (!live) return;
          setLatest({ keepId, progress });
          timer = setTimeout(poll, KEEP_PROGRESS_POLL_MS);
        },
        // Progress is a courtesy: the keep's own answer still says how it ended.
        () => {
          if (live) timer = setTimeout(poll, KEEP_PROGRESS_POLL_MS * 4);
        },
      );
    };
    timer = setTimeout(poll, KEEP_PROGRESS_POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [keepId]);
  return keepId && latest?.keepId === keepId ? latest.progress : null;
}
