/**
 * Keeps the open review and the data folder in step. Changes are saved after a short pause, and
 * at least every MAX_SAVE_WAIT_MS while they keep coming. Every save names the revision it was
 * based on; when another window (or the command line) saved meanwhile, this window merges its
 * work with theirs claim by claim (see merge-window-work) and saves the merge: never
 * last-writer-wins. A failed save is said at once, retried with back-off, and the unsaved work is
 * kept in a recovery copy until it is on disk.
 */
import type { Editor } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { ArticleDoc } from '../../shared/model/article-doc';
import type { ClaimEvent } from '../../shared/model/claim-history';
import type { Review } from '../../shared/model/review';
import { mergeWindowWork, type MergedWindowWork, type WindowWork } from '../../shared/review-sync/merge-window-work';
import { ApiError } from '../../shared/api/envelope';
import { api, errorMessage } from '../api/client';
import { applyStoredDoc } from '../editor/apply-stored-doc';
import { readClaimPlacements } from '../editor/claim-placements';
import { yieldToInput } from '../app/yield-to-input';
import { dropRecoveryCopy, keepRecoveryCopy, recoveryKey, type RecoveryCopy } from './recovery-copies';
import { claimsToPersist, useReviewStore } from './review-store';
import { claimChangesBetween, docChangeBetween } from './save-delta';
import { formatList, formatTime } from '../i18n/interface-format';
import { interfaceI18n, interfaceLanguage } from '../i18n/interface-i18n';

/** How long typing must pause before a save starts. */
export const SAVE_DELAY_MS = 700;
/** Changes never wait longer than this to be saved, however long the typing goes on (a save is on disk within 5 s of a change). */
export const MAX_SAVE_WAIT_MS = 4_000;
/** Waits between attempts after a failed save: quick at first, then every half minute. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
/** A recovery copy is refreshed at most this often while saving keeps failing. */
const RECOVERY_COPY_INTERVAL_MS = 5_000;
/** Merges in a row before giving up for now (another window saving non-stop). */
const MAX_MERGE_ROUNDS = 5;

export interface ReviewSyncOptions {
  review: Review;
  getEditor: () => Editor | null;
  /** Tells the reviewer something (a merge happened, a copy was kept). */
  onMessage: (message: string) => void;
}

/** What a merge with another window's work did, in the interface's language. */
function describeMerge(merged: MergedWindowWork): string {
  const { report } = merged;
  const t = interfaceI18n.t;
  const parts = [
    report.added.length > 0 ? t('sync.added', { count: report.added.length }) : '',
    report.updated.length > 0 ? t('sync.updated', { count: report.updated.length }) : '',
    report.deleted.length > 0 ? t('sync.deleted', { count: report.deleted.length }) : '',
    report.conflicts.length > 0 ? t('sync.conflicts', { count: report.conflicts.length }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? t('sync.mergedParts', { parts: formatList(parts, interfaceLanguage()) }) : t('sync.merged');
}

export class ReviewSync {
  /** The review as this window believes it is stored, plus events of a merge not stored yet. */
  private base: Review;
  /** Events in `base.history` that are not on disk yet (from a merge), with the claims the merge left. */
  private unsent: { events: ClaimEvent[]; claims: Review['claims'] } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstUnsavedAt: number | null = null;
  private inFlight: Promise<void> | undefined;
  private savedChange = 0;
  private failures = 0;
  private lastCopyAt = 0;
  private author: Promise<string> | undefined;
  private disposed = false;
  /** Names this window's recovery copy, apart from copies other windows (or earlier visits) kept. */
  readonly windowId = crypto.randomUUID();
  private keptCopy = false;
  /**
   * The editor's document as stored at `base.revision`, when this window knows it: saves then send
   * only the blocks and claims changed since. Null after a merge (the next save sends everything).
   */
  private savedDoc: ProseMirrorNode | null = null;
  /** `base.doc` is behind `savedDoc` (saves sent only changes): made again from it when needed. */
  private baseDocStale = false;

  constructor(private readonly options: ReviewSyncOptions) {
    this.base = options.review;
  }

  get reviewId(): string {
    return this.base.id;
  }

  /** The stored revision this window's work builds on. */
  get revision(): number {
    return this.base.revision;
  }

  /** True while something this window holds is not yet on disk. */
  isDirty(): boolean {
    return useReviewStore.getState().changeCount !== this.savedChange || this.unsent !== null || this.inFlight !== undefined;
  }

  /** The editor now shows the review this window was opened with (its stored article). */
  editorLoaded(doc: ProseMirrorNode): void {
    if (!this.isDirty() && this.unsent === null) this.savedDoc = doc;
  }

  /** Call after every change; the save happens once changes pause, or after MAX_SAVE_WAIT_MS at the latest. */
  schedule(): void {
    if (this.disposed) return;
    const store = useReviewStore.getState();
    const now = Date.now();
    this.firstUnsavedAt ??= now;
    // One state change when work becomes unsaved, not one per keystroke; a failure stays shown.
    if (store.saveState.kind === 'saved') store.setSaveState({ kind: 'pending' });
    if (store.saveState.kind === 'failed') {
      if (now - this.lastCopyAt > RECOVERY_COPY_INTERVAL_MS) void this.keepCopy(store.saveState.message);
      if (store.saveState.retryAt !== null) return; // the retry already planned will take this change too
    }
    clearTimeout(this.timer);
    const delay = Math.min(SAVE_DELAY_MS, Math.max(0, this.firstUnsavedAt + MAX_SAVE_WAIT_MS - now));
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  /** Saves now whatever is pending; resolves true once everything is on disk, false if saving failed. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    if (!this.isDirty()) return true;
    this.inFlight = this.saveRounds().finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
    return !this.isDirty();
  }

  /** Called when storage says the review has a newer revision than this window's. */
  async onStoredRevision(revision: number): Promise<void> {
    if (this.disposed || revision <= this.base.revision || this.inFlight) return;
    if (this.isDirty()) {
      await this.flush(); // the save finds the newer revision and merges
      return;
    }
    this.inFlight = this.pull().finally(() => {
      this.inFlight = undefined;
    });
    await this.inFlight;
  }

  /** Merges a recovery copy (work that could not be saved before) into the review and saves it. */
  async restore(copy: RecoveryCopy): Promise<boolean> {
    // This window's own work goes to disk first, so the copy merges with it, not over it.
    if (!(await this.flush())) throw new Error('This window’s own changes could not be saved first.');
    const theirs = await api['review:get']({ id: this.base.id });
    const merged = mergeWindowWork({ base: copy.base, mine: copy.work, theirs, author: await this.reviewerId(), now: new Date(), newId: () => crypto.randomUUID() });
    this.adoptMerge(merged, theirs);
    useReviewStore.getState().documentChanged();
    const saved = await this.flush();
    if (saved) await dropRecoveryCopy(copy.key);
    return saved;
  }

  /** Stops timers; what is pending stays in memory for a last flush. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private reviewerId(): Promise<string> {
    this.author ??= api['settings:getReviewer']({}).then((reviewer) => reviewer.id);
    return this.author;
  }

  /** The review as stored at `base.revision`, its article made from the editor's copy when saves sent only changes. */
  private storedBase(): Review {
    if (this.baseDocStale && this.savedDoc) {
      this.base = { ...this.base, doc: this.savedDoc.toJSON() as Review['doc'] };
      this.baseDocStale = false;
    }
    return this.base;
  }

  /** The window's article and claim records now. */
  private currentWork(editor: Editor): WindowWork {
    const store = useReviewStore.getState();
    store.setPlacements(readClaimPlacements(editor.state.doc));
    return { doc: editor.getJSON() as ArticleDoc, claims: claimsToPersist(useReviewStore.getState()) };
  }

  private async saveRounds(): Promise<void> {
    for (let round = 0; round <= MAX_MERGE_ROUNDS; round++) {
      const outcome = await this.saveOnce();
      if (outcome !== 'stale') return;
      if (!(await this.mergeWithStored())) return;
    }
  }

  /** One save attempt: 'done' (saved or failed, state set) or 'stale' (another window saved first). */
  private async saveOnce(): Promise<'done' | 'stale'> {
    const editor = this.options.getEditor();
    const store = useReviewStore.getState();
    if (!editor || !store.meta) return 'done';
    const target = store.changeCount;
    // Changes from here on are a new unsaved stretch: its 5 s limit starts at its first change, or
    // typing through a save would make every later key save at once.
    this.firstUnsavedAt = null;
    // What is saved is the article as it is now (a ProseMirror document never changes); keys typed
    // while the save is made are the next save's. The steps let those keys in between them: on a
    // long review each takes a good part of a frame, and together they would hold a key back.
    const doc = editor.state.doc;
    store.setPlacements(readClaimPlacements(doc));
    await yieldToInput();
    const claims = claimsToPersist(useReviewStore.getState());
    await yieldToInput();
    // A merge's save, or one without a known stored article, sends everything; others only changes.
    const whole = this.unsent !== null || this.savedDoc === null;
    const docChange = whole || !this.savedDoc ? null : docChangeBetween(this.savedDoc, doc);
    const claimChanges = whole ? null : claimChangesBetween(this.base.claims, claims);
    store.setSaveState({ kind: 'saving' });
    try {
      const result = await api['review:save']({
        id: this.base.id,
        baseRevision: this.base.revision,
        ...(whole ? { doc: doc.toJSON() as ArticleDoc, claims } : {}),
        ...(docChange ? { docChange } : {}),
        ...(claimChanges ? { claimChanges } : {}),
        ...(this.unsent ? { merged: this.unsent } : {}),
      });
      const removed = new Set(result.removedEventIds);
      const changed = new Map(result.events.map((event) => [event.id, event]));
      const history = this.base.history.filter((event) => !removed.has(event.id) && !changed.has(event.id));
      const numbered = claims.map((claim) => (result.numbers[claim.id] === undefined ? claim : { ...claim, number: result.numbers[claim.id] }));
      this.base = { ...this.base, claims: numbered, history: [...history, ...changed.values()], revision: result.revision, updatedAt: result.updatedAt };
      this.savedDoc = doc;
      this.baseDocStale = true;
      if (Object.keys(result.numbers).length > 0) useReviewStore.getState().takeNumbers(result.numbers);
      this.unsent = null;
      this.savedChange = target;
      this.failures = 0;
      if (this.keptCopy) void dropRecoveryCopy(recoveryKey(this.base.id, this.windowId));
      this.keptCopy = false;
      const now = useReviewStore.getState();
      if (now.changeCount === target) {
        now.setSaveState({ kind: 'saved', at: result.updatedAt });
      } else {
        now.setSaveState({ kind: 'pending' });
        this.schedule();
      }
      return 'done';
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') return 'stale';
      await this.failed(error);
      return 'done';
    }
  }

  /** Reads what is stored now and merges this window's work into it; false when that failed. */
  private async mergeWithStored(): Promise<boolean> {
    useReviewStore.getState().setSaveState({ kind: 'merging' });
    let theirs: Review;
    let author: string;
    try {
      [theirs, author] = await Promise.all([api['review:get']({ id: this.base.id }), this.reviewerId()]);
    } catch (error) {
      await this.failed(error);
      return false;
    }
    const editor = this.options.getEditor();
    if (!editor) return false;
    // From reading the work to showing the merge nothing awaits, so no keystroke falls between.
    const merged = mergeWindowWork({ base: this.storedBase(), mine: this.currentWork(editor), theirs, author, now: new Date(), newId: () => crypto.randomUUID() });
    if (merged.textConflict) {
      // Both windows changed the words: this window's text stays; theirs is kept as a copy in the library.
      const time = formatTime(new Date().toISOString(), interfaceLanguage());
      try {
        const copy = await api['review:duplicate']({ id: theirs.id, title: interfaceI18n.t('sync.copyTitle', { title: theirs.title, time }).slice(0, 300) });
        this.options.onMessage(interfaceI18n.t('sync.textKept', { title: copy.title }));
      } catch (error) {
        await this.failed(error);
        return false;
      }
    }
    this.adoptMerge(merged, theirs);
    if (!merged.textConflict) this.options.onMessage(describeMerge(merged));
    return true;
  }

  /** Shows a merge in the editor and the store, and makes it the base of the next save. */
  private adoptMerge(merged: MergedWindowWork, theirs: Review): void {
    const editor = this.options.getEditor();
    if (editor) applyStoredDoc(editor, merged.review.doc);
    const store = useReviewStore.getState();
    store.adoptStored(merged.review);
    if (editor) store.setPlacements(readClaimPlacements(editor.state.doc));
    this.base = { ...merged.review, revision: theirs.revision, updatedAt: theirs.updatedAt };
    this.savedDoc = null;
    this.baseDocStale = false;
    this.unsent = { events: merged.events, claims: merged.review.claims };
  }

  /** Takes another window's saved work when this window has nothing unsaved. */
  private async pull(): Promise<void> {
    try {
      const theirs = await api['review:get']({ id: this.base.id });
      const editor = this.options.getEditor();
      if (!editor || this.isDirtyApartFromPull()) return;
      applyStoredDoc(editor, theirs.doc);
      const store = useReviewStore.getState();
      store.adoptStored(theirs);
      store.setPlacements(readClaimPlacements(editor.state.doc));
      this.base = theirs;
      this.savedDoc = editor.state.doc;
      this.baseDocStale = false;
      store.setSaveState({ kind: 'saved', at: theirs.updatedAt });
    } catch {
      // Reading failed (storage gone for a moment); the next look tries again.
    }
  }

  private isDirtyApartFromPull(): boolean {
    return useReviewStore.getState().changeCount !== this.savedChange || this.unsent !== null;
  }

  private async failed(error: unknown): Promise<void> {
    const retryable = !(error instanceof ApiError) || error.code === 'unavailable' || error.code === 'internal';
    const delay = RETRY_DELAYS_MS[Math.min(this.failures, RETRY_DELAYS_MS.length - 1)] as number;
    this.failures++;
    const message = errorMessage(error);
    useReviewStore.getState().setSaveState({ kind: 'failed', message, retryAt: retryable ? Date.now() + delay : null });
    await this.keepCopy(message);
    if (retryable && !this.disposed) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.flush(), delay);
    }
  }

  /** Keeps the unsaved work in the window's own storage, to offer after a reload or restart. */
  private async keepCopy(reason: string): Promise<void> {
    const editor = this.options.getEditor();
    const store = useReviewStore.getState();
    if (!editor || !store.meta) return;
    this.lastCopyAt = Date.now();
    this.keptCopy = true;
    await keepRecoveryCopy({ key: recoveryKey(this.base.id, this.windowId), reviewId: this.base.id, title: store.meta.title, keptAt: new Date().toISOString(), reason, base: this.storedBase(), work: this.currentWork(editor) });
  }
}
