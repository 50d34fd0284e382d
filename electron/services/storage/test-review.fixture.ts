/**
 * Shared material for the storage tests: a temp data folder, an Arabic article with claim
 * marks, fully filled claim records, and a way to run a storage script in a child process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleDoc } from '../../../shared/model/article-doc';
import type { Claim } from '../../../shared/model/claim';

export const CLAIM_A = 'claim-aaaa-0001';
export const CLAIM_B = 'claim-bbbb-0002';
/** A claim record whose highlight is not in ARTICLE. */
export const CLAIM_UNPLACED = 'claim-cccc-0003';

/** A fresh, empty folder under the system's temp directory. */
export function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'factmark-storage-'));
}

/** An Arabic article with two claims that overlap on one word. */
export const ARTICLE: ArticleDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'الميزانية' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'قال الوزير ' },
        { type: 'text', text: 'إن البطالة ', marks: [{ type: 'claim', attrs: { claimId: CLAIM_A } }] },
        {
          type: 'text',
          text: 'انخفضت',
          marks: [
            { type: 'claim', attrs: { claimId: CLAIM_A } },
            { type: 'claim', attrs: { claimId: CLAIM_B } },
          ],
        },
        { type: 'text', text: ' بنسبة كبيرة.', marks: [{ type: 'claim', attrs: { claimId: CLAIM_B } }] },
      ],
    },
  ],
};

/** A claim with every field filled in, two evidence links and Arabic text. */
export function fullClaim(id: string, overrides: Partial<Claim> = {}): Claim {
  return {
    id,
    verdictId: 'mostly-false',
    rationale: 'تشير الأرقام الرسمية إلى عكس ذلك. Official figures say otherwise 👩‍👩‍👧 Cafe\u0301.',
    claimant: 'وزير المالية',
    claimDate: '2026-03-14',
    appearanceUrl: 'https://parliament.example/hansard/2026-03-14',
    status: 'reviewed',
    tags: ['economy', 'عمل'],
    evidence: [
      {
        id: 'evidence-0001',
        url: 'https://stats.example.gov/labour/table-3',
        title: 'مسح القوى العاملة',
        note: 'Table 3, seasonally adjusted',
        stance: 'refutes',
        accessedAt: '2026-03-15',
      },
      {
        id: 'evidence-0002',
        url: 'https://archive.example.org/speech',
        title: 'Speech transcript',
        note: 'النص الكامل',
        stance: 'context',
        accessedAt: '2026-03-16',
      },
    ],
    createdAt: '2026-03-14T10:00:00.000Z',
    updatedAt: '2026-03-14T11:30:00.000Z',
    ...overrides,
  };
}

/** The claim the crash test saves over and over, carrying `counter` in its rationale. */
export function counterClaim(counter: number): Claim {
  return fullClaim(CLAIM_A, { rationale: `save ${counter}` });
}

/** The counter written by counterClaim, read back from a review's claims. */
export function readCounter(claims: readonly Claim[]): number {
  const match = /^save (\d+)$/.exec(claims[0]?.rationale ?? '');
  if (!match?.[1]) throw new Error(`no save counter in ${JSON.stringify(claims[0]?.rationale)}`);
  return Number(match[1]);
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs a TypeScript script of this folder in a new Node process, through tsx. */
export function spawnStorageScript(scriptName: string, args: string[]): ChildProcess {
  const script = fileURLToPath(new URL(scriptName, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
}
