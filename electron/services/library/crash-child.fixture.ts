/**
 * Child process for the crash test: saves a review in a loop, printing `ACK n` only after
 * save n resolved. The parent kills it with SIGKILL at random moments.
 */
import { LibraryStore } from './library-store';
import { ARTICLE, CLAIM_A, fullClaim } from './test-review.fixture';

const [dataDir, reviewId, startArg] = process.argv.slice(2);
if (!dataDir || !reviewId) throw new Error('usage: crash-child DATA_DIR REVIEW_ID START');
const store = await LibraryStore.open(dataDir);
for (let counter = Number(startArg ?? 0) + 1; ; counter++) {
  await store.saveReview({ id: reviewId, baseRevision: store.getReview(reviewId).revision, doc: ARTICLE, claims: [fullClaim(CLAIM_A, `save ${counter}`)] });
  process.stdout.write(`ACK ${counter}\n`);
}
