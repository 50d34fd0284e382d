/**
 * Where each running keep has got, by keepId, for `evidence:keepProgress`: the capture reports its
 * steps as it goes and the interface polls. A finished keep is remembered briefly (a last poll can
 * still read it), then forgotten, so the table never grows with the keeps of a long session.
 */
import type { KeepProgress } from '../../../shared/api/evidence-schema';
import { CAPTURE_STEPS, isCaptureStep } from '../../../shared/model/capture-step';

/** How long a finished keep can still be read. */
const FINISHED_KEPT_MS = 30_000;

/** What a keepId nobody knows reads as: not started yet (or finished long ago). */
const UNKNOWN: KeepProgress = { step: null, index: 0, count: CAPTURE_STEPS.length, finished: false, link: null };

/** The progress of the keeps running now (and of those that just finished). */
export class KeepProgressBoard {
  private readonly entries = new Map<string, KeepProgress>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly finishedKeptMs: number = FINISHED_KEPT_MS) {}

  /** A keep named `keepId` starts: no step yet. */
  start(keepId: string): void {
    clearTimeout(this.timers.get(keepId));
    this.timers.delete(keepId);
    this.entries.set(keepId, { ...UNKNOWN });
  }

  /** The capture reported `step` (a word that is not one of CAPTURE_STEPS is ignored: the interface could not name it). */
  step(keepId: string, step: string): void {
    const entry = this.entries.get(keepId);
    if (!entry || entry.finished || !isCaptureStep(step)) return;
    this.entries.set(keepId, { ...entry, step, index: CAPTURE_STEPS.indexOf(step) + 1 });
  }

  /** A keep of several links moves on to link `index` of `count`; its steps start again. */
  link(keepId: string, link: { index: number; count: number }): void {
    const entry = this.entries.get(keepId);
    if (!entry || entry.finished) return;
    this.entries.set(keepId, { ...entry, step: null, index: 0, link: { index: link.index, count: Math.max(link.count, link.index) } });
  }

  /** The keep ended (kept, failed or cancelled); it is forgotten a little later. */
  finish(keepId: string): void {
    const entry = this.entries.get(keepId);
    if (!entry) return;
    this.entries.set(keepId, { ...entry, finished: true });
    clearTimeout(this.timers.get(keepId));
    const timer = setTimeout(() => {
      this.entries.delete(keepId);
      this.timers.delete(keepId);
    }, this.finishedKeptMs);
    // A remembered progress must not keep a command-line process alive.
    timer.unref?.();
    this.timers.set(keepId, timer);
  }

  /** Where keep `keepId` has got. */
  read(keepId: string): KeepProgress {
    return this.entries.get(keepId) ?? { ...UNKNOWN };
  }
}
