/**
 * A realistic long review for looking at printed reports: twelve claims of very different
 * lengths, English and Arabic, with long evidence addresses, notes and one claim left unrated.
 */
import { newClaim, type Claim, type Evidence } from '../model/claim';
import { DEFAULT_SCALE } from '../model/rating-scale';
import type { Publisher } from '../model/publisher';
import type { Review } from '../model/review';
import { REVIEW } from './report-fixture';
import { buildReportModel, type ReportModel, type ReportOptions } from './report-model';

type Segment = string | { claim: string; text: string };

const evidence = (id: string, url: string, title: string, stance: Evidence['stance'], note = '', accessedAt = '2026-03-15'): Evidence => ({ id, url, title, stance, note, accessedAt });

const claim = (id: string, patch: Partial<Claim>): Claim => ({ ...newClaim(id, '2026-03-14T10:00:00.000Z'), updatedAt: '2026-03-15T10:00:00.000Z', status: 'reviewed', ...patch });

const LONG_RATIONALE = [
  'The ministry’s own quarterly bulletin gives a different figure. Table 4 of the March bulletin lists 1.2 million registered job seekers at the end of February, down from 1.31 million a year earlier: a fall of 8.4 per cent, not the 25 per cent the minister quoted.',
  'The 25 per cent figure appears to come from comparing February with the seasonal peak of last August, when registrations always rise after the summer contracts end. Comparing a low month with a high month exaggerates any change; the statistics office itself warns against it in the notes to every release.',
  'We asked the ministry’s press office where the figure came from. A spokesperson confirmed the August comparison and said the minister “meant the trend since the summer”. The speech, however, said “since last year”, and the published transcript has not been corrected.',
  'Independent economists we spoke to agree that unemployment has fallen, but by far less than claimed, and that part of the fall reflects people leaving the register for training schemes rather than finding work.',
].join('\n\n');

/** Claim id → the claim record; the article below marks each one. */
const CLAIMS: Claim[] = [
  claim('claim-jobs-0001', {
    verdictId: 'false',
    claimant: 'Minister of Labour',
    claimDate: '2026-03-10',
    appearanceUrl: 'https://english.alarabiya.net/News/middle-east/2026/03/10/minister-says-unemployment-fell-by-a-quarter-in-a-year',
    rationale: LONG_RATIONALE,
    tags: ['economy', 'employment'],
    evidence: [
      evidence('evidence-jobs-01', 'https://stats.example.gov/releases/labour-market/2026-q1/quarterly-bulletin-table-4-registered-job-seekers.xlsx', 'Quarterly labour market bulletin, Table 4', 'refutes', 'Registered job seekers, February 2025 and February 2026.'),
      evidence('evidence-jobs-02', 'https://stats.example.gov/methodology/seasonal-adjustment', 'Seasonal adjustment: why month-to-month comparisons mislead', 'context'),
      evidence('evidence-jobs-03', 'https://web.archive.org/web/20260311000000*/https://ministry.example.gov/speeches/2026-03-10-budget-speech-full-transcript', 'Archived transcript of the speech', 'context', 'The transcript says “since last year”.', '2026-03-11'),
      evidence('evidence-jobs-04', 'https://news.example.com/business/2026/03/12/economists-doubt-jobless-figures-flare-up-over-statistics', 'Economists doubt the jobless figures', 'refutes'),
    ],
  }),
  claim('claim-wheat-0002', {
    verdictId: 'true',
    claimant: 'Minister of Labour',
    rationale: 'Customs data confirm the figure: 2.4 million tonnes of wheat were imported in 2025, up from 2.1 million in 2024.',
    evidence: [evidence('evidence-wheat-01', 'https://customs.example.gov/trade/annual-2025#cereals', 'Annual trade statistics 2025, cereals', 'supports')],
  }),
  claim('claim-arabic-0003', {
    verdictId: 'misleading',
    claimant: 'وزير المالية',
    claimDate: '2026-03-09',
    rationale: 'الرقم صحيح من حيث القيمة الاسمية، لكنه لا يأخذ التضخم في الحسبان. بعد احتساب ارتفاع الأسعار بنسبة 11 في المئة، انخفض الإنفاق الحقيقي على الصحة بنحو 3 في المئة.\n\nطلبنا من الوزارة التعليق ولم نتلقَّ رداً حتى وقت النشر.',
    tags: ['الصحة', 'الميزانية'],
    evidence: [
      evidence('evidence-arabic-01', 'https://www.alarabiya.net/arab-and-world/2026/03/09/%D8%A7%D9%84%D9%85%D9%8A%D8%B2%D8%A7%D9%86%D9%8A%D8%A9', 'الميزانية العامة 2026: الأرقام الكاملة', 'context', 'الجدول 7 يعرض الإنفاق حسب القطاع.'),
      evidence('evidence-arabic-02', 'https://stats.example.gov/prices/cpi-2025-annual', 'Consumer price index 2025', 'refutes', 'Annual inflation 11.2 %.'),
    ],
  }),
  claim('claim-schools-0004', {
    verdictId: 'mostly-true',
    claimant: 'Opposition spokesperson',
    rationale: 'Forty-two schools were opened, not forty-five; three were extensions of existing buildings that the ministry counts as new schools.',
    evidence: [
      evidence('evidence-schools-01', 'https://education.example.gov/schools/openings-2025.pdf', 'School openings 2025', 'supports'),
      evidence('evidence-schools-02', 'https://regional.example.org/news/2026/02/28/three-of-the-new-schools-are-extensions', 'Three of the “new” schools are extensions', 'context'),
    ],
  }),
  claim('claim-unrated-0005', { status: 'in-progress', claimant: 'Minister of Labour', rationale: '' }),
  claim('claim-deficit-0006', {
    verdictId: 'mixed',
    claimant: 'Minister of Finance',
    claimDate: '2026-03-10',
    rationale: 'The deficit did fall as a share of output, from 6.1 to 4.9 per cent, but only because of a one-off sale of mobile spectrum licences worth 0.9 per cent of output. Without the sale the deficit would have been 5.8 per cent, a much smaller improvement than the minister suggested.\n\nThe IMF’s latest country report makes the same adjustment.',
    evidence: [
      evidence('evidence-deficit-01', 'https://www.imf.org/en/Publications/CR/Issues/2026/02/20/Article-IV-Consultation-Press-Release-Staff-Report-and-Statement-by-the-Executive-Director-560123', 'IMF Article IV staff report, February 2026', 'context', 'See box 2 on one-off revenue.'),
      evidence('evidence-deficit-02', 'https://finance.example.gov/budget/2026/fiscal-outlook', 'Fiscal outlook 2026', 'supports'),
      evidence('evidence-deficit-03', 'https://telecom-regulator.example.gov/spectrum/auction-results-2025', 'Spectrum auction results', 'context'),
    ],
  }),
  claim('claim-arabic-0007', {
    verdictId: 'unverifiable',
    claimant: 'متحدث باسم الحكومة',
    rationale: 'لم تنشر الحكومة أي بيانات عن عدد المستفيدين من البرنامج، ولم تتمكن أي جهة مستقلة من التحقق من الرقم.',
    evidence: [],
  }),
  claim('claim-roads-0008', {
    verdictId: 'false',
    claimant: 'Minister of Transport',
    rationale: 'The ring road was announced in 2019 and again in 2022; construction has not started. The tender documents were published in January 2026 and bids close in June.',
    evidence: [
      evidence('evidence-roads-01', 'https://tenders.example.gov/notices/2026/01/ring-road-phase-one-design-and-build-contract-notice-ref-TR-2026-0042', 'Tender notice TR-2026-0042', 'refutes', 'Bids close 30 June 2026.'),
      evidence('evidence-roads-02', 'https://news.example.com/2019/05/02/ring-road-announced', 'Ring road announced (2019)', 'context'),
    ],
  }),
  claim('claim-power-0009', {
    verdictId: 'mostly-false',
    claimant: 'Minister of Energy',
    claimDate: '2026-03-08',
    rationale: 'Outages fell in the capital, where the new substation opened, but rose in three of the five provinces. Nationally, the average household had 41 hours without power in 2025 against 38 in 2024.',
    evidence: [
      evidence('evidence-power-01', 'https://energy-regulator.example.gov/reports/reliability-2025', 'Grid reliability report 2025', 'refutes'),
      evidence('evidence-power-02', 'https://english.alarabiya.net/business/energy/2026/02/14/power-cuts-flare-up-again-in-southern-provinces', 'Power cuts flare up again in southern provinces', 'refutes'),
    ],
  }),
  claim('claim-tourism-0010', {
    verdictId: 'true',
    claimant: 'Minister of Tourism',
    rationale: 'Arrivals reached 4.8 million, a record, according to the tourism board and border statistics.',
    evidence: [evidence('evidence-tourism-01', 'https://tourism.example.gov/statistics/arrivals-2025', 'Arrivals 2025', 'supports')],
  }),
  claim('claim-water-0011', {
    verdictId: 'misleading',
    claimant: 'Minister of Water',
    rationale: 'The desalination plant exists and produces the stated volume, but it supplies the industrial zone only; household supply in the city has not changed. The minister’s wording (“every home in the city now has water around the clock”) is not supported by the utility’s own supply schedule, which still rations water to four days a week in the eastern districts.',
    evidence: [
      evidence('evidence-water-01', 'https://water-utility.example.gov/supply-schedule/eastern-districts', 'Supply schedule, eastern districts', 'refutes', 'Four days a week since 2024.'),
      evidence('evidence-water-02', 'https://water-utility.example.gov/plants/desalination-north', 'Northern desalination plant', 'supports'),
    ],
  }),
  claim('claim-arabic-0012', {
    verdictId: 'true',
    claimant: 'وزير المالية',
    rationale: 'تؤكد بيانات البنك المركزي أن الاحتياطيات بلغت 18 مليار دولار في نهاية فبراير.',
    evidence: [evidence('evidence-arabic-03', 'https://centralbank.example.gov/statistics/reserves/2026-02', 'الاحتياطيات الدولية، فبراير 2026', 'supports')],
  }),
];

const PARAGRAPHS: Segment[][] = [
  ['In a ninety-minute budget speech on Tuesday, ministers set out their record and their plans for the coming year. Here is what they said, and what the records show.'],
  ['Opening the debate, the Minister of Labour said that ', { claim: 'claim-jobs-0001', text: 'unemployment has fallen by a quarter since last year' }, ', and that ', { claim: 'claim-wheat-0002', text: 'wheat imports rose to 2.4 million tonnes' }, ' as the economy grew.'],
  ['وقال وزير المالية إن ', { claim: 'claim-arabic-0003', text: 'الإنفاق على الصحة ارتفع بنسبة ثمانية في المئة' }, ' هذا العام، مؤكداً أن الحكومة تفي بوعودها.'],
  ['The opposition replied that ', { claim: 'claim-schools-0004', text: 'the government opened 45 new schools, not the 60 it promised' }, '. The labour minister added that ', { claim: 'claim-unrated-0005', text: 'youth employment schemes reached 120,000 people' }, '.'],
  ['The Minister of Finance said ', { claim: 'claim-deficit-0006', text: 'the deficit fell from 6.1 to 4.9 per cent of output thanks to spending discipline' }, '.'],
  ['وأضاف متحدث باسم الحكومة أن ', { claim: 'claim-arabic-0007', text: 'برنامج الدعم النقدي وصل إلى مليوني أسرة' }, '.'],
  ['On infrastructure, the Minister of Transport said ', { claim: 'claim-roads-0008', text: 'construction of the ring road is under way' }, ', and the Minister of Energy said ', { claim: 'claim-power-0009', text: 'power cuts have halved across the country' }, '.'],
  ['Tourism had ', { claim: 'claim-tourism-0010', text: 'a record year, with 4.8 million arrivals' }, ', and ', { claim: 'claim-water-0011', text: 'every home in the city now has water around the clock' }, ', ministers said.'],
  ['واختتم وزير المالية بالقول إن ', { claim: 'claim-arabic-0012', text: 'احتياطيات النقد الأجنبي بلغت 18 مليار دولار' }, '.'],
];

function paragraph(segments: Segment[]) {
  return {
    type: 'paragraph',
    content: segments.map((segment) => (typeof segment === 'string' ? { type: 'text', text: segment } : { type: 'text', text: segment.text, marks: [{ type: 'claim', attrs: { claimId: segment.claim } }] })),
  };
}

/** A budget-speech fact-check of twelve claims, four in Arabic. */
export const LONG_REVIEW: Review = {
  ...REVIEW,
  id: 'review-long-0001',
  title: 'What ministers said in the 2026 budget debate',
  sourceUrl: 'https://english.alarabiya.net/News/middle-east/2026/03/10/budget-debate-live',
  claims: CLAIMS,
  doc: { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Budget debate: the claims' }] }, ...PARAGRAPHS.map(paragraph)] },
};

export const LONG_PUBLISHER: Publisher = {
  reviewerName: 'Layla Haddad',
  organizationName: 'Check Desk',
  organizationUrl: 'https://checkdesk.example',
  reportUrl: 'https://checkdesk.example/checks/budget-debate-2026',
  logo: '',
  signOffRequired: false,
};

/** The report model of LONG_REVIEW, made at a fixed time (an English publish report unless `options` say otherwise). */
export function longModel(options: ReportOptions = {}): ReportModel {
  return buildReportModel(LONG_REVIEW, DEFAULT_SCALE, LONG_PUBLISHER, new Date('2026-03-20T12:00:00.000Z'), null, { language: 'en', ...options });
}
