/** Whether a claim's sign-off still holds: it does only while the claim says exactly what was signed. */
import type { Claim } from './claim';

export type SignOffState = 'none' | 'signed' | 'withdrawn';

/** `signed` while verdict, rationale and summary are as signed; `withdrawn` once any of them changed. */
export function signOffState(claim: Pick<Claim, 'signOff' | 'verdictId' | 'rationale' | 'summary'>): SignOffState {
  const { signOff } = claim;
  if (!signOff) return 'none';
  return signOff.verdictId === claim.verdictId && signOff.rationale === claim.rationale && signOff.summary === claim.summary ? 'signed' : 'withdrawn';
}
