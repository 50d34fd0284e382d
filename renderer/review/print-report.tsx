/**
 * Printing the review desk (Ctrl+P, the browser's Print menu, window.print) prints the review's
 * HTML report, not the app: a print-only element at the end of <body> holds the report, as
 * `review:export` makes it, in a shadow root that keeps its stylesheet and the app's apart.
 * print-report.css hides everything else on paper.
 */
import { useEffect } from 'react';
import { REPORT_CSS } from '../../shared/report/report-styles';
import { directionOf } from '../../shared/i18n/languages';
import { ApiError } from '../../shared/api/envelope';
import { api, errorMessage } from '../api/client';
import { interfaceI18n, interfaceLanguage } from '../i18n/interface-i18n';
import { applyInlineStyles, printableReport } from './printable-report';
import { useReviewStore } from './review-store';
import './print-report.css';
import { bytesOfBase64 } from '../app/base64-bytes';

/** Class of the print-only element that holds the report. */
export const PRINT_REPORT_CLASS = 'factmark-print-report';

/** How long after a save the report's text is fetched again, so that saves in a row fetch it once. */
const REFRESH_DELAY_MS = 1500;

/**
 * A report longer than this (about 1,500 claims) is fetched again only by Ctrl+P: fetching it after
 * every save would cost the reviewer a pause each time. A print from the browser's menu then
 * says that it may miss the latest changes.
 */
const LIVE_REFRESH_LIMIT = 2_000_000;

/**
 * A review with more claims than this has its report made only when Ctrl+P asks for it, never
 * while the desk opens: at 5,000 claims making it kept the storage process busy for ~7 s and
 * brought ~10 MB of text into the window (as big a report as LIVE_REFRESH_LIMIT allows, and more).
 * A print from the browser's menu before that says so instead of printing the report.
 */
const PRINT_ON_REQUEST_CLAIMS = 1_500;

let reportSheet: CSSStyleSheet | undefined;

/** The report's stylesheet, made once: constructed stylesheets are what the app's CSP allows. */
function reportStyles(): CSSStyleSheet {
  if (!reportSheet) {
    reportSheet = new CSSStyleSheet();
    reportSheet.replaceSync(
      `:host { all: initial; display: block; }
.print-notice { font: 10pt/1.4 system-ui, sans-serif; color: #1d2330; background: #fff4d6; border: 1pt solid #c98a00; padding: 3mm 4mm; margin: 0 0 6mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
${REPORT_CSS}`,
    );
  }
  return reportSheet;
}

/** Base64 from the API as text (the report is UTF-8; it can be megabytes). */
function decodeBase64(base64: string): string {
  return new TextDecoder().decode(bytesOfBase64(base64));
}

/** A note above the printed report, in the interface's language (the report may be in another). */
function notice(text: string): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.lang = interfaceLanguage();
  paragraph.dir = directionOf(interfaceLanguage());
  paragraph.className = 'print-notice';
  paragraph.setAttribute('role', 'note');
  paragraph.textContent = text;
  return paragraph;
}

/** When the review on disk was saved, or null while there are changes not saved yet. */
function savedAt(): string | null {
  const { saveState } = useReviewStore.getState();
  return saveState.kind === 'saved' ? saveState.at : null;
}

/**
 * The printable copy of one review. Its text is fetched when the desk opens and after saves (for a
 * very large review, only by Ctrl+P); it is parsed and laid out only when printing starts
 * (sanitising a long report takes seconds).
 */
class PrintableCopy {
  readonly host = document.createElement('div');
  private readonly shadow = this.host.attachShadow({ mode: 'open' });
  private readonly inlineSheet = new CSSStyleSheet();
  private html = '';
  /** The save the fetched text shows (null: fetched while changes were unsaved). */
  private htmlSavedAt: string | null = null;
  private problem = '';
  private shownHtml = '';
  private fetches = 0;
  private disposed = false;
  /** The report's title ("Fact-check: …"), once shown. */
  title = '';

  /** `onRequest`: fetched only when asked (Ctrl+P), never at idle or after saves (a very large review). */
  constructor(
    private readonly reviewId: string,
    readonly onRequest: boolean,
  ) {
    this.host.className = PRINT_REPORT_CLASS;
    this.shadow.adoptedStyleSheets = [this.inlineSheet, reportStyles()];
  }

  /** Whether a save is small enough to fetch the report again after it. */
  get refreshesLive(): boolean {
    return !this.onRequest && this.html.length < LIVE_REFRESH_LIMIT;
  }

  /** Fetches the report as saved now; shows it at once when printing is under way. */
  async fetch(): Promise<void> {
    const fetch = ++this.fetches;
    const stamp = savedAt();
    try {
      // A printout of work in progress is a draft: it is marked so, never passed off as the published check.
      const file = await api['review:export']({ id: this.reviewId, format: 'html', mode: 'publish' }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'not-ready') return api['review:export']({ id: this.reviewId, format: 'html', mode: 'draft' });
        throw error;
      });
      if (this.disposed || fetch !== this.fetches) return;
      this.html = decodeBase64(file.base64);
      this.htmlSavedAt = stamp;
      this.problem = '';
    } catch (error) {
      if (this.disposed || fetch !== this.fetches) return;
      this.problem = errorMessage(error);
    }
    if (window.matchMedia('print').matches) this.show();
  }

  /** Lays out the latest fetched report for printing, saying so when it may miss the latest changes. */
  show(): void {
    if (this.disposed) return;
    if (!this.html) {
      const waiting = this.onRequest && this.fetches === 0 ? interfaceI18n.t('print.onRequest') : interfaceI18n.t('print.preparing');
      this.shadow.replaceChildren(notice(this.problem ? interfaceI18n.t('print.notPrepared', { reason: this.problem }) : waiting));
      this.shownHtml = '';
      return;
    }
    if (this.shownHtml !== this.html) {
      try {
        const report = printableReport(this.html);
        applyInlineStyles(this.inlineSheet, report.inlineStyles);
        this.shadow.replaceChildren(report.body);
        this.shownHtml = this.html;
        this.title = report.title;
      } catch (error) {
        this.shadow.replaceChildren(notice(interfaceI18n.t('print.notLaidOut', { reason: errorMessage(error) })));
        return;
      }
    }
    this.shadow.querySelector(':scope > .print-notice')?.remove();
    if (this.htmlSavedAt === null || this.htmlSavedAt !== savedAt()) {
      this.shadow.prepend(notice(interfaceI18n.t('print.mayBeStale')));
    }
  }

  dispose(): void {
    this.disposed = true;
    this.host.remove();
  }
}

/**
 * Keeps the printable report of `reviewId` in step with what is saved, and answers Ctrl+P by
 * saving, fetching the report afresh and then printing it. Renders nothing in the React tree.
 */
export function PrintReport({ reviewId, sync }: { reviewId: string; sync: { flush(): Promise<boolean> } }): null {
  useEffect(() => {
    // The store holds this review's claims already: the desk opens it before its children mount.
    const copy = new PrintableCopy(reviewId, Object.keys(useReviewStore.getState().claims).length > PRINT_ON_REQUEST_CLAIMS);
    document.body.append(copy.host);
    // Not in the way of the desk's first paint: the first copy is fetched once the window is idle.
    const idle = copy.onRequest ? undefined : requestIdleCallback(() => void copy.fetch(), { timeout: 3000 });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useReviewStore.subscribe((state, previous) => {
      const saved = state.saveState.kind === 'saved' && (previous.saveState.kind !== 'saved' || state.saveState.at !== previous.saveState.at);
      if (saved && copy.refreshesLive) {
        clearTimeout(timer);
        timer = setTimeout(() => void copy.fetch(), REFRESH_DELAY_MS);
      }
    });

    const onKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      clearTimeout(timer);
      void sync
        .flush()
        .then(() => copy.fetch())
        .then(() => {
          copy.show();
          window.print();
        });
    };
    // The saved PDF is named after the document's title, and the browser's page headers show it.
    let appTitle = document.title;
    const onBeforePrint = (): void => {
      copy.show();
      appTitle = document.title;
      if (copy.title) document.title = copy.title;
    };
    const onAfterPrint = (): void => {
      document.title = appTitle;
    };
    // Print preview and print emulation switch the media without a beforeprint event.
    const printMedia = window.matchMedia('print');
    const onMediaChange = (): void => {
      if (printMedia.matches) copy.show();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    printMedia.addEventListener('change', onMediaChange);
    return () => {
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      printMedia.removeEventListener('change', onMediaChange);
      copy.dispose();
    };
  }, [reviewId, sync]);
  return null;
}
