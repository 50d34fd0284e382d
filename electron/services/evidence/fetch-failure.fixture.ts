/** For evidence tests: the EvidenceFetchError a fetch or capture fails with. */
import { expect } from 'vitest';
import { EvidenceFetchError } from './evidence-fetch-error';

/** The EvidenceFetchError `work` fails with; fails the test when `work` succeeds (`what` names it). */
export async function fetchFailure(work: Promise<unknown>, what: string): Promise<EvidenceFetchError> {
  const error = await work.then(
    () => new Error(`${what} succeeded`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EvidenceFetchError);
  return error as EvidenceFetchError;
}
