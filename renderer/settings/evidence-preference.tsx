/**
 * Preferences → Evidence copies: keep each link as it is added, fetch from private network
 * addresses, and also send kept pages to an archive service (the Wayback Machine unless the
 * reviewer names another). Stored with the dialog's other fields, on Save, as a change of only
 * the fields that changed.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_WAYBACK_ADDRESS, type EvidenceSettings } from '../../shared/api/evidence-schema';
import { api, errorMessage } from '../api/client';
import { readDraftAddress } from '../claims/url-field';
import { changedEvidenceSettings } from './evidence-settings-change';
import './evidence-preference.css';

/** Lets the Preferences dialog check the fields before it saves anything, and store them on Save. */
export interface EvidencePreferenceHandle {
  /** Throws, saying why, when a field cannot be stored as it stands. */
  check: () => void;
  saveChanges: () => Promise<void>;
}

/** The evidence preferences, read from and stored in the data folder's settings. */
export const EvidencePreference = forwardRef<EvidencePreferenceHandle>(function EvidencePreference(_props, ref) {
  const { t } = useTranslation();
  const [stored, setStored] = useState<EvidenceSettings | null>(null);
  const [draft, setDraft] = useState<EvidenceSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [addressProblem, setAddressProblem] = useState<string | null>(null);
  const addressInput = useRef<HTMLInputElement>(null);
  const ids = { keep: useId(), private: useId(), wayback: useId(), address: useId(), addressProblem: useId() };

  useEffect(() => {
    api['settings:getEvidence']({}).then(
      (settings) => {
        setStored(settings);
        setDraft(settings);
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, []);

  /** The archive address as it would be stored, or why it cannot be. */
  const readAddress = (typed: string): { ok: true; url: string } | { ok: false; problem: string } => {
    const read = readDraftAddress(typed, true);
    return read.ok ? { ok: true, url: read.url } : { ok: false, problem: t('preferences.badWaybackAddress', { problem: read.problem }) };
  };

  useImperativeHandle(ref, () => ({
    check: () => {
      if (!draft) return;
      const address = readAddress(draft.waybackAddress);
      if (!address.ok) {
        setAddressProblem(address.problem);
        // The reviewer is taken to the field to fix; the dialog's footer repeats why nothing was saved.
        addressInput.current?.focus();
        throw new Error(address.problem);
      }
    },
    saveChanges: async () => {
      if (!stored || !draft) return;
      const address = readAddress(draft.waybackAddress);
      if (!address.ok) throw new Error(address.problem);
      const change = changedEvidenceSettings(stored, { ...draft, waybackAddress: address.url });
      if (Object.keys(change).length === 0) return;
      const saved = await api['settings:setEvidence'](change);
      setStored(saved);
      setDraft(saved);
    },
  }));

  const set = (patch: Partial<EvidenceSettings>): void => setDraft((current) => (current ? { ...current, ...patch } : current));
  /** Leaving the address field shows what is wrong with it, or the address as it will be kept (https:// added). */
  const settleAddress = (): void => {
    if (!draft) return;
    const address = readAddress(draft.waybackAddress);
    setAddressProblem(address.ok ? null : address.problem);
    if (address.ok && address.url !== draft.waybackAddress) set({ waybackAddress: address.url });
  };

  const checkbox = (field: 'keepWhenAdded' | 'allowPrivateAddresses' | 'sendToWayback', label: string, hint: string, hintId: string) => (
    <>
      <label className="check-field">
        <input type="checkbox" checked={draft?.[field] ?? false} disabled={!draft} aria-describedby={hintId} onChange={(event) => set({ [field]: event.target.checked })} /> {label}
      </label>
      <p className="muted" id={hintId}>
        {hint}
      </p>
    </>
  );

  return (
    <section className="evidence-preference" aria-labelledby="evidence-preference-title">
      <h3 id="evidence-preference-title">{t('preferences.evidence')}</h3>
      {checkbox('keepWhenAdded', t('preferences.keepWhenAdded'), t('preferences.keepWhenAddedHint'), ids.keep)}
      {checkbox('allowPrivateAddresses', t('preferences.allowPrivateAddresses'), t('preferences.allowPrivateAddressesHint'), ids.private)}
      {checkbox('sendToWayback', t('preferences.sendToWayback'), t('preferences.sendToWaybackHint'), ids.wayback)}
      <div className="field evidence-archive-address">
        <label className="field-label" htmlFor={ids.address}>
          {t('preferences.waybackAddress')}
        </label>
        <div className="inline-form">
          <input
            ref={addressInput}
            id={ids.address}
            type="url"
            inputMode="url"
            dir="ltr"
            value={draft?.waybackAddress ?? ''}
            disabled={!draft}
            aria-invalid={addressProblem ? 'true' : undefined}
            aria-describedby={addressProblem ? ids.addressProblem : undefined}
            onChange={(event) => {
              set({ waybackAddress: event.target.value });
              setAddressProblem(null);
            }}
            onBlur={settleAddress}
          />
          <button
            type="button"
            disabled={!draft || draft.waybackAddress === DEFAULT_WAYBACK_ADDRESS}
            onClick={() => {
              set({ waybackAddress: DEFAULT_WAYBACK_ADDRESS });
              setAddressProblem(null);
            }}
          >
            {t('preferences.useWaybackAddress')}
          </button>
        </div>
        {addressProblem && (
          <span className="field-error" role="alert" id={ids.addressProblem}>
            {addressProblem}
          </span>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
});
