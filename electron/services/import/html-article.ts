/**
 * A saved web page reduced to its article with Mozilla's Readability on linkedom, which runs no
 * script and fetches nothing. Title, byline, date and canonical address come from the page's
 * metadata.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ApiError } from '../../../shared/api/envelope';
import { OptionalDate } from '../../../shared/model/primitives';
import { LanguageTag } from '../../../shared/model/review';
import { readWebAddress } from '../../../shared/model/web-address';

export interface WebArticle {
  title: string;
  html: string;
  byline: string;
  publishedAt: string;
  canonicalUrl: string;
  /** The publishing outlet as the page names itself (og:site_name), '' when it does not. */
  outlet: string;
  /** The page's language tag (`<html lang>`), '' when absent or malformed. */
  language: string;
}

type PageDocument = ReturnType<typeof parseHTML>['document'];

function meta(document: PageDocument, selectors: string[]): string {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('content') ?? element?.getAttribute('href') ?? element?.getAttribute('datetime') ?? '';
    if (value.trim()) return value.trim();
  }
  return '';
}

/** The main article of a saved page; refuses a page without one. */
export function articleFromWebPage(html: string, fileName: string): WebArticle {
  const { document: doc } = parseHTML(html);
  const canonical = meta(doc, ['link[rel="canonical"]', 'meta[property="og:url"]']);
  const publishedAt = meta(doc, ['meta[property="article:published_time"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]', 'time[datetime]']);
  const metaTitle = meta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const metaAuthor = meta(doc, ['meta[name="author"]', 'meta[property="article:author"]']);
  const siteName = meta(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]']);
  const lang = (doc.documentElement?.getAttribute('lang') || meta(doc, ['meta[http-equiv="content-language"]', 'meta[property="og:locale"]'])).trim().replace(/_/g, '-');
  // linkedom's document is what Readability reads; its types are linkedom's own.
  const article = new Readability(doc as never, { keepClasses: false }).parse();
  if (!article?.content || !(article.textContent ?? '').trim()) {
    throw new ApiError('invalid-input', `${fileName}: no article text was found in this web page. Save the page with its article showing, or copy the text and paste it.`);
  }
  return {
    title: (article.title || metaTitle || doc.title || '').trim(),
    html: article.content,
    // A review keeps what its schema holds: a byline of sane length, a real date, a web address.
    byline: (article.byline || metaAuthor || '').trim().slice(0, 500),
    publishedAt: OptionalDate.safeParse(publishedAt.slice(0, 10)).data ?? '',
    canonicalUrl: canonical ? ((read) => (read.ok ? read.url : ''))(readWebAddress(canonical)) : '',
    outlet: (article.siteName || siteName || '').trim().slice(0, 300),
    language: LanguageTag.safeParse(lang).data ?? '',
  };
}
