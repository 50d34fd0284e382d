/**
 * Child process for the kill loop: saves a review over and over, each save a new counter in the
 * first claim's rationale, printing `ACK n` only after save n resolved. The parent kills it
 * with SIGKILL at random moments and checks what a restart finds.
 */
import { LibraryStore } from './library-store';

const [dataDir, reviewId, startArg] = process.argv.slice(2);
if (!dataDir || !reviewId) throw new Error('usage: crash-child DATA_DIR REVIEW_ID START');
const store = await LibraryStore.open(dataDir);
for (let counter = Number(startArg ?? 0) + 1; ; counter++) {
  const review = store.getReview(reviewId);
  const claims = review.claims.map((claim, index) => (index === 0 ? { ...claim, rationale: `save ${counter}`, updatedAt: new Date().toISOString() } : claim));
  await store.saveReview({ id: reviewId, baseRevision: review.revision, doc: review.doc, claims });
  process.stdout.write(`ACK ${counter}\n`);
}
