/** One verdict of a scale being edited: label, description, colour with its contrast, value, and its place in the list. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { badgeContrast, MIN_BADGE_CONTRAST } from '../../shared/model/scale-rules';
import type { VerdictDraft } from './scale-draft';
import { ratioText } from './scale-problems';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export interface VerdictFieldsProps {
  verdict: VerdictDraft;
  index: number;
  count: number;
  /** The scale's range as typed, for the value's hint. */
  best: string;
  worst: string;
  onChange: (change: Partial<VerdictDraft>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}

/** What the colour's contrast with white badge text says, and whether it is enough. */
function contrastNote(color: string, t: TFunction, language: string): { text: string; readable: boolean } {
  if (!HEX_COLOR.test(color.trim())) return { text: t('verdictEditor.badHex'), readable: false };
  const ratio = badgeContrast(color.trim());
  return ratio >= MIN_BADGE_CONTRAST
    ? { text: t('verdictEditor.readable', { ratio: ratioText(ratio, language) }), readable: true }
    : { text: t('verdictEditor.tooLight', { ratio: ratioText(ratio, language), minimum: ratioText(MIN_BADGE_CONTRAST, language) }), readable: false };
}

export function VerdictFields({ verdict, index, count, best, worst, onChange, onMove, onRemove }: VerdictFieldsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const shownLabel = verdict.label.trim() || t('verdictEditor.newVerdict');
  const contrast = contrastNote(verdict.color, t, i18n.language);
  const validHex = HEX_COLOR.test(verdict.color.trim());
  return (
    <li className="verdict-editor" data-verdict-id={verdict.id}>
      <fieldset>
        <legend>
          {index + 1}. <bdi>{shownLabel}</bdi>
        </legend>
        <div className="verdict-editor-fields">
          <label className="field">
            <span className="field-label">{t('verdictEditor.label')}</span>
            <input value={verdict.label} onChange={(event) => onChange({ label: event.target.value })} dir="auto" maxLength={60} data-focus="label" />
          </label>
          <div className="field">
            <span className="field-label">{t('verdictEditor.colour')}</span>
            <div className="colour-row">
              <input type="color" value={validHex ? verdict.color.trim().toLowerCase() : '#000000'} onChange={(event) => onChange({ color: event.target.value })} aria-label={t('verdictEditor.picker', { label: shownLabel })} />
              <input
                className="colour-hex"
                value={verdict.color}
                onChange={(event) => onChange({ color: event.target.value })}
                aria-label={t('verdictEditor.hexCode', { label: shownLabel })}
                aria-describedby={`${id}-contrast`}
                aria-invalid={!contrast.readable}
                dir="ltr"
                maxLength={7}
                spellCheck={false}
              />
              <span className="verdict-badge verdict-preview" style={validHex ? { backgroundColor: verdict.color.trim() } : undefined} aria-hidden="true">
                <bdi>{shownLabel}</bdi>
              </span>
            </div>
            <span id={`${id}-contrast`} className={contrast.readable ? 'field-hint' : 'field-error'}>
              {contrast.text}
            </span>
          </div>
          <label className="field verdict-description">
            <span className="field-label">{t('verdictEditor.description')}</span>
            <textarea value={verdict.description} onChange={(event) => onChange({ description: event.target.value })} dir="auto" maxLength={500} rows={2} />
          </label>
          <div className="verdict-value">
            <label className="field">
              <span className="field-label">{t('verdictEditor.value')}</span>
              <input value={verdict.value} onChange={(event) => onChange({ value: event.target.value })} disabled={!verdict.ordinal} inputMode="decimal" dir="ltr" aria-describedby={`${id}-range`} maxLength={12} />
            </label>
            <label className="checkbox-field">
              <input type="checkbox" checked={verdict.ordinal} onChange={(event) => onChange({ ordinal: event.target.checked })} />
              {t('verdictEditor.ordinal')}
            </label>
            <span id={`${id}-range`} className="field-hint">
              {verdict.ordinal ? t('verdictEditor.range', { worst, best }) : t('verdictEditor.noNumber')}
            </span>
          </div>
          <div className="verdict-editor-actions">
            <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('verdictEditor.moveUpNamed', { label: shownLabel })} data-focus="up">
              {t('verdictEditor.moveUp')}
            </button>
            <button type="button" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('verdictEditor.moveDownNamed', { label: shownLabel })} data-focus="down">
              {t('verdictEditor.moveDown')}
            </button>
            <button type="button" className="danger" onClick={onRemove} disabled={count === 1} aria-label={t('verdictEditor.removeNamed', { label: shownLabel })}>
              {t('verdictEditor.remove')}
            </button>
          </div>
        </div>
      </fieldset>
    </li>
  );
}
