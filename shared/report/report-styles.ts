/**
 * The HTML report's stylesheet: readable on a phone, printable, system fonts only. Sides are
 * logical (inline-start/end), so an Arabic report mirrors by its `dir` alone.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; font: 16px/1.6 Georgia, 'Noto Serif', 'Noto Naskh Arabic', 'Times New Roman', serif; color: #1d2330; background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1, h2, h3, h4, th, .meta, .badge, .claim-ref, .label, .organisation, .draft-banner, .draft-mark { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', Arial, sans-serif; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 0.4rem; }
h2.section { font-size: 1.25rem; margin: 2.2rem 0 0.8rem; border-bottom: 2px solid #1d2330; padding-bottom: 0.2rem; }
.meta { color: #4a5263; font-size: 0.9rem; margin: 0 0 0.2rem; overflow-wrap: anywhere; }
.organisation { display: flex; align-items: center; flex-wrap: wrap; gap: 0.4rem 0.7rem; margin: 0 0 0.9rem; font-weight: 700; font-size: 1rem; }
.organisation a { color: #1d2330; text-decoration: none; }
.organisation a:hover, .organisation a:focus { text-decoration: underline; }
/* Logos come in every size: shown at one height, their shape kept, never wider than a masthead allows. */
.logo { display: block; height: 2.75rem; width: auto; max-width: 12rem; object-fit: contain; }
.draft-banner { border: 2px dashed #b42318; border-radius: 6px; background: #fdf1f0; color: #7a1a12; padding: 0.45rem 0.9rem; margin: 0 0 1rem; font-size: 0.92rem; }
.draft-banner p { margin: 0.1rem 0; }
.draft-banner strong { font-size: 1.05rem; text-transform: uppercase; letter-spacing: 0.04em; }
.draft-mark { display: inline-block; border: 1px dashed #b42318; border-radius: 4px; background: #fdf1f0; color: #9b1c13; font-size: 0.72rem; font-weight: 700; padding: 0 0.4rem; text-transform: uppercase; letter-spacing: 0.04em; white-space: nowrap; }
td .draft-mark { margin-inline-start: 0.3rem; }
.claim.is-draft { border-style: dashed; border-color: #d9a19b; }
.draft-reasons { background: #fdf1f0; border: 1px solid #e8b4ae; border-radius: 6px; padding: 0.3rem 0.8rem; margin: 0.5rem 0; }
.draft-reasons ul { margin: 0.2rem 0; padding-inline-start: 1.2rem; }
.draft-reasons .meta { margin: 0.2rem 0; }
.statement { font-size: 1.08rem; font-weight: 600; line-height: 1.45; margin: 0 0 0.5rem; }
a { color: #1f4fa8; }
table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
th, td { text-align: start; padding: 0.45rem 0.4rem; border-bottom: 1px solid #d9dde4; vertical-align: top; }
th { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: #5f6776; }
.badge { display: inline-block; color: #fff; font-size: 0.78rem; font-weight: 700; padding: 0.1rem 0.5rem; border-radius: 999px; white-space: nowrap; }
.claim { border: 1px solid #d9dde4; border-radius: 8px; padding: 0.9rem 1rem; margin: 0 0 1.1rem; break-inside: avoid; }
.claim h3 { font-size: 1.05rem; margin: 0 0 0.5rem; display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
.quote { margin: 0 0 0.6rem; padding: 0.4rem 0.8rem; border-inline-start: 4px solid #1f4fa8; background: #f6f7f9; }
.quote .context { color: #5f6776; }
.quote strong { background: #fff3b0; font-weight: 600; }
.label { font-size: 0.78rem; font-weight: 700; color: #4a5263; text-transform: uppercase; letter-spacing: 0.03em; margin: 0.6rem 0 0.1rem; }
.rationale { white-space: pre-wrap; margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.8rem; margin: 0.5rem 0; font-size: 0.92rem; }
dl.facts dt { color: #5f6776; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.evidence { list-style: none; padding: 0; margin: 0.2rem 0; }
ul.evidence li { padding: 0.3rem 0; border-top: 1px solid #eceef2; overflow-wrap: anywhere; }
ul.evidence li:first-child { border-top: 0; }
ul.evidence .copy-note { display: block; margin: 0.15rem 0 0; }
ul.evidence .copy-note a { font-weight: 400; }
.hash span { white-space: nowrap; }
.hash code { font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.85em; word-break: break-all; }
ul.evidence a { color: #1f4fa8; font-weight: 600; text-decoration: none; }
ul.evidence a:hover, ul.evidence a:focus { text-decoration: underline; }
.stance { font-family: system-ui, sans-serif; font-size: 0.72rem; font-weight: 600; border: 1px solid #aeb5c1; border-radius: 4px; padding: 0 0.3rem; margin-inline-end: 0.4rem; color: #4a5263; background: #f6f7f9; }
.stance-refutes { color: #9b1c13; border-color: #e8b4ae; background: #fdf1f0; }
.stance-supports { color: #1b6e34; border-color: #a9d3b5; background: #eff8f1; }
.article { border-top: 1px solid #d9dde4; padding-top: 0.5rem; }
mark.hl { background: #fff6c7; color: inherit; border-bottom: 2px solid; padding: 0 1px; }
mark.hl-2 { background: #ffe98a; }
mark.hl-3 { background: #ffdb4d; }
.claim-ref { display: inline-block; min-width: 1.2em; margin: 0 0.15em; padding: 0 0.25em; border-radius: 4px; color: #fff; font-size: 0.7em; font-weight: 700; text-align: center; text-decoration: none; vertical-align: super; line-height: 1.4; }
.empty { color: #5f6776; font-style: italic; }
.note { background: #fff4d6; border-inline-start: 4px solid #c98a00; padding: 0.4rem 0.7rem; font-size: 0.9rem; }
footer { margin-top: 2.5rem; font-size: 0.8rem; color: #5f6776; font-family: system-ui, sans-serif; }
/* Arabic letters join: spacing them out, as English small capitals are, would break the words apart. */
:lang(ar) th, :lang(ar) .label, :lang(ar) .draft-mark, :lang(ar) .draft-banner strong { letter-spacing: 0; text-transform: none; }
:lang(ar) th, :lang(ar) .label { font-size: 0.85rem; }
/* Arabic has no italics: a slanted Arabic line reads as a rendering fault. */
:lang(ar) .empty { font-style: normal; }
@media (max-width: 600px) { body { font-size: 15px; } .summary th:nth-child(4), .summary td:nth-child(4) { display: none; } }
@media print {
  body { font-size: 10.5pt; line-height: 1.5; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .claim-ref { color: #000 !important; background: none !important; border: 1px solid #000; }
  mark.hl { background: none; }
  /* Verdicts are told by colour: keep it when a browser prints without "background graphics". */
  .badge, .stance, .quote strong, mark.hl, .draft-banner, .draft-mark, .draft-reasons { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .article { border-top: 0; padding-top: 0; }
  /* A long claim may run on to the next page (a card kept whole leaves half a page blank); its
     small parts stay whole, a heading stays with what follows, and no page starts or ends with a lone line. */
  .claim { break-inside: auto; border: 0; border-top: 1pt solid #aeb5c1; border-radius: 0; padding: 0.7rem 0 0; margin: 0 0 1.2rem; }
  h2.section + .claim { border-top: 0; padding-top: 0; }
  h2.section, .claim h3, .label { break-after: avoid; }
  .quote, .draft-reasons, dl.facts, ul.evidence li, tr, .note, .draft-banner { break-inside: avoid; }
  .claim.is-draft { border-top-style: dashed; }
  p, li, dd, blockquote { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  footer { break-before: avoid; margin-top: 1.5rem; }
  /* On paper a link's address is all a reader can follow. */
  ul.evidence a.titled { color: #1f4fa8; }
  ul.evidence .meta { font-size: 0.8em; }
  a.titled[href]::after { content: "\\A" attr(href); white-space: pre-wrap; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; font-size: 0.8em; font-weight: 400; color: #4a5263; overflow-wrap: anywhere; }
}
`;
