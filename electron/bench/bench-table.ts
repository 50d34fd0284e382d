/**
 * One table for `npm run bench`: every figure beside the reference it is compared with, their
 * ratio and the target, printed as a table and appended to `bench-results.json` (in the working
 * folder, or FACTMARK_BENCH_JSON) so a later run can be compared with this one. Ratios are of two
 * figures measured in the same run: on a shared 2-CPU machine absolute times move, ratios less.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One measured figure, optionally with the figure it is compared with and the largest ratio allowed. */
export interface BenchFigure {
  /** What was measured, e.g. "save one claim edit (store)". */
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'count' | 'bytes';
  /** The figure this one is compared with, measured in the same run. */
  reference?: { name: string; value: number };
  /** The largest acceptable value / reference.value. */
  maxRatio?: number;
  /** Or an absolute ceiling, in `unit`. */
  maxValue?: number;
}

interface StoredRun {
  suite: string;
  at: string;
  figures: (BenchFigure & { ratio: number | null; met: boolean | null })[];
}

const format = (value: number, unit: BenchFigure['unit']): string => {
  if (unit === 'count' || unit === 'bytes') return `${Math.round(value)}${unit === 'bytes' ? ' B' : ''}`;
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${unit}`;
};

/** The ratio to the reference (null without one) and whether the target is met (null without one). */
export function judge(figure: BenchFigure): { ratio: number | null; met: boolean | null } {
  const ratio = figure.reference && figure.reference.value > 0 ? figure.value / figure.reference.value : null;
  if (figure.maxRatio !== undefined) return { ratio, met: ratio !== null && ratio <= figure.maxRatio };
  if (figure.maxValue !== undefined) return { ratio, met: figure.value <= figure.maxValue };
  return { ratio, met: null };
}

/** The table's lines for `figures`. */
export function tableLines(suite: string, figures: readonly BenchFigure[]): string[] {
  const rows = figures.map((figure) => {
    const { ratio, met } = judge(figure);
    const target = figure.maxRatio !== undefined ? `≤ ${figure.maxRatio}×` : figure.maxValue !== undefined ? `≤ ${format(figure.maxValue, figure.unit)}` : '';
    return [
      figure.name,
      format(figure.value, figure.unit),
      figure.reference ? `${figure.reference.name} ${format(figure.reference.value, figure.unit)}` : '',
      ratio === null ? '' : `${ratio.toFixed(2)}×`,
      target,
      met === null ? '' : met ? 'ok' : 'MISSED',
    ];
  });
  const header = ['figure', 'value', 'reference', 'ratio', 'target', ''];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [`${suite}`, line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** Prints `figures` as a table and appends them, judged, to the JSON results file. */
export function reportFigures(suite: string, figures: readonly BenchFigure[]): void {
  console.log(tableLines(suite, figures).join('\n'));
  const path = resolve(process.env.FACTMARK_BENCH_JSON ?? 'bench-results.json');
  let runs: StoredRun[] = [];
  if (existsSync(path)) {
    try {
      const stored: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (Array.isArray(stored)) runs = stored as StoredRun[];
    } catch {
      // A damaged results file is replaced: it only holds earlier runs' figures.
    }
  }
  runs.push({ suite, at: new Date().toISOString(), figures: figures.map((figure) => ({ ...figure, ...judge(figure) })) });
  writeFileSync(path, `${JSON.stringify(runs, null, 2)}\n`);
  console.log(`(figures appended to ${path})`);
}
