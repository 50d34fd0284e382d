/**
 * The claim summary: the neutral statement checked, as a published fact-check and its ClaimReview
 * (`claimReviewed`) state it. Google asks for under 75 characters; the counter says how many are
 * left, and going over is allowed but said plainly.
 */
import { useId } from 'react';
import { SHORT_CLAIM } from '../../shared/report/claimreview';

export function ClaimSummaryField({ value, onChange }: { value: string; onChange: (summary: string) => void }) {
  const counterId = useId();
  const length = [...value.trim()].length;
  const over = length > SHORT_CLAIM;
  return (
    <label className="field">
      <span className="field-label">Claim summary</span>
      <input value={value} onChange={(event) => onChange(event.target.value)} dir="auto" maxLength={300} placeholder="The statement checked, in neutral words" aria-describedby={counterId} />
      <span id={counterId} className={over ? 'field-error' : 'field-hint'} aria-live="polite">
        {over ? `${length} characters: search results may cut it after ${SHORT_CLAIM}.` : `${length} of ${SHORT_CLAIM} characters. Reports and ClaimReview use it instead of the quote.`}
      </span>
    </label>
  );
}
