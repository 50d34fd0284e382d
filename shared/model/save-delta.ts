/**
 * The parts of a desk's save that carry only what changed since the stored revision (see
 * `review:save`): the window builds them, the store checks and applies them.
 */
import { z } from 'zod';
import { ArticleBlock } from './article-doc';
import { Claim } from './claim';
import { Id } from './primitives';
import { MAX_CHILDREN_PER_NODE, MAX_CLAIMS } from './storage-limits';

/** Top-level blocks [start, start + deleteCount) of the stored article replaced by `blocks`. */
export const DocChange = z.object({ start: z.number().int().nonnegative(), deleteCount: z.number().int().nonnegative(), blocks: z.array(ArticleBlock).max(MAX_CHILDREN_PER_NODE) }).strict();
export type DocChange = z.infer<typeof DocChange>;

/** Claims new or edited (`changed`: replaced where they were, new ones appended in order) and claims dropped by id. */
export const ClaimChanges = z.object({ changed: z.array(Claim).max(MAX_CLAIMS), removed: z.array(Id).max(MAX_CLAIMS) }).strict();
export type ClaimChanges = z.infer<typeof ClaimChanges>;
