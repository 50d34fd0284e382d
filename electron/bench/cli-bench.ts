/**
 * `npm run bench` (CLI part): what the `factmark` command costs, as a user's shell runs it, in one
 * run: `--version` and `list` against a bare `node -e 0`, and `annotate --from` a CSV of 5,000
 * claims on a generated ~1 MB article in English and Arabic. Prints times, ratios and targets.
 * `--claims N` annotates N claims instead (the same article), to time a slow build in minutes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';

const BIN = fileURLToPath(new URL('../cli/bin.js', import.meta.url));
const ARTICLE_BYTES = 1_000_000;
const CLAIMS = Number(process.argv[process.argv.indexOf('--claims') + 1] ?? '') || 5_000;
const VERSION_TARGET = 3;
const ANNOTATE_TARGET_MS = 10_000;

const SUBJECTS = ['The finance ministry', 'The mayor', 'A spokesman for the port authority', 'The central bank', 'Opposition leaders', 'The health minister'];
const METRICS = ['exports of wheat', 'unemployment', 'the number of new clinics', 'river traffic', 'household debt', 'hospital admissions'];
const VERBS = ['rose by', 'fell by', 'grew to', 'dropped to'];
const PLACES = ['Basra', 'Baku', 'Tunis', 'Lyon', 'Valencia', 'Mosul'];
const ARABIC_SUBJECTS = ['قال وزير المالية', 'أعلن المتحدث باسم الميناء', 'ذكر البنك المركزي', 'أكدت وزارة الصحة'];
const ARABIC_METRICS = ['صادرات القمح', 'نسبة البطالة', 'عدد العيادات الجديدة', 'ديون الأسر'];
const ARABIC_PLACES = ['لأذربيجان', 'في البصرة', 'في تونس', 'في الموصل'];

interface Article {
  text: string;
  /** Every sentence, in order, each holding a number no other sentence has. */
  sentences: string[];
  /** For each sentence, the index of its paragraph (a quote never spans two paragraphs). */
  paragraphOf: number[];
}

/** A ~1 MB article: paragraphs of five sentences, every sixth paragraph in Arabic. */
function generateArticle(bytes: number): Article {
  const sentences: string[] = [];
  const paragraphOf: number[] = [];
  const paragraphs: string[] = ['Figures the officials gave this year, checked'];
  let size = 0;
  for (let paragraph = 0; size < bytes; paragraph++) {
    const arabic = paragraph % 6 === 5;
    const words: string[] = [];
    for (let index = 0; index < 5; index++) {
      const number = sentences.length + 1000;
      const pick = <T>(list: readonly T[]): T => list[(number * 7 + index) % list.length] as T;
      const sentence = arabic
        ? `${pick(ARABIC_SUBJECTS)} إن ${pick(ARABIC_METRICS)} بلغت ${number} ألفا ${pick(ARABIC_PLACES)} هذا العام.`
        : `${pick(SUBJECTS)} said ${pick(METRICS)} ${pick(VERBS)} ${number} units in ${pick(PLACES)} last year, a figure officials repeated.`;
      sentences.push(sentence);
      paragraphOf.push(paragraph);
      words.push(sentence);
    }
    const text = words.join(' ');
    paragraphs.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return { text: `${paragraphs.join('\n\n')}\n`, sentences, paragraphOf };
}

/** CSV rows of `count` claims: whole sentences, phrases inside claimed sentences, spans across two sentences. */
function claimsCsv(article: Article, count: number): string {
  const rows: string[][] = [];
  const { sentences, paragraphOf } = article;
  for (let index = 0; rows.length < count; index++) {
    const sentence = sentences[index % sentences.length] as string;
    const kind = index % 10;
    let quote = sentence;
    const words = sentence.split(' ');
    const numberAt = words.findIndex((word) => /^\d+$/.test(word));
    if (kind === 7) {
      // Inside the sentence: the words around its number (overlapping a whole-sentence claim).
      quote = words.slice(Math.max(0, numberAt - 2), numberAt + 3).join(' ');
    } else if (kind === 8 && paragraphOf[index + 1] === paragraphOf[index]) {
      // From the number into the next sentence, the line broken and spaces doubled as a copy from a PDF has them.
      const next = (sentences[index + 1] as string).split(' ');
      quote = `${words.slice(numberAt).join('  ')}\n${next.slice(0, 4).join(' ')}`;
    }
    rows.push([quote, index % 3 === 0 ? 'False' : '', index % 5 === 0 ? 'The office’s own figures differ.' : '', index % 4 === 0 ? 'bench;cli' : '']);
  }
  return stringify([['quote', 'verdict', 'rationale', 'tags'], ...rows]);
}

interface Run {
  ms: number;
  stdout: string;
}

function run(args: readonly string[]): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Medians of several commands run in turn, so a busy machine slows each of them alike. */
function interleavedMedians(commands: readonly (readonly string[])[], rounds: number): number[] {
  const times = commands.map((): number[] => []);
  for (let round = 0; round < rounds; round++) commands.forEach((args, index) => times[index]?.push(run(args).ms));
  return times.map(median);
}

const work = await mkdtemp(join(tmpdir(), 'factmark-cli-bench-'));
try {
  const small = join(work, 'small');
  const big = join(work, 'big');
  // The first call builds the CLI if its sources changed since the last build: not what is timed.
  run([BIN, '--version']);
  for (let index = 1; index <= 3; index++) {
    await writeFile(join(work, `short-${index}.txt`), `Council meeting ${index}\n\nThe mayor said crime fell by ${index * 10} percent since 2020.\n`);
    run([BIN, '--data-dir', small, 'import', join(work, `short-${index}.txt`)]);
  }
  const [bare, version, list] = interleavedMedians([['-e', '0'], [BIN, '--version'], [BIN, '--data-dir', small, 'list']], 11) as [number, number, number];

  const article = generateArticle(ARTICLE_BYTES);
  await writeFile(join(work, 'article.txt'), article.text);
  await writeFile(join(work, 'claims.csv'), claimsCsv(article, CLAIMS));
  const id = run([BIN, '--data-dir', big, 'import', join(work, 'article.txt')]).stdout.trim().split('\n').pop() as string;
  const annotate = run([BIN, '--data-dir', big, 'annotate', id, '--from', join(work, 'claims.csv')]);
  if (!annotate.stdout.startsWith(`Marked ${CLAIMS} claims.`)) throw new Error(`annotate did not mark every claim: ${annotate.stdout.slice(0, 200)}`);
  const again = run([BIN, '--data-dir', big, 'annotate', id, '--from', join(work, 'claims.csv')]);
  if (!again.stdout.startsWith('Marked 0 claims.')) throw new Error(`annotating again added claims: ${again.stdout.slice(0, 200)}`);

  const verdict = (met: boolean): string => (met ? 'target met' : 'TARGET MISSED');
  const kb = (Buffer.byteLength(article.text) / 1024).toFixed(0);
  console.log(`factmark command line (${new Date().toISOString()}; medians of 11 interleaved runs)`);
  console.log(`node -e 0                          ${bare.toFixed(0).padStart(7)} ms`);
  console.log(`factmark --version                 ${version.toFixed(0).padStart(7)} ms  ${(version / bare).toFixed(2)}× node -e 0  (target ≤ ${VERSION_TARGET}×: ${verdict(version / bare <= VERSION_TARGET)})`);
  console.log(`factmark list (3 reviews)          ${list.toFixed(0).padStart(7)} ms  ${(list / bare).toFixed(2)}× node -e 0`);
  const annotateNote = CLAIMS === 5_000 ? `(target ≤ ${ANNOTATE_TARGET_MS / 1000} s: ${verdict(annotate.ms <= ANNOTATE_TARGET_MS)})` : '(the target is for 5,000 claims)';
  console.log(`annotate --from, ${CLAIMS} claims, ${kb} KB ${annotate.ms.toFixed(0).padStart(7)} ms  ${annotateNote}`);
  console.log(`the same CSV again (adds nothing)  ${again.ms.toFixed(0).padStart(7)} ms`);
} finally {
  await rm(work, { recursive: true, force: true });
}
