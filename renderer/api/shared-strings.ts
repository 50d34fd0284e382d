/**
 * One copy of each repeated id and timestamp in an answer from the API. JSON.parse (and the
 * structured clone of Electron IPC) makes a new string for every occurrence: a review with 5,000
 * claims carried each claim id three times, a reviewer id once per history event and the same
 * timestamps thousands of times, about 1 MB of copies for as long as the review stays open.
 */

/** Strings this short are few and cheap; ids (36 characters) and timestamps (24) fall in between. */
const MIN_LENGTH = 8;
/** Longer strings are words (quotes, rationales, the article), rarely repeated exactly. */
const MAX_LENGTH = 64;

/** True for a string worth sharing, or an object or array to look into. */
function worthVisiting(value: unknown): boolean {
  return typeof value === 'string' ? value.length >= MIN_LENGTH && value.length <= MAX_LENGTH : typeof value === 'object' && value !== null;
}

function share(value: unknown, known: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const first = known.get(value);
    if (first !== undefined) return first;
    known.set(value, value);
    return value;
  }
  // A frozen value (JSON.parse never makes one) would refuse the assignments below.
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  // Only what is worth it is visited and written back: this runs over every answer, megabytes for a long review.
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (worthVisiting(value[index])) value[index] = share(value[index], known);
  } else {
    const record = value as Record<string, unknown>;
    for (const key in record) if (Object.hasOwn(record, key) && worthVisiting(record[key])) record[key] = share(record[key], known);
  }
  return value;
}

/**
 * Replaces, in place, every string of 8 to 64 characters in `value` (plain objects and arrays, as
 * an API answer holds) that equals an earlier one by that earlier one, and returns `value`. Equal
 * strings are interchangeable, so nothing a reader can see changes; only memory is saved.
 */
export function shareRepeatedStrings<T>(value: T): T {
  return worthVisiting(value) ? (share(value, new Map()) as T) : value;
}
