/** "Also archived at <link>" under a kept page that was also sent to the archive service. */
import { useTranslation } from 'react-i18next';
import type { EvidenceCopy } from '../../shared/model/evidence-copy';
import { openExternalLink } from '../api/client';
import './archive-queue.css';

/** The archived copy's address as a link (opened in the browser on click), or nothing when the page was not sent. */
export function ArchivedAt({ copy }: { copy: EvidenceCopy }) {
  const { t } = useTranslation();
  if (copy.kind !== 'page' || !copy.archive) return null;
  const { url } = copy.archive;
  return (
    <p className="archived-at">
      {t('evidenceCopy.archivedAt')}{' '}
      <button type="button" className="link-button" dir="ltr" onClick={() => void openExternalLink(url)}>
        {url}
      </button>
    </p>
  );
}
