/** Preferences → Evidence copies: whether keeping a copy may fetch from private network addresses. */
import { forwardRef, useEffect, useId, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import { api, errorMessage } from '../api/client';

/** Lets the Preferences dialog store the choice with its other fields, on Save. */
export interface EvidencePreferenceHandle {
  saveChanges: () => Promise<void>;
}

/** The "Allow private network addresses" checkbox, read from and stored in the data folder's settings. */
export const EvidencePreference = forwardRef<EvidencePreferenceHandle>(function EvidencePreference(_props, ref) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<ChannelOutput<'settings:getEvidence'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    api['settings:getEvidence']({}).then(setSettings, (error: unknown) => setProblem(errorMessage(error)));
  }, []);

  useImperativeHandle(ref, () => ({
    saveChanges: async () => {
      if (settings) await api['settings:setEvidence'](settings);
    },
  }));

  return (
    <section className="evidence-preference" aria-labelledby="evidence-preference-title">
      <h3 id="evidence-preference-title">{t('preferences.evidence')}</h3>
      <label className="check-field">
        <input
          type="checkbox"
          checked={settings?.allowPrivateAddresses ?? false}
          disabled={!settings}
          aria-describedby={hintId}
          onChange={(event) => setSettings({ ...settings!, allowPrivateAddresses: event.target.checked })}
        />{' '}
        {t('preferences.allowPrivateAddresses')}
      </label>
      <p className="muted" id={hintId}>
        {t('preferences.allowPrivateAddressesHint')}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
});
