/**
 * The services behind the API contract, over one data folder. Hosts (Electron main, the
 * loopback bridge, the CLI) open them once, add their platform handlers, and close them on exit.
 */
import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/envelope';
import type { Review } from '../../shared/model/review';
import { annotateReview } from './annotate/annotate-review';
import type { PdfRenderer } from './export/export-review';
import { LibraryStore, summarize } from './library';
import { emptyTrash, listTrash, restoreFromTrash } from './library/trash';
import { libraryClaimRows } from '../../shared/report/claims-table';
import { inspectDataFolder, readOnlyFolderError } from './library/data-folder';
import { LibrarySearch } from './search/library-search';
import { defaultDataDir } from './data-dir';
import { resolve } from 'node:path';
import type { ShareContext } from './share/share-service';
import { claimHistory } from '../../shared/history/claim-history-view';
import { SHARE_MIME_TYPE } from '../../shared/share-file/share-file-schema';
import { buildReportModel, claimsNeedingAttention } from '../../shared/report/report-model';
import { unfinishedClaims } from '../../shared/report/publish-readiness';
import packageJson from '../../package.json' with { type: 'json' };
import type { OpenCapturePage } from './evidence/capture-page-driver';
import type { FetchRules } from './evidence/guarded-fetch';
import type { KeepContext } from './evidence/keep-evidence';
import type { ArchiveQueueService } from './evidence/archive-queue';
import { KeepProgressBoard } from './evidence/keep-progress';

/**
 * Modules loaded the first time a call needs them: reading articles (Word, PDF, web pages, the
 * editor schema), sharing and exporting pull in large libraries that a command listing reviews,
 * or an app that only edits, never needs.
 */
const articleModule = () => import('./article/article-from-source');
const importModule = () => import('./import/import-document');
const shareModule = () => import('./share/share-service');
const exportModule = () => import('./export/export-review');
const signOffModule = () => import('./sign-off/sign-off-service');
const articleUpdateModule = () => import('./article-update/update-article');
const articleVersionsModule = () => import('./article-update/article-versions');
const keepModule = () => import('./evidence/keep-evidence');
const evidenceStoreModule = () => import('./library/evidence-store');
const keepAndArchiveModule = () => import('./evidence/keep-and-archive');

/** Calls whose work depends on the host (a desktop shell can open a browser, a web page cannot). */
export type PlatformChannel = 'shell:openExternal';
export type PlatformHandlers = Pick<Handlers, PlatformChannel>;
export type ServiceHandlers = Omit<Handlers, PlatformChannel>;

export interface FactmarkServices {
  handlers: ServiceHandlers;
  store: LibraryStore;
  /** The library's search index (the handlers' `library:search` and `claims:checkedBefore`). */
  search: LibrarySearch;
  /** Writes what is pending and lets go of the data folder. */
  close(): Promise<void>;
}

/** The version of this build, as package.json states it. */
export const APP_VERSION: string = packageJson.version;

/**
 * Opens the data folder and returns the handlers over it. `access: 'write'` (the default: the
 * app, and commands that change the library) creates a missing folder and takes its lock;
 * `'read'` (commands that only read) creates, locks and repairs nothing, so it works on a
 * read-only folder. Either way a folder Factmark must not use is refused first (see data-folder).
 */
export async function openFactmarkServices(options: {
  dataDir: string;
  mode: 'electron' | 'browser' | 'cli';
  renderPdf: PdfRenderer;
  access?: 'read' | 'write';
  /** The host's own folder, where a browser engine keeps its files beside the library (Electron's userData). */
  appFolder?: string;
  /**
   * For tests only: limits and the address check of evidence fetches (a loopback server allowed by
   * `permitsAddress`). The product never passes it; the preference decides about private addresses.
   */
  evidenceRules?: Partial<Omit<FetchRules, 'signal' | 'allowPrivateAddresses'>>;
  /**
   * The browser page a kept copy of a web page is loaded in: the desktop app passes a hidden
   * window of its own Chromium; without it (browser mode, CLI) Debian's Chromium is launched.
   */
  captureWebPage?: OpenCapturePage;
}): Promise<FactmarkServices> {
  const isAppDefault = [defaultDataDir(), options.appFolder].some((folder) => folder !== undefined && resolve(folder) === resolve(options.dataDir));
  // A desktop window has no options to name: there the reviewer is offered a folder chooser.
  const howToChoose = options.mode === 'electron' ? 'Choose an empty folder, or one Factmark made.' : undefined;
  const folder = await inspectDataFolder(options.dataDir, { isAppDefault, ...(howToChoose ? { howToChoose } : {}) });
  const reading = options.access === 'read';
  if (!reading && folder.kind === 'usable' && !folder.writable) throw readOnlyFolderError(options.dataDir);
  const store = await LibraryStore.open(
    options.dataDir,
    reading ? { readOnly: { refusal: () => new ApiError('refused', `Nothing was changed: this command only reads the data folder ${options.dataDir}.`) } } : {},
  );
  const search = new LibrarySearch(store, { readOnly: reading });
  // The app builds (or loads) the index soon after opening, in slices, so the first search is quick;
  // a command builds it only if it searches.
  if (options.mode !== 'cli') setTimeout(() => search.warmUp(), 1_000).unref();
  // The library's publisher; a published address from before it belonged to each review is never used.
  const libraryPublisher = () => ({ ...store.publisher(), reportUrl: '' });
  const cancelledImports = new Set<string>();
  const sharing: ShareContext = { store, generator: `Factmark ${APP_VERSION}` };
  // Keeps running now, by keepId, and keeps cancelled before they started.
  const keeps = new Map<string, AbortController>();
  const cancelledKeeps = new Set<string>();
  // Where each keep has got, for `evidence:keepProgress`.
  const keepProgress = new KeepProgressBoard();
  /** Runs `work` with the fetch rules of this keep, cancellable by `keepId`. */
  const withKeep = async <T>(allowPrivateAddresses: boolean | undefined, keepId: string | undefined, work: (context: KeepContext, cancelled: () => boolean) => Promise<T>): Promise<T> => {
    const { DEFAULT_FETCH_RULES } = await import('./evidence/guarded-fetch');
    // The page capture (and the browser it drives) is loaded only once a link is really fetched.
    const capture: KeepContext['capture'] = async (url, rules, onProgress) => (await import('./evidence/capture-page')).captureEvidence(url, rules, onProgress, options.captureWebPage);
    const controller = new AbortController();
    if (keepId && cancelledKeeps.delete(keepId)) controller.abort();
    if (keepId) {
      keeps.set(keepId, controller);
      keepProgress.start(keepId);
    }
    const rules: FetchRules = { ...DEFAULT_FETCH_RULES, ...options.evidenceRules, allowPrivateAddresses: allowPrivateAddresses ?? store.evidenceSettings().allowPrivateAddresses, signal: controller.signal };
    try {
      const progress = keepId ? { onProgress: (step: string) => keepProgress.step(keepId, step), onLink: (link: { index: number; count: number }) => keepProgress.link(keepId, link) } : {};
      return await work({ store, capture, rules, ...progress }, () => controller.signal.aborted);
    } finally {
      if (keepId) {
        keepProgress.finish(keepId);
        if (keeps.get(keepId) === controller) keeps.delete(keepId);
      }
    }
  };
  // The archive service's queue: one per data folder, so a page is never sent twice at once.
  let archiveQueueOpened: Promise<ArchiveQueueService> | undefined;
  const archiveQueue = (): Promise<ArchiveQueueService> => (archiveQueueOpened ??= import('./evidence/archive-queue').then(({ ArchiveQueueService }) => new ArchiveQueueService(store)));
  const handlers: ServiceHandlers = {
    'app:info': async () => ({ mode: options.mode, version: APP_VERSION, dataDir: options.dataDir, notices: store.notices(), language: store.uiLanguage() }),
    'app:dismissNotice': async ({ id }) => {
      store.dismissNotice(id);
      return { done: true };
    },
    'app:status': async ({ reviewId }) => ({ notices: store.notices(), review: reviewId && store.hasReview(reviewId) ? store.reviewRevision(reviewId) : null, libraryStamp: store.libraryStamp() }),
    'scale:list': async () => store.scales(),
    'scale:save': async ({ scale }) => store.saveScale(scale),
    'scale:delete': async ({ scaleId }) => store.deleteScale(scaleId),
    'scale:setDefault': async ({ scaleId }) => store.setDefaultScale(scaleId),
    'review:list': async () => store.listReviews(),
    'review:get': async ({ id }) => store.readReview(id),
    'review:original': async ({ id }) => ({ doc: await store.originalArticle(id) }),
    'review:updateArticle': async (input) => (await articleUpdateModule()).updateArticle(store, input),
    'review:versions': async ({ id }) => ({ versions: (await (await articleVersionsModule()).articleVersions(store, id)).versions }),
    'review:versionText': async ({ id, number }) => (await articleVersionsModule()).versionText(store, id, number),
    'review:create': async ({ title, sourceUrl, origin, article, scaleId }) => {
      const { doc, notes } = (await articleModule()).articleFromSource(article, sourceUrl || undefined);
      return { review: await store.createReview({ title, sourceUrl, origin, doc, ...(scaleId ? { scaleId } : {}) }), notes };
    },
    'review:import': async ({ fileName, base64, encoding, importId, scaleId }) => {
      const bytes = Buffer.from(base64, 'base64');
      const imported = await (await importModule()).importDocument({ fileName, bytes, encoding });
      // Reading the file writes nothing; a cancel that came meanwhile ends the import here.
      if (importId && cancelledImports.delete(importId)) throw new ApiError('refused', `The import of ${fileName} was cancelled; nothing was added.`);
      const review = await store.createReview({
        // A review always has a title: a file without one is named after the file.
        title: imported.title.trim().slice(0, 300) || fileName.slice(0, 300),
        sourceUrl: imported.sourceUrl,
        byline: imported.byline,
        publishedAt: imported.publishedAt,
        outlet: imported.outlet,
        language: imported.language,
        origin: { kind: 'file', fileName, size: imported.size, sha256: imported.sha256, importedAt: new Date().toISOString(), ...(imported.encoding ? { encoding: imported.encoding } : {}) },
        doc: imported.doc,
        original: { fileName, bytes },
        ...(scaleId ? { scaleId } : {}),
      });
      if (importId && cancelledImports.delete(importId)) {
        await store.deleteReview(review.id, { keepInTrash: false });
        throw new ApiError('refused', `The import of ${fileName} was cancelled; nothing was added.`);
      }
      return { review, notes: imported.notes };
    },
    'review:cancelImport': async ({ importId }) => {
      cancelledImports.add(importId);
      return { done: true };
    },
    'review:save': async (input) => store.saveReview(input),
    'review:updateMeta': async (input) => store.updateMeta(input),
    'review:setArticleDetails': async ({ id, details }) => store.setArticleDetails(id, details),
    'review:duplicate': async ({ id, title }) => store.duplicateReview(id, title),
    'review:delete': async ({ id }) => {
      await store.deleteReview(id);
      return { done: true };
    },
    'trash:list': async () => listTrash(store),
    'trash:restore': async ({ trashId }) => {
      const { review, asCopy } = await restoreFromTrash(store, trashId);
      return { ...summarize(review), restoredAsCopy: asCopy };
    },
    'trash:empty': async ({ trashIds }) => {
      await emptyTrash(store, trashIds);
      return { done: true };
    },
    'library:claims': async () => libraryClaimRows(store.listReviews().map((summary) => store.getReview(summary.id))),
    'review:annotate': async ({ id, claims }) => {
      const review = store.getReview(id);
      const annotated = annotateReview(review, store.scaleOf(review), claims);
      // A retried request finds its claims already there: nothing to write.
      if (annotated.existing.length < annotated.claimIds.length) await store.updateReview(id, () => ({ doc: annotated.doc as Review['doc'], claims: annotated.claims }));
      return { claimIds: annotated.claimIds, existing: annotated.existing };
    },
    'export:validate': async ({ json }) => (await import('./export/validate-export')).validateExport(json),
    'settings:getPublisher': async () => store.publisher(),
    'settings:setPublisher': async (publisher) => store.setPublisher(publisher),
    'settings:getReviewer': async () => store.reviewer(),
    'settings:setReviewer': async ({ name }) => store.setReviewerName(name),
    'settings:setLanguage': async ({ language }) => ({ language: await store.setUiLanguage(language) }),
    'share:create': async ({ id, includeEvidenceCopies }) => {
      const file = await (await shareModule()).shareReview(sharing, id, { includeEvidenceCopies: includeEvidenceCopies === true });
      return { fileName: file.fileName, mimeType: SHARE_MIME_TYPE, base64: Buffer.from(file.bytes).toString('base64'), ...(file.evidenceCopies ? { evidenceCopies: file.evidenceCopies } : {}) };
    },
    'share:evidenceSize': async ({ id }) => (await shareModule()).shareEvidenceSize(sharing, id),
    'share:open': async ({ fileName, base64, preview, expectReviewId, confirmDeletions }) =>
      (await shareModule()).openShareFile(sharing, { bytes: Buffer.from(base64, 'base64'), fileName, preview, confirmDeletions, ...(expectReviewId ? { expectReviewId } : {}) }),
    'settings:getSigning': async () => {
      const { signingKeyFor, fingerprintOf } = await import('./share/signing-key');
      const key = await signingKeyFor(store.dataDir, store.reviewer().id);
      return {
        fingerprint: key.fingerprint,
        createdAt: key.createdAt,
        knownKeys: store.knownKeys().map((known) => ({ reviewerId: known.reviewerId, name: known.name, fingerprint: fingerprintOf(known.publicKey), firstSeen: known.firstSeen })),
      };
    },
    'review:resolveConflict': async (input) => (await shareModule()).resolveConflict(sharing, input),
    'review:signOff': async (input) => (await signOffModule()).changeSignOff(store, input, 'sign'),
    'review:withdrawSignOff': async (input) => (await signOffModule()).changeSignOff(store, input, 'withdraw'),
    'review:copyFromClaim': async (input) => (await import('./claim-reuse/copy-from-claim')).copyFromClaim(store, input),
    'review:claimHistory': async ({ id, claimId }) => claimHistory(store.getReview(id), claimId),
    'library:search': async (query) => search.search(query),
    'claims:checkedBefore': async ({ text, excludeReviewId, limit }) => search.checkedBefore({ text, limit, ...(excludeReviewId ? { excludeReviewId } : {}) }),
    'review:check': async ({ id, language }) => {
      const review = store.getReview(id);
      const textEditedAt = await store.textEditedAt(id);
      const model = buildReportModel(review, store.scaleOf(review), libraryPublisher(), new Date(), textEditedAt);
      return {
        textEditedAt,
        claims: claimsNeedingAttention(model),
        unfinished: unfinishedClaims(review, store.scaleOf(review), store.publisher().signOffRequired, new Date(), language),
        sameUrlAs: store.reviewsPublishedAt(review.publication?.url ?? '', review.id),
      };
    },
    'review:setPublication': async ({ id, publication }) => store.setPublication(id, publication),
    'evidence:keep': async ({ reviewId, claimId, evidenceId, allowPrivateAddresses, keepId }) =>
      withKeep(allowPrivateAddresses, keepId, async (context) => (await keepAndArchiveModule()).keepThenArchive(context, await archiveQueue(), { reviewId, claimId, evidenceId })),
    'evidence:keepAll': async ({ reviewId, claimId, again, allowPrivateAddresses, keepId }) =>
      withKeep(allowPrivateAddresses, keepId, async (context, cancelled) => ({
        results: await (await keepAndArchiveModule()).keepAllThenArchive(context, await archiveQueue(), { reviewId, again, ...(claimId ? { claimId } : {}) }, cancelled),
      })),
    'evidence:archiveQueue': async ({ reviewId }) => ({ entries: (await archiveQueue()).list(reviewId) }),
    'evidence:sendQueued': async ({ reviewId, entryId, allowPrivateAddresses }) =>
      withKeep(allowPrivateAddresses, undefined, async (context) => ({
        results: await (await archiveQueue()).sendQueued(context.rules, { ...(reviewId ? { reviewId } : {}), ...(entryId ? { entryId } : {}) }),
      })),
    'evidence:cancelKeep': async ({ keepId }) => {
      const running = keeps.get(keepId);
      if (running) running.abort();
      else cancelledKeeps.add(keepId);
      return { done: true };
    },
    'evidence:keepProgress': async ({ keepId }) => keepProgress.read(keepId),
    'evidence:attach': async ({ reviewId, claimId, fileName, mediaType, bytesBase64 }) =>
      (await keepModule()).attachEvidence(store, { reviewId, claimId, fileName, mediaType, bytes: Buffer.from(bytesBase64, 'base64') }),
    'evidence:verify': async ({ reviewId, claimId }) => {
      const files = await (await evidenceStoreModule()).verifyEvidence(store, reviewId, claimId);
      const counts = { intact: 0, missing: 0, altered: 0 };
      for (const file of files) counts[file.state]++;
      return { files, intact: counts.missing + counts.altered === 0, counts };
    },
    'evidence:file': async ({ reviewId, copyId, fileName }) => {
      const { file, bytes, intact } = await (await evidenceStoreModule()).readRecordedFile(store, reviewId, copyId, fileName);
      return { fileName: file.fileName, mediaType: file.mediaType, base64: bytes.toString('base64'), size: bytes.byteLength, sha256: file.sha256, intact };
    },
    'settings:getEvidence': async () => store.evidenceSettings(),
    'settings:setEvidence': async (change) => store.setEvidenceSettings(change),
    'review:export': async ({ id, format, mode, language, publisher, reviewerName }) => {
      const review = store.getReview(id);
      const textEditedAt = await store.textEditedAt(id);
      const reviewer = { ...store.reviewer(), ...(reviewerName !== undefined ? { name: reviewerName } : {}) };
      const file = await (
        await exportModule()
      ).exportReview({
        review,
        scale: store.scaleOf(review),
        publisher: { ...libraryPublisher(), ...publisher },
        format,
        mode,
        ...(language ? { language } : {}),
        reviewer,
        renderPdf: options.renderPdf,
        textEditedAt,
      });
      return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
    },
  };
  return {
    handlers,
    store,
    search,
    close: async () => {
      // The index takes in the last changes and is saved while the store is still open.
      await search.close();
      await store.close();
    },
  };
}
