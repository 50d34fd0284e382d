/** The interface language of this data folder: a list of the languages, each named in itself; a choice applies at once. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type LanguageCode } from '../../shared/i18n/languages';
import { api, errorMessage } from '../api/client';
import { showInterfaceIn } from './interface-i18n';

export function LanguageField() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  const hintId = useId();

  const choose = (language: LanguageCode): void => {
    setBusy(true);
    setProblem(null);
    // Stored first: a language the data folder did not keep would turn back at the next start.
    api['settings:setLanguage']({ language })
      .then(() => showInterfaceIn(language))
      .catch((error: unknown) => setProblem(t('language.notSaved', { reason: errorMessage(error) })))
      .finally(() => setBusy(false));
  };

  return (
    <div className="field language-field">
      <label className="field-label" htmlFor={selectId}>
        {t('language.label')}
      </label>
      {/* Not disabled while it is stored: that would drop the keyboard focus out of the dialog. */}
      <select id={selectId} value={i18n.language} aria-busy={busy} aria-describedby={hintId} onChange={(event) => !busy && choose(event.target.value as LanguageCode)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code} dir={language.dir}>
            {language.name}
          </option>
        ))}
      </select>
      <span id={hintId} className="field-hint">
        {t('language.hint')}
      </span>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
