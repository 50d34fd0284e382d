/**
 * Preferences of the data folder: you (the name history events and share files carry, the
 * interface language), the organisation reports name, the rating scales, and the signing key.
 */
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import type { Publisher } from '../../shared/model/publisher';
import type { Reviewer } from '../../shared/model/reviewer';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { useDialogSubmit } from '../app/use-dialog-submit';
import { readDraftAddress } from '../claims/url-field';
import { LanguageField } from '../i18n/language-field';
import { OrganisationFields } from '../settings/organisation-fields';
import { EvidencePreference, type EvidencePreferenceHandle } from '../settings/evidence-preference';
import { ScaleEditor, type ScaleEditorHandle } from '../settings/scale-editor';

export function PreferencesDialog({ onClose, onDone }: { onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [reviewer, setReviewer] = useState<Reviewer | null>(null);
  const [publisher, setPublisher] = useState<Publisher | null>(null);
  const scales = useRef<ScaleEditorHandle>(null);
  const evidence = useRef<EvidencePreferenceHandle>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  // The name field waits for the reviewer to load; until then the dialog would focus its next control.
  const reviewerLoaded = reviewer !== null;
  useEffect(() => {
    if (reviewerLoaded) nameInput.current?.focus();
  }, [reviewerLoaded]);

  const { busy, problem, setProblem, submit } = useDialogSubmit(async () => {
    if (!reviewer || !publisher) throw new Error(t('preferences.stillLoading'));
    const organizationUrl = readDraftAddress(publisher.organizationUrl, false);
    if (!organizationUrl.ok) throw new Error(t('preferences.badOrganizationUrl', { problem: organizationUrl.problem }));
    evidence.current?.check();
    // Scales first: a scale the library refuses keeps the dialog open with the reason, and nothing else is half saved.
    await scales.current?.saveChanges();
    await api['settings:setPublisher']({ ...publisher, organizationName: publisher.organizationName.trim(), organizationUrl: organizationUrl.url });
    await api['settings:setReviewer']({ name: reviewer.name.trim() });
    await evidence.current?.saveChanges();
    onDone(t('preferences.saved'));
  });

  const [signing, setSigning] = useState<ChannelOutput<'settings:getSigning'> | null>(null);

  useEffect(() => {
    api['settings:getReviewer']({}).then(setReviewer, (error: unknown) => setProblem(errorMessage(error)));
    api['settings:getPublisher']({}).then(setPublisher, (error: unknown) => setProblem(errorMessage(error)));
    api['settings:getSigning']({}).then(setSigning, (error: unknown) => setProblem(errorMessage(error)));
  }, [setProblem]);

  return (
    <ModalDialog title={t('preferences.title')} onClose={onClose} className="preferences-dialog">
      <form noValidate onSubmit={submit}>
        <section className="preferences-you" aria-labelledby="preferences-you-title">
          <h3 id="preferences-you-title">{t('preferences.you')}</h3>
          <label className="field">
            <span className="field-label">{t('preferences.yourName')}</span>
            <input
              ref={nameInput}
              value={reviewer?.name ?? ''}
              onChange={(event) => reviewer && setReviewer({ ...reviewer, name: event.target.value })}
              disabled={!reviewer}
              dir="auto"
              autoFocus
              maxLength={200}
            />
          </label>
          <p className="muted">
            <Trans i18nKey="preferences.nameHint" values={{ id: reviewer?.id.slice(0, 8) ?? '…' }} components={{ id: <code dir="ltr" /> }} />
          </p>
          <LanguageField />
        </section>
        {publisher && <OrganisationFields publisher={publisher} onChange={setPublisher} />}
        <ScaleEditor ref={scales} />
        <EvidencePreference ref={evidence} />
        <section className="signing-keys" aria-labelledby="signing-keys-title">
          <h3 id="signing-keys-title">{t('preferences.signingKey')}</h3>
          <p className="muted">
            <Trans i18nKey="preferences.signingHint" values={{ fingerprint: signing?.fingerprint ?? '…' }} components={{ key: <code dir="ltr" className="fingerprint" /> }} />
          </p>
          {signing && signing.knownKeys.length > 0 && (
            <>
              <p className="muted">{t('preferences.knownKeys')}</p>
              <ul className="known-keys">
                {signing.knownKeys.map((known) => (
                  <li key={known.reviewerId}>
                    <span dir="auto">{known.name || t('preferences.unnamedReviewer')}</span>{' '}
                    <code dir="ltr" className="fingerprint">
                      {known.fingerprint}
                    </code>{' '}
                    <span className="muted">{t('preferences.knownSince', { date: known.firstSeen.slice(0, 10) })}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <DialogFooter problem={problem} submitLabel={t('common.save')} busy={busy} busyLabel={t('common.saving')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
