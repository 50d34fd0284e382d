/**
 * What a merge left for the reviewer on one claim: values two copies disagree on, shown side by
 * side to choose from, and claims that were not placed, moved, or sit on edited words.
 */
import { useTranslation } from 'react-i18next';
import type { ClaimField } from '../../shared/model/claim-history';
import type { Claim } from '../../shared/model/claim';
import type { RatingScale } from '../../shared/model/rating-scale';
import type { ConflictNote } from '../../shared/share-file/merge-report';
import { formatDateTime, formatList } from '../i18n/interface-format';
import { interfaceI18n } from '../i18n/interface-i18n';
import { attentionWords } from './attention-words';

/** A field's value as a reviewer reads it, in the interface's language. */
export function describeValue(field: ClaimField, value: unknown, scale: RatingScale | null): string {
  const i18n = interfaceI18n;
  if (field === 'verdictId') return value === null ? i18n.t('verdict.none') : (scale?.verdicts.find((verdict) => verdict.id === value)?.label ?? String(value));
  if (field === 'tags') return Array.isArray(value) && value.length > 0 ? formatList(value.map(String), i18n.language) : i18n.t('value.noTags');
  if (field === 'evidence') {
    const items = Array.isArray(value) ? (value as Claim['evidence']) : [];
    return items.length === 0 ? i18n.t('value.noEvidence') : items.map((item) => item.title || item.url).join('\n');
  }
  return typeof value === 'string' && value.trim() !== '' ? value : i18n.t('value.empty');
}

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
  const { t, i18n } = useTranslation();
  const attention = claim.attention;
  if (!attention && (!conflicts || conflicts.length === 0)) return null;
  return (
    <section className="attention-box" aria-label={t('attention.label')}>
      {conflicts?.map(({ field, options }) => {
        // Two people: name them. One person in two windows: the versions differ only by their words.
        const byPerson = new Set(options.map((option) => option.authorName)).size === options.length;
        const fieldLabel = t(`claim.field.${field}`);
        // Inside a sentence ("Keep Alice’s verdict"); languages without letter case keep it as it is.
        const fieldName = fieldLabel.toLocaleLowerCase(i18n.language);
        return (
          <div key={field} className="conflict" role="group" aria-label={t('attention.twoVersionsLabel', { field: fieldLabel })}>
            <h3>{t('attention.twoVersions', { field: fieldLabel })}</h3>
            <p className="muted">{t('attention.twoVersionsExplained')}</p>
            <div className="conflict-options">
              {options.map((option, index) => {
                const value = describeValue(field, option.value, scale);
                return (
                  <div key={`${option.author}-${option.at}-${index}`} className="conflict-option">
                    <p className="conflict-who">
                      <span dir="auto">{option.authorName}</span> · <time dateTime={option.at}>{formatDateTime(option.at, i18n.language)}</time>
                    </p>
                    <p className="conflict-value" dir="auto">
                      {value}
                    </p>
                    <button type="button" onClick={() => onChoose(field, option.value)} aria-label={byPerson ? undefined : t('attention.keepValue', { value: value.slice(0, 80), field: fieldName })}>
                      {byPerson ? t('attention.keepPersons', { name: option.authorName, field: fieldName }) : t('attention.keepThis')}
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
          <h3>{t(`attention.title.${attention.kind}`)}</h3>
          <p>{attentionWords(attention, t)}</p>
          {attention.quote && (
            <blockquote className="claim-quote-full" dir="auto">
              {attention.quote}
            </blockquote>
          )}
          <div className="attention-actions">
            {!placed && (
              // Keep the editor's selection: the button must not take focus on mouse down.
              <button type="button" className="primary" onMouseDown={(event) => event.preventDefault()} onClick={onPlace}>
                {t('attention.place')}
              </button>
            )}
            {placed && (
              <button type="button" onClick={onConfirm}>
                {t('attention.looksRight')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
