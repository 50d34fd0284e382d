/** The "Include evidence copies" choice of the Share dialog, with the sizes shown before saving. */
import { useTranslation } from 'react-i18next';
import type { EvidenceShareSize } from '../../shared/share-file/shared-evidence';
import { evidenceSizeLine, leftOutLine } from './share-evidence-words';

/** Shown only when the review has kept copies; off by default, since copies make the file larger. */
export function ShareEvidenceOption({ size, checked, onChange, disabled }: { size: EvidenceShareSize; checked: boolean; onChange: (checked: boolean) => void; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="share-evidence">
      <label className="checkbox-field">
        <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} aria-describedby="share-evidence-size" />
        {t('shareEvidence.include')}
      </label>
      <p id="share-evidence-size" className="muted">
        {evidenceSizeLine(size, t, i18n.language)}
      </p>
      {size.leftOut.length > 0 && (
        <div className="share-evidence-left-out">
          <p className="muted">{t('shareEvidence.leftOutTitle', { count: size.leftOut.length })}</p>
          <ul>
            {size.leftOut.map((copy) => (
              <li key={copy.copyId} dir="auto">
                {leftOutLine(copy, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
