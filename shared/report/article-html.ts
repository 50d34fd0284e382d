/**
 * Renders a stored article document as HTML for reports: structure and emphasis kept, links
 * only to web and mail addresses, every claim highlighted, its number (where its words start)
 * linking to its verdict.
 */
import { CLAIM_MARK } from '../article/claim-spans';
import type { DocNode } from '../model/article-doc';
import { isAllowedArticleLink } from '../editor-schema/article-extensions';
import { escapeHtml } from './escape';

/** How a claim is shown in the article: its report number and highlight colour. */
export interface ClaimLabel {
  number: number;
  anchor: string;
  color: string;
}

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  table: 'table',
  tableRow: 'tr',
  tableCell: 'td',
  tableHeader: 'th',
};

function wrapMarks(text: string, node: DocNode): string {
  let html = escapeHtml(text);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') html = `<strong>${html}</strong>`;
    else if (mark.type === 'italic') html = `<em>${html}</em>`;
    else if (mark.type === 'underline') html = `<u>${html}</u>`;
    else if (mark.type === 'strike') html = `<s>${html}</s>`;
    else if (mark.type === 'code') html = `<code>${html}</code>`;
    else if (mark.type === 'link') {
      const href = String(mark.attrs?.href ?? '');
      if (isAllowedArticleLink(href)) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
    }
  }
  return html;
}

/** The numbered marker where a claim's words start: the one link from the article to its verdict. */
function marker(label: ClaimLabel): string {
  return `<a class="claim-ref" href="#${label.anchor}" style="background:${label.color}">${label.number}</a>`;
}

/**
 * HTML of `doc`; `labels` maps claim ids to their numbers (claims without one are not
 * highlighted), and `markTitle` names the claims on a highlighted run ("Claim 1 and 2").
 * One pass over the document: a run's claims are read from its own marks.
 */
export function articleToHtml(doc: DocNode, labels: ReadonlyMap<string, ClaimLabel>, markTitle: (numbers: number[]) => string): string {
  const started = new Set<string>();
  const render = (node: DocNode): string => {
    if (node.type === 'text') {
      const inner = wrapMarks(node.text ?? '', node);
      let claims: ClaimLabel[] | undefined;
      for (const mark of node.marks ?? []) {
        const label = mark.type === CLAIM_MARK ? labels.get(String(mark.attrs?.claimId)) : undefined;
        if (label) (claims ??= []).push(label);
      }
      if (!claims) return inner;
      claims.sort((left, right) => left.number - right.number);
      let refs = '';
      for (const label of claims) {
        if (started.has(label.anchor)) continue;
        started.add(label.anchor);
        refs += marker(label);
      }
      const first = claims[0] as ClaimLabel;
      const depth = Math.min(claims.length, 3);
      return `${refs}<mark class="hl hl-${depth}" style="border-color:${first.color}" title="${escapeHtml(markTitle(claims.map((label) => label.number)))}">${inner}</mark>`;
    }
    if (node.type === 'hardBreak') return '<br>';
    if (node.type === 'horizontalRule') return '<hr>';
    let children = '';
    for (const child of node.content ?? []) children += render(child);
    if (node.type === 'doc') return children;
    if (node.type === 'heading') {
      const level = Math.min(6, Math.max(2, Number(node.attrs?.level ?? 2) + 1));
      return `<h${level} dir="auto">${children}</h${level}>`;
    }
    if (node.type === 'codeBlock') return `<pre><code>${children}</code></pre>`;
    const tag = BLOCK_TAGS[node.type] ?? 'div';
    const start = node.type === 'orderedList' && Number(node.attrs?.start ?? 1) !== 1 ? ` start="${Number(node.attrs?.start)}"` : '';
    return `<${tag}${tag === 'p' || tag === 'li' ? ' dir="auto"' : ''}${start}>${children}</${tag}>`;
  };
  return render(doc);
}
