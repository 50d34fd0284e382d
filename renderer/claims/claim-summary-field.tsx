/**
 * The claim summary: the neutral statement checked, as a published fact-check and its ClaimReview
 * (`claimReviewed`) state it. Google asks for under 75 characters; the counter says how many are
 * left, and going over is allowed but said plainly.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORT_CLAIM } from '../../shared/report/claimreview';

export function ClaimSummaryField({ value, onChange }: { value: string; onChange: (summary: string) => void }) {
  const { t } = useTranslation();
  const counterId = useId();
  const length = [...value.trim()].length;
  const over = length > SHORT_CLAIM;
  return (
    <label className="field">
      <span className="field-label">{t('claim.field.summary')}</span>
      {/* A textarea so a narrow panel wraps the statement and its placeholder instead of cutting them; it stays one line of text. */}
      <textarea
        className="summary-input"
        rows={1}
        value={value}
        onChange={(event) => onChange(event.target.value.replace(/\s*\n+\s*/g, ' '))}
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
        dir="auto"
        maxLength={300}
        placeholder={t('summary.placeholder')}
        aria-describedby={counterId}
      />
      <span id={counterId} className={over ? 'field-error' : 'field-hint'} aria-live="polite">
        {over ? t('summary.tooLong', { count: length, limit: SHORT_CLAIM }) : t('summary.length', { count: length, limit: SHORT_CLAIM })}
      </span>
    </label>
  );
}
