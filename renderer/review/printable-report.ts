/**
 * The HTML report made safe to show inside the app: sanitised by DOMPurify, and its inline styles
 * (verdict colours) turned into a constructed stylesheet, since the app's CSP refuses style attributes.
 */
import DOMPurify from 'dompurify';

// Nothing of the report may run, load or take input; its own CSS comes from REPORT_CSS, not from it.
const FORBIDDEN_TAGS = ['style', 'link', 'meta', 'base', 'img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template'];

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
  // Still a <body> element: wherever it is shown (a shadow root), the report's `body { … }` rules apply as written.
  const body = document.importNode(clean, true);
  return { body, inlineStyles, title: body.querySelector('h1')?.textContent ?? '' };
}

/**
 * Writes `inlineStyles` into `sheet` as rules for classes `inline-style-N`. Each text is parsed as
 * a declaration list through the CSSOM, so nothing in it can end its rule or add another. As a
 * style attribute would, each declaration beats the report's ordinary rules (it is !important)
 * and loses to its !important ones (the sheet comes first).
 */
export function applyInlineStyles(sheet: CSSStyleSheet, inlineStyles: readonly string[]): void {
  sheet.replaceSync(inlineStyles.map((_, index) => `.inline-style-${index} {}`).join('\n'));
  inlineStyles.forEach((declarations, index) => {
    const rule = sheet.cssRules[index];
    if (!(rule instanceof CSSStyleRule)) return;
    rule.style.cssText = declarations;
    for (const property of Array.from(rule.style)) rule.style.setProperty(property, rule.style.getPropertyValue(property), 'important');
  });
}
