/**
 * Child process of the crash test: opens the data folder and saves one review in a loop, the
 * counter in a claim's rationale rising by one each time, and prints `ACK <n>` only after save
 * n resolved. The parent kills it with SIGKILL at random moments.
 * Usage: crash-child.fixture.ts DATA_DIR REVIEW_ID
 */
import { LibraryStore } from './library-store';
import { ARTICLE, counterClaim, readCounter } from './test-review.fixture';

const [dataDir, reviewId] = process.argv.slice(2);
if (!dataDir || !reviewId) throw new Error('usage: crash-child.fixture.ts DATA_DIR REVIEW_ID');

// Started ahead of time by the parent to hide Node's start-up; waits for its turn on stdin.
await new Promise((resolve) => process.stdin.once('data', resolve));
const store = await LibraryStore.open(dataDir);
let counter = readCounter(store.getReview(reviewId).claims);
for (;;) {
  counter += 1;
  await store.saveReview({ id: reviewId, doc: ARTICLE, claims: [counterClaim(counter)] });
  // On Linux a write to a pipe is synchronous, so an ACK printed here reaches the parent.
  process.stdout.write(`ACK ${counter}\n`);
}
