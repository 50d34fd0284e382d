/**
 * Reports as readers and newsrooms get them: a published report without the newsroom's working
 * notes, a draft that says what is unfinished, the article checked, the byline, and the languages.
 */
import { parse } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildClaimReviews } from './claimreview';
import { checkClaimReviews } from './claimreview-fields';
import { buildCsvReport } from './csv-report';
import { buildHtmlReport } from './html-report';
import { buildMarkdownReport } from './markdown-report';
import { printFurniture } from './print-page';
import { LOGO, NEWSROOM, PUBLISHABLE, publishModel, withClaim } from './publishable-fixture';
import { reportLanguage } from './report-words';
import { buildWebAnnotations } from './web-annotation';

const html = (...args: Parameters<typeof publishModel>) => buildHtmlReport(publishModel(...args));
/** The page's words with runs of white space as one space (a no-break space, as French sets before a colon, is kept). */
const textOf = (page: string) => parseHTML(page).document.body.textContent.replace(/[^\S\u00a0]+/g, ' ');

describe('a published report', () => {
  const page = html();
  const { document } = parseHTML(page);
  const text = textOf(page);

  it('leaves out the newsroom’s working notes: status, tags, flags, empty rationales, drafts', () => {
    expect(text).not.toMatch(/Status|Reviewed\b(?! by)|Tags|internal-tag|Needs attention|No rationale|No evidence recorded|Draft/);
    expect(document.querySelectorAll('.draft-banner, .draft-mark, .draft-reasons')).toHaveLength(0);
    const markdown = buildMarkdownReport(publishModel());
    expect(markdown).not.toMatch(/Status|Tags|internal-tag|Needs attention|none yet|No evidence recorded|Draft/);
  });

  it('heads the page with the headline, authors, date, the organisation with its logo, and who reviewed and edited it', () => {
    expect(document.querySelector('h1')?.textContent).toBe('Fact-check: Mayor’s budget speech');
    expect(document.querySelector('title')?.textContent).toBe('Fact-check: Mayor’s budget speech');
    const organisation = document.querySelector('header .organisation');
    expect(organisation?.querySelector('img')?.getAttribute('src')).toBe(LOGO);
    expect(organisation?.querySelector('img')?.getAttribute('alt')).toBe('Logo of Check Desk');
    expect(organisation?.querySelector('a')?.getAttribute('href')).toBe('https://checkdesk.example/');
    // The logo is the one thing the page shows that is not text, and it is inside the page.
    expect([...document.querySelectorAll('[src]')].map((element) => element.getAttribute('src'))).toEqual([LOGO]);
    expect(page).toContain("img-src data:");
    const { document: smuggled } = parseHTML(html(PUBLISHABLE, {}, { ...NEWSROOM, logo: 'https://tracker.example/pixel.png' }));
    expect(smuggled.querySelectorAll('img, [src]')).toHaveLength(0);
    expect(text).toContain('By Lina Editor and Ana Checker · Published 17 March 2026');
    // Ana wrote both verdicts; Omar's sign-off holds on both. Names are isolated: Omar's is Arabic.
    expect(text).toContain('Reviewed by Ana Checker, edited by عمر الحسيني');
    expect(page).toContain('edited by <bdi>عمر الحسيني</bdi>');
    // The deprecated per-library reviewer name is never printed.
    expect(page).not.toContain('Old Name From Before');
    expect(buildMarkdownReport(publishModel())).toContain('Reviewed by Ana Checker, edited by عمر الحسيني');
  });

  it('uses the publication’s own headline when it has one, and names no editor whose sign-off was withdrawn', () => {
    const review = withClaim(1, { rationale: 'Rewritten after the sign-off.' }, { ...PUBLISHABLE, publication: { ...(PUBLISHABLE.publication as NonNullable<typeof PUBLISHABLE.publication>), headline: 'No, crime did not fall by a fifth' } });
    const { document: other } = parseHTML(html(review, { mode: 'draft' }));
    expect(other.querySelector('h1')?.textContent).toBe('No, crime did not fall by a fifth');
    // Omar still holds his sign-off on claim 2.
    expect(textOf(html(review, { mode: 'draft' }))).toContain('edited by عمر الحسيني');
    const withdrawnEverywhere = withClaim(2, { summary: 'changed' }, review);
    expect(textOf(html(withdrawnEverywhere, { mode: 'draft' }))).toContain('Reviewed by Ana Checker');
    expect(textOf(html(withdrawnEverywhere, { mode: 'draft' }))).not.toContain('edited by');
  });

  it('describes the article checked: title, outlet, author, date and address', () => {
    const facts = [...document.querySelectorAll('.article-checked dt')].map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    expect(facts).toEqual(['Title: Mayor’s budget speech', 'Published by: The Daily Example', 'Author: Sam Reporter', 'Date: 10 March 2026', 'Address: https://news.example/mayor-speech']);
    expect(buildMarkdownReport(publishModel())).toMatch(/## The article checked\n\n- \*\*Title:\*\* Mayor’s budget speech\n- \*\*Published by:\*\* The Daily Example\n- \*\*Author:\*\* Sam Reporter\n- \*\*Date:\*\* 10 March 2026\n- \*\*Address:\*\* <https:\/\/news\.example\/mayor-speech>/);
  });

  it('shows each claim’s summary as the statement checked, above its words in the article', () => {
    const card = document.querySelector('#claim-1');
    expect(card?.querySelector('.statement')?.textContent).toBe('Crime fell by 20 percent since 2020');
    expect(page.indexOf('class="statement"')).toBeLessThan(page.indexOf('class="quote"', page.indexOf('id="claim-1"')));
    expect(document.querySelector('#claim-2 .statement')).toBeNull();
    expect(document.querySelector('table.summary tbody td:nth-child(2)')?.textContent).toBe('Crime fell by 20 percent since 2020');
  });
});

describe('a draft report', () => {
  const unfinished = withClaim(2, { verdictId: null, status: 'in-progress' });
  const page = html(unfinished, { mode: 'draft' });
  const { document } = parseHTML(page);

  it('says at the top that it is a draft, and how many claims are not ready', () => {
    expect(document.querySelector('header .draft-banner')?.textContent).toBe('Draft — not for publication1 claim is not ready to publish: it is marked Draft, with what it still needs.');
    expect(textOf(html(PUBLISHABLE, { mode: 'draft' }))).toContain('Every claim is ready to publish');
  });

  it('marks each unfinished claim Draft with its reasons, and shows status and tags', () => {
    const card = document.querySelector('#claim-2');
    expect(card?.classList.contains('is-draft')).toBe(true);
    expect(card?.querySelector('h3 .draft-mark')?.textContent).toBe('Draft');
    expect([...(card?.querySelectorAll('.draft-reasons li') ?? [])].map((item) => item.textContent)).toEqual(['No verdict yet.', 'Not marked as reviewed.', 'Sign-off withdrawn: it changed after it was signed.']);
    expect(document.querySelector('#claim-1 .draft-mark')).toBeNull();
    expect(textOf(page)).toContain('StatusIn progress');
    expect(textOf(page)).toContain('Tagsinternal-tag');
    const markdown = buildMarkdownReport(publishModel(unfinished, { mode: 'draft' }));
    expect(markdown.startsWith('> **Draft — not for publication**\\\n> 1 claim is not ready to publish')).toBe(true);
    expect(markdown).toContain('Claim 2: No verdict yet — Draft');
    expect(markdown).toContain('**Not ready to publish:** No verdict yet. Not marked as reviewed. Sign-off withdrawn: it changed after it was signed.');
  });

  it('prints “Draft — not for publication” in the running header of every page', () => {
    expect(printFurniture(publishModel(unfinished, { mode: 'draft' })).headerTemplate).toContain('Draft — not for publication');
    expect(printFurniture(publishModel()).headerTemplate).not.toContain('Draft');
  });
});

describe('ClaimReview of a published fact-check', () => {
  const [crime, prices] = buildClaimReviews(publishModel());

  it('gives an ordinal verdict its number on the scale, and one off the true–false line its words only', () => {
    expect(crime?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 });
    expect(prices?.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    // Neither is missing anything Google asks for: a rating in words alone is not a numeric rating.
    expect(checkClaimReviews([crime, prices])).toEqual([]);
  });

  it('describes where the claim appeared: the checked article as a CreativeWork', () => {
    const article = { '@type': 'CreativeWork', url: 'https://news.example/mayor-speech', headline: 'Mayor’s budget speech', author: { '@type': 'Person', name: 'Sam Reporter' }, datePublished: '2026-03-10', publisher: { '@type': 'Organization', name: 'The Daily Example' } };
    expect(crime?.itemReviewed).toEqual({ '@type': 'Claim', author: { '@type': 'Person', name: 'The mayor' }, datePublished: '2026-03-12', appearance: [article], firstAppearance: article });
    const clip = buildClaimReviews(publishModel(withClaim(1, { appearanceUrl: 'https://tv.example/clip' })))[0];
    expect(clip?.itemReviewed).toMatchObject({ firstAppearance: { '@type': 'CreativeWork', url: 'https://tv.example/clip' }, appearance: [{ url: 'https://tv.example/clip' }, article] });
    expect(crime).toMatchObject({ url: 'https://checkdesk.example/checks/mayor#claim-1', claimReviewed: 'Crime fell by 20 percent since 2020', datePublished: '2026-03-17', author: { '@type': 'Organization', name: 'Check Desk' } });
  });

  it('leaves out claims not ready to publish, also from a draft', () => {
    expect(buildClaimReviews(publishModel(withClaim(1, { status: 'in-progress' }), { mode: 'draft' })).map((item) => item.reviewRating)).toEqual([{ '@type': 'Rating', alternateName: 'Unverifiable' }]);
  });
});

describe('data exports name who checked each claim', () => {
  it('in the CSV reviewer column and as the Web Annotation creator, never the old library reviewer name', () => {
    const rows = parse(buildCsvReport(publishModel()).slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.reviewer)).toEqual(['Ana Checker', 'Ana Checker']);
    const items = buildWebAnnotations(publishModel()).first?.items ?? [];
    expect(items.map((item) => item.creator)).toEqual([{ type: 'Person', name: 'Ana Checker' }, { type: 'Person', name: 'Ana Checker' }]);
    // A claim from before histories was checked by whoever makes the export.
    const rowsWithoutHistory = parse(buildCsvReport(publishModel({ ...PUBLISHABLE, history: [] })).slice(1), { columns: true }) as Record<string, string>[];
    expect(rowsWithoutHistory[0]?.reviewer).toBe('Ana Checker');
    expect(JSON.stringify(items)).not.toContain('Old Name From Before');
  });
});

describe('the report’s language', () => {
  it('is the one asked for, else the review’s own when Factmark speaks it, else Arabic for an Arabic article, else English', () => {
    expect(reportLanguage({ language: 'ar' }, 'English words', 'es')).toBe('es');
    expect(reportLanguage({ language: 'fr-CA' }, 'وقال الوزير')).toBe('fr');
    expect(reportLanguage({ language: 'de' }, 'وقال الوزير إن الأسعار ارتفعت, he said')).toBe('ar');
    expect(reportLanguage({ language: '' }, 'The minister said وقال')).toBe('en');
    expect(reportLanguage({ language: '' }, '123 …')).toBe('en');
  });

  it('writes an Arabic report right to left, with Arabic words, Arabic dates in Western digits, and the built-in verdicts in Arabic', () => {
    const page = html({ ...PUBLISHABLE, language: 'ar' });
    const { document } = parseHTML(page);
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('h1')?.textContent).toBe('تدقيق الحقائق: Mayor’s budget speech');
    expect(page).toContain('تدقيق الحقائق: <bdi>Mayor’s budget speech</bdi>');
    expect(document.querySelector('.article-checked h2')?.textContent).toBe('المقال الذي جرى التحقق منه');
    expect(textOf(page)).toContain('التاريخ10 مارس 2026');
    expect(textOf(page)).toContain('بقلم Lina Editor وAna Checker · نُشر في 17 مارس 2026');
    expect(textOf(page)).toContain('جرى التحقق من ادعاءين');
    expect(document.querySelector('#claim-1 h3')?.textContent).toMatch(/^الادعاء 1 خاطئ/);
    expect(page).toContain('<a href="https://news.example/mayor-speech" dir="ltr"');
  });

  it('writes French and Spanish reports in their own words', () => {
    const french = textOf(html(PUBLISHABLE, { language: 'fr' }));
    expect(french).toContain('Vérification\u00a0: Mayor’s budget speech');
    expect(french).toContain('L’article vérifié');
    expect(french).toContain('Publié le 17 mars 2026');
    expect(french).toContain('Vérifié par Ana Checker, relu par عمر الحسيني');
    expect(buildMarkdownReport(publishModel(PUBLISHABLE, { language: 'fr' }))).toContain('**Explication\u00a0:** The statistics office says otherwise.');
    const spanish = textOf(html(PUBLISHABLE, { language: 'es' }));
    expect(spanish).toContain('Verificación: Mayor’s budget speech');
    expect(spanish).toContain('Publicado el 17 de marzo de 2026');
    expect(spanish).toContain('2 afirmaciones verificadas');
    expect(spanish).toContain('Justificación');
  });

  it('puts the page furniture in the report’s language and direction', () => {
    const arabic = printFurniture(publishModel({ ...PUBLISHABLE, language: 'ar' }, { mode: 'draft' }));
    expect(arabic.headerTemplate).toContain('direction: rtl');
    expect(arabic.headerTemplate).toContain('مسودة — ليست للنشر');
    expect(arabic.footerTemplate).toContain('الصفحة <span class="pageNumber"></span> من <span class="totalPages"></span>');
    expect(printFurniture(publishModel()).footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });
});
