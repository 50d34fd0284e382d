/**
 * A review file as the bytes of JSON.stringify(file), assembled from the encoded JSON of its
 * article blocks, claims and history events kept from earlier writes. Stored records are never
 * changed in place (every change makes new objects), so a record's bytes, kept by its identity,
 * stay right: an autosave of one claim in a 5 MB review encodes that claim, not the rest.
 */
import type { ReviewFile } from '../../../shared/model/review';

/** Where in a value records are kept by identity: an object's fields by name, or each item of an array. */
type Layout = { fields: Record<string, Layout> } | 'items';

const REVIEW_FILE_LAYOUT: Layout = { fields: { review: { fields: { doc: { fields: { content: 'items' } }, claims: 'items', history: 'items' } } } };

const OPEN_OBJECT = Buffer.from('{');
const CLOSE_OBJECT = Buffer.from('}');
const OPEN_ARRAY = Buffer.from('[');
const CLOSE_ARRAY = Buffer.from(']');
const COMMA = Buffer.from(',');

/** Whether `value` has the shape `layout` describes, so JSON.stringify would write it as a plain object or array. */
function fits(value: unknown, layout: Layout): boolean {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  return layout === 'items' ? Array.isArray(value) : !Array.isArray(value);
}

/** Records per kept run: a rebuilt run costs one JSON.stringify of this many records (~10 KB). */
const RUN_LENGTH = 32;

/** Consecutive records and their JSON (joined by commas), as last written. */
interface Run {
  items: readonly unknown[];
  bytes: Buffer;
}

/** Keeps the encoded bytes of record runs it has written; one per review file, dropped with it. */
export class ReviewFileEncoder {
  /** Runs by their first record. */
  private readonly runs = new WeakMap<object, Run>();

  /** The bytes of JSON.stringify(file), in consecutive parts, encoding only records not seen before. */
  encode(file: ReviewFile): Buffer[] {
    if (!fits(file, REVIEW_FILE_LAYOUT)) return [Buffer.from(JSON.stringify(file))];
    const parts: Buffer[] = [];
    this.write(file, REVIEW_FILE_LAYOUT, parts);
    return parts;
  }

  /** Writes `value`, which fits `layout`. */
  private write(value: unknown, layout: Layout, parts: Buffer[]): void {
    if (layout === 'items') {
      parts.push(OPEN_ARRAY);
      this.writeItems(value as readonly unknown[], parts);
      parts.push(CLOSE_ARRAY);
      return;
    }
    const record = value as Record<string, unknown>;
    parts.push(OPEN_OBJECT);
    let first = true;
    for (const key of Object.keys(record)) {
      const field = record[key];
      const inner = layout.fields[key];
      const laidOut = inner !== undefined && fits(field, inner);
      const json = laidOut ? '' : JSON.stringify(field);
      // JSON.stringify leaves out keys whose value it cannot write (undefined, functions, symbols).
      if (json === undefined) continue;
      if (!first) parts.push(COMMA);
      first = false;
      parts.push(Buffer.from(`${JSON.stringify(key)}:`));
      if (laidOut) this.write(field, inner, parts);
      else parts.push(Buffer.from(json));
    }
    parts.push(CLOSE_OBJECT);
  }

  /**
   * The items of an array, comma-separated, in runs: a run kept from an earlier write is used when
   * the same records follow its first one; otherwise a new run is made up to the next record that
   * starts a kept run, so an insertion or removal costs one run, not everything after it.
   */
  private writeItems(items: readonly unknown[], parts: Buffer[]): void {
    let index = 0;
    while (index < items.length) {
      if (index > 0) parts.push(COMMA);
      const first = items[index];
      const kept = isRecord(first) ? this.runs.get(first) : undefined;
      if (kept && sameRecords(kept.items, items, index)) {
        parts.push(kept.bytes);
        index += kept.items.length;
        continue;
      }
      let end = index + 1;
      while (end < items.length && end - index < RUN_LENGTH && !this.startsRun(items[end])) end++;
      const run = items.slice(index, end);
      // JSON.stringify writes what it cannot encode in an array (undefined, functions) as null.
      const bytes = Buffer.from(run.map((item) => JSON.stringify(item) ?? 'null').join(','));
      if (isRecord(first)) this.runs.set(first, { items: run, bytes });
      parts.push(bytes);
      index = end;
    }
  }

  private startsRun(item: unknown): boolean {
    return isRecord(item) && this.runs.has(item);
  }
}

const isRecord = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** Whether `items` holds exactly the records of `run`, by identity, from `start` on (a loop: this runs for every kept run of every save). */
function sameRecords(run: readonly unknown[], items: readonly unknown[], start: number): boolean {
  if (run.length > items.length - start) return false;
  for (let offset = 0; offset < run.length; offset++) if (run[offset] !== items[start + offset]) return false;
  return true;
}
