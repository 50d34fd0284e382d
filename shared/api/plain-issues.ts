/**
 * Validation problems in a journalist's words: which field ("the address of source 2 of claim 3")
 * and what is wrong with it ("is too long (at most 2,000 characters)"), instead of a validator's
 * "Invalid input: expected string, received undefined" at "claims.2.evidence.1.url".
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

/** Fields by their name in the data model. */
const FIELD_WORDS: Record<string, string> = {
  title: 'the title',
  sourceUrl: 'the source address',
  outlet: 'the outlet',
  byline: 'the author',
  publishedAt: 'the publication date',
  language: 'the language',
  url: 'the address',
  evidenceUrls: 'the evidence addresses',
  appearanceUrl: 'where the claim appeared',
  quote: 'the quote',
  verdict: 'the verdict',
  verdictId: 'the verdict',
  rationale: 'the rationale',
  claimant: 'the claimant',
  claimDate: 'the claim date',
  status: 'the status',
  tags: 'the tags',
  note: 'the note',
  stance: 'the stance',
  accessedAt: 'the date accessed',
  fileName: 'the file name',
  base64: 'the file',
  encoding: 'the text encoding',
  id: 'the review id',
  claimId: 'the claim id',
  doc: 'the article',
  article: 'the article',
  name: 'the name',
  organizationName: 'the organisation’s name',
  organizationUrl: 'the organisation’s web address',
  reportUrl: 'the address where the fact-check is published',
  reviewerName: 'the reviewer’s name',
  format: 'the export format',
  occurrence: 'the occurrence number',
  baseRevision: 'the revision the change was based on',
  history: 'the history',
  reviewers: 'the reviewers',
  sharedBy: 'the sender',
  sharedAt: 'the time shared',
  scaleId: 'the rating scale',
  origin: 'the origin',
  kind: 'the kind',
  claims: 'the list of claims',
  createdAt: 'the time created',
  updatedAt: 'the time changed',
  checksum: 'the checksum',
  signature: 'the signature',
  version: 'the format version',
};

/** Objects that only group fields in a call: "the outlet", not "the outlet of the details". */
const GROUPS = new Set(['details']);

/** Lists by their name, and what one item of each is called. */
const ITEM_WORDS: Record<string, string> = {
  claims: 'claim',
  evidence: 'source',
  tags: 'tag',
  evidenceUrls: 'evidence address',
  reviewers: 'reviewer',
  history: 'history event',
  scales: 'rating scale',
  verdicts: 'verdict',
  conflicts: 'conflict',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
};

/** Messages zod writes itself; any other message was written for people in our schemas. */
const VALIDATOR_WORDING = /^(Invalid|Too (big|small)|Unrecognized)/;

const count = (value: number | bigint): string => Number(value).toLocaleString('en-US');

function words(name: string): string {
  return `the ${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/** "the address of source 2 of claim 3" for `claims.2.evidence.1.url`; `root` when the path is empty. */
export function fieldName(path: readonly PathSegment[], root: string): string {
  // Inside the article only "the article" means anything to a reviewer.
  const articleAt = path.findIndex((segment) => segment === 'doc' || segment === 'article');
  const trimmed = articleAt >= 0 ? path.slice(0, articleAt + 1) : path;
  const parts: string[] = [];
  for (let index = 0; index < trimmed.length; index++) {
    const segment = trimmed[index];
    const next = trimmed[index + 1];
    if (typeof segment === 'string' && typeof next === 'number') {
      parts.push(`${ITEM_WORDS[segment] ?? segment} ${next + 1}`);
      index++;
    } else if (typeof segment === 'string' && GROUPS.has(segment)) continue;
    else if (typeof segment === 'string') parts.push(FIELD_WORDS[segment] ?? words(segment));
    else if (typeof segment === 'number') parts.push(`item ${segment + 1}`);
  }
  if (parts.length === 0) return root;
  return parts.reverse().join(' of ');
}

function predicate(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? 'is missing' : `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `is too long (at most ${count(issue.maximum)} characters)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `has too many items (at most ${count(issue.maximum)})`;
      return `is too large (at most ${count(issue.maximum)})`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'is empty' : `is too short (at least ${count(issue.minimum)} characters)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `needs at least ${count(issue.minimum)} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`;
      return `is too small (at least ${count(issue.minimum)})`;
    case 'invalid_format':
      if (issue.format === 'date') return 'is not a date written as YYYY-MM-DD';
      if (issue.format === 'datetime') return 'is not a date and time (like 2026-03-14T09:30:00Z)';
      return 'is not written in the form Factmark expects';
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.slice(0, 8).map((value) => JSON.stringify(value)).join(', ')}${issue.values.length > 8 ? ', …' : ''}`;
    case 'unrecognized_keys':
      return `has fields Factmark does not know (${issue.keys.slice(0, 5).join(', ')})`;
    default:
      return 'is not in a form Factmark accepts';
  }
}

/** The branch of a union that got furthest: its first issue that is not just "wrong type here". */
function bestUnionIssue(issue: Extract<Issue, { code: 'invalid_union' }>): Issue | undefined {
  const branches = issue.errors.flat();
  return branches.find((inner) => inner.code === 'custom' || !VALIDATOR_WORDING.test(inner.message)) ?? branches.find((inner) => inner.path.length > 0) ?? branches.find((inner) => inner.code !== 'invalid_value');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence for `issue`; `root` names the whole value ("the request", "the share file"). */
export function describeIssue(issue: Issue, root: string): string {
  if (issue.code === 'invalid_union') {
    const inner = bestUnionIssue(issue);
    if (inner) return describeIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue, root);
  }
  const subject = fieldName(issue.path, root);
  if (!VALIDATOR_WORDING.test(issue.message)) {
    // Our own wording: a whole sentence ("“http:/x” has no real site in it…") or a predicate ("must be a Factmark id").
    return /^[A-Z“"]/.test(issue.message) ? `${capitalize(subject)}: ${issue.message.replace(/\.?$/, '.')}` : `${capitalize(subject)} ${issue.message.replace(/\.?$/, '.')}`;
  }
  return `${capitalize(subject)} ${predicate(issue)}.`;
}

/** The first few problems of `error`, one sentence each. */
export function describeIssues(error: z.ZodError, root: string, limit = 3): string {
  const sentences = [...new Set(error.issues.map((issue) => describeIssue(issue, root)))];
  return sentences.slice(0, limit).join(' ') + (sentences.length > limit ? ` (and ${sentences.length - limit} more)` : '');
}
