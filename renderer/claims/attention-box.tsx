/**
 * What a merge left for the reviewer on one claim: values two copies disagree on, shown side by
 * side to choose from, and claims that were not placed, moved, or sit on edited words.
 */
import { CLAIM_FIELD_LABELS, type ClaimField } from '../../shared/model/claim-history';
import type { Claim } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
import type { ConflictNote } from '../../shared/share-file/merge-report';

/** A field's value as a reviewer reads it. */
export function describeValue(field: ClaimField, value: unknown, scale: RatingScale | null): string {
  if (field === 'verdictId') return value === null ? 'No verdict' : (scale?.verdicts.find((verdict) => verdict.id === value)?.label ?? String(value));
  if (field === 'tags') return Array.isArray(value) && value.length > 0 ? value.join(', ') : 'No tags';
  if (field === 'evidence') {
    const items = Array.isArray(value) ? (value as Claim['evidence']) : [];
    return items.length === 0 ? 'No evidence' : items.map((item) => item.title || item.url).join('\n');
  }
  return typeof value === 'string' && value.trim() !== '' ? value : '(empty)';
}

const ATTENTION_TITLES: Record<NonNullable<Claim['attention']>['kind'], string> = {
  orphan: 'Not placed in this article',
  moved: 'Found in another place',
  changed: 'The words were edited',
  restored: 'Kept after a deletion',
};

export interface AttentionBoxProps {
  claim: Claim;
  conflicts: ConflictNote['fields'] | undefined;
  scale: RatingScale | null;
  placed: boolean;
  onChoose: (field: ClaimField, value: unknown) => void;
  onPlace: () => void;
  onConfirm: () => void;
}

export function AttentionBox({ claim, conflicts, scale, placed, onChoose, onPlace, onConfirm }: AttentionBoxProps) {
  const attention = claim.attention;
  if (!attention && (!conflicts || conflicts.length === 0)) return null;
  return (
    <section className="attention-box" aria-label="This claim needs attention">
      {conflicts?.map(({ field, options }) => {
        // Two people: name them. One person in two windows: the versions differ only by their words.
        const byPerson = new Set(options.map((option) => option.authorName)).size === options.length;
        const fieldName = CLAIM_FIELD_LABELS[field].toLowerCase();
        return (
          <div key={field} className="conflict" role="group" aria-label={`${CLAIM_FIELD_LABELS[field]}: two versions`}>
            <h3>{CLAIM_FIELD_LABELS[field]} has two versions</h3>
            <p className="muted">It was changed differently in two copies or two windows. Nothing is discarded until you choose; the claim shows the newest version meanwhile.</p>
            <div className="conflict-options">
              {options.map((option, index) => {
                const value = describeValue(field, option.value, scale);
                return (
                  <div key={`${option.author}-${option.at}-${index}`} className="conflict-option">
                    <p className="conflict-who">
                      {option.authorName} · <time dateTime={option.at}>{new Date(option.at).toLocaleString()}</time>
                    </p>
                    <p className="conflict-value" dir="auto">
                      {value}
                    </p>
                    <button type="button" onClick={() => onChoose(field, option.value)} aria-label={byPerson ? undefined : `Keep “${value.slice(0, 80)}” as the ${fieldName}`}>
                      {byPerson ? `Keep ${option.authorName}’s ${fieldName}` : 'Keep this version'}
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
        );
      })}
      {attention && (
        <div className={`attention attention-${attention.kind}`}>
          <h3>{ATTENTION_TITLES[attention.kind]}</h3>
          <p>{attention.detail}</p>
          {attention.quote && (
            <blockquote className="claim-quote-full" dir="auto">
              {attention.quote}
            </blockquote>
          )}
          <div className="attention-actions">
            {!placed && (
              // Keep the editor's selection: the button must not take focus on mouse down.
              <button type="button" className="primary" onMouseDown={(event) => event.preventDefault()} onClick={onPlace}>
                Place on the selected text
              </button>
            )}
            {placed && (
              <button type="button" onClick={onConfirm}>
                Looks right
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
