/**
 * The readable text of each page copy kept (the `text` file a keep stores), for the search index:
 * a claim is found by words of the pages its sources showed. Read from the data folder once per
 * copy: a copy's files never change (a new keep makes a new copy id), so a text read stays right.
 */
import type { Review } from '../../../shared/model/review';
import { readEvidenceFile } from '../library/evidence-files';

/**
 * The first characters of a kept text that are indexed. Pages run long (a live blog, a report),
 * and what a reviewer looks for is near the top; the whole text would swell the index.
 */
export const KEPT_TEXT_INDEX_CHARS = 30_000;

/** Texts remembered across reads; past this many, the oldest is read again if asked for. */
const CACHE_SIZE = 2_000;

/** Copy id → indexed text, for the copies one review names. */
export type KeptTextsOf = ReadonlyMap<string, string>;

export class KeptTexts {
  private readonly cache = new Map<string, string>();

  constructor(private readonly dataDir: string) {}

  /** The texts of `review`'s page copies on its claims ('' for a copy whose text file is gone). */
  async of(review: Review): Promise<KeptTextsOf> {
    const texts = new Map<string, string>();
    for (const claim of review.claims) {
      for (const item of claim.evidence) {
        const copy = item.copy;
        const file = copy?.files.find((candidate) => candidate.role === 'text');
        if (!copy || !file) continue;
        let text = this.cache.get(copy.id);
        if (text === undefined) {
          const bytes = await readEvidenceFile(this.dataDir, review.id, copy.id, file.fileName);
          text = bytes
            ? bytes
                .subarray(0, KEPT_TEXT_INDEX_CHARS * 4)
                .toString('utf8')
                .slice(0, KEPT_TEXT_INDEX_CHARS)
            : '';
          if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
          this.cache.set(copy.id, text);
        }
        texts.set(copy.id, text);
      }
    }
    return texts;
  }
}
