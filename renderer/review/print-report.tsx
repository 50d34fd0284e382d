/**
 * Printing the review desk (Ctrl+P, the browser's menu, window.print) prints the review's HTML
 * report, not the app. The report, as `review:export` makes it, is sanitised and kept in a
 * print-only element at the end of <body>, in a shadow root so that its stylesheet and the app's
 * stay apart; print-report.css hides everything else on paper.
 */
import DOMPurify from 'dompurify';
import { useEffect } from 'react';
import { REPORT_CSS } from '../../shared/report/report-styles';
import { api, errorMessage } from '../api/client';
import { useReviewStore } from './review-store';
import './print-report.css';

/** Class of the print-only element that holds the report. */
export const PRINT_REPORT_CLASS = 'factmark-print-report';

/** How long the saved review must stay unchanged before the printable copy is made again. */
const REFRESH_DELAY_MS = 1500;

// Nothing of the report may run, load or take input; its own CSS comes from REPORT_CSS, not from it.
const FORBIDDEN_TAGS = ['style', 'link', 'meta', 'base', 'img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template'];

const reportSheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;
reportSheet?.replaceSync(`:host { all: initial; display: block; }\n${REPORT_CSS}`);

/**
 * The report's <body>, sanitised, as an element of this document, with its inline styles (badge
 * colours) moved out of style attributes, which the app's CSP refuses, into `inlineStyles`: the
 * declarations of class `inline-style-N` at index N, for a constructed stylesheet (see applyInlineStyles).
 */
export function printableReport(html: string): { body: HTMLElement; inlineStyles: string[]; title: string } {
  // Even an inert parse reports each style attribute and <style> to the CSP as a violation. In the
  // report every quote and < of user text is escaped, so these only ever match its own markup.
  const unstyled = html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/(<[a-z][a-z0-9]*\s[^<>]*?)\sstyle="/g, '$1 data-inline-style="');
  // Sanitised inside DOMPurify's own inert document: nothing runs or loads before it is clean.
  const clean = DOMPurify.sanitize(unstyled, { RETURN_DOM: true, FORBID_TAGS: FORBIDDEN_TAGS, FORBID_ATTR: ['style', 'srcset', 'src', 'action', 'formaction'] });
  if (!(clean instanceof HTMLElement)) throw new Error('The report is not an HTML document.');
  const inlineStyles: string[] = [];
  clean.querySelectorAll('[data-inline-style]').forEach((element, index) => {
    inlineStyles.push(element.getAttribute('data-inline-style') ?? '');
    element.removeAttribute('data-inline-style');
    element.classList.add(`inline-style-${index}`);
  });
  // A <body> of its own inside the shadow root, so that the report's `body { … }` rules apply as written.
  const body = document.importNode(clean, true);
  return { body, inlineStyles, title: body.querySelector('h1')?.textContent ?? '' };
}

/**
 * Writes `inlineStyles` into `sheet` as rules for classes `inline-style-N`. Each text is parsed as
 * a declaration list through the CSSOM, so nothing in it can end its rule or add another. As a
 * style attribute would, each declaration beats the report's ordinary rules (it is !important)
 * and loses to its !important ones (the sheet comes first).
 */
function applyInlineStyles(sheet: CSSStyleSheet, inlineStyles: readonly string[]): void {
  sheet.replaceSync(inlineStyles.map((_, index) => `.inline-style-${index} {}`).join('\n'));
  inlineStyles.forEach((declarations, index) => {
    const rule = sheet.cssRules[index];
    if (!(rule instanceof CSSStyleRule)) return;
    rule.style.cssText = declarations;
    for (const property of Array.from(rule.style)) rule.style.setProperty(property, rule.style.getPropertyValue(property), 'important');
  });
}

/** Base64 from the API as text (the report is UTF-8). */
function decodeBase64(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0)));
}

function notice(text: string): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'print-notice';
  paragraph.textContent = text;
  return paragraph;
}

/**
 * Keeps the printable report of `reviewId` in step with what is saved, and answers Ctrl+P by
 * saving, making the report afresh and then printing it. Renders nothing in the React tree.
 */
export function PrintReport({ reviewId, sync }: { reviewId: string; sync: { flush(): Promise<boolean> } }): null {
  useEffect(() => {
    const host = document.createElement('div');
    host.className = PRINT_REPORT_CLASS;
    const shadow = host.attachShadow({ mode: 'open' });
    const inlineSheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;
    shadow.adoptedStyleSheets = [inlineSheet, reportSheet].filter((sheet): sheet is CSSStyleSheet => sheet !== undefined);
    shadow.replaceChildren(notice('The report is being prepared. Print again in a moment.'));
    document.body.append(host);

    let reportTitle = '';
    let latest = 0;
    let disposed = false;
    const load = async (): Promise<void> => {
      const call = ++latest;
      try {
        const file = await api['review:export']({ id: reviewId, format: 'html' });
        if (disposed || call !== latest) return;
        const report = printableReport(decodeBase64(file.base64));
        if (inlineSheet) applyInlineStyles(inlineSheet, report.inlineStyles);
        shadow.replaceChildren(report.body);
        reportTitle = report.title;
      } catch (error) {
        if (disposed || call !== latest) return;
        reportTitle = '';
        shadow.replaceChildren(notice(`The report could not be prepared for printing: ${errorMessage(error)} Your review is unchanged; use Export… to save the report instead.`));
      }
    };
    void load();

    // Made again once saving settles, so the browser's own Print menu prints what is saved.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useReviewStore.subscribe((state, previous) => {
      if (state.saveState.kind === 'saved' && (previous.saveState.kind !== 'saved' || state.saveState.at !== previous.saveState.at)) {
        clearTimeout(timer);
        timer = setTimeout(() => void load(), REFRESH_DELAY_MS);
      }
    });

    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        clearTimeout(timer);
        void sync
          .flush()
          .then(load)
          .then(() => !disposed && window.print());
      }
    };
    // The saved PDF is named after the document's title, and the browser's page headers show it.
    let appTitle = document.title;
    const onBeforePrint = (): void => {
      appTitle = document.title;
      if (reportTitle) document.title = reportTitle;
    };
    const onAfterPrint = (): void => {
      document.title = appTitle;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      host.remove();
    };
  }, [reviewId, sync]);
  return null;
}
