/**
 * The organisation in Preferences: its name and web address as reports print them, and its
 * sign-off rule. The logo is chosen in the export dialog (logo-field.tsx).
 */
import { useTranslation } from 'react-i18next';
import type { Publisher } from '../../shared/model/publisher';

export function OrganisationFields({ publisher, onChange }: { publisher: Publisher; onChange: (publisher: Publisher) => void }) {
  const { t } = useTranslation();
  return (
    <section className="organisation-fields" aria-labelledby="organisation-title">
      <h3 id="organisation-title">{t('organisation.title')}</h3>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('organisation.name')}</span>
          <input value={publisher.organizationName} onChange={(event) => onChange({ ...publisher, organizationName: event.target.value })} dir="auto" maxLength={200} />
        </label>
        <label className="field">
          <span className="field-label">{t('organisation.url')}</span>
          <input type="url" inputMode="url" value={publisher.organizationUrl} onChange={(event) => onChange({ ...publisher, organizationUrl: event.target.value })} dir="ltr" placeholder="https://" />
        </label>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" checked={publisher.signOffRequired} onChange={(event) => onChange({ ...publisher, signOffRequired: event.target.checked })} />
        {t('organisation.signOffRequired')}
      </label>
    </section>
  );
}
