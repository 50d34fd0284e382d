/**
 * Exports the open review: choose a format, publish or draft, the report's language, say who
 * publishes it, and save the file. A report to publish is refused while a claim is unfinished:
 * the dialog lists them first, each a step from its claim.
 */
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, ExportFormat } from '../../shared/api/contract';
import { readArticleText } from '../../shared/article/claim-spans';
import { LANGUAGES, type LanguageCode } from '../../shared/i18n/languages';
import type { Reviewer } from '../../shared/model/reviewer';
import { reportLanguage } from '../../shared/report/report-words';
import { ExportReadiness } from './export-readiness';
import { LogoField } from './logo-field';
import { readDraftAddress } from '../claims/url-field';
import { EMPTY_PUBLICATION, EMPTY_PUBLISHER, type Publication, type Publisher } from '../../shared/model/publisher';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { saveFile } from '../app/save-file';
import { useDialogSubmit } from '../app/use-dialog-submit';
import { formatList } from '../i18n/interface-format';
import { interfaceI18n, interfaceLanguage } from '../i18n/interface-i18n';

/** The formats offered, in the order shown, each named and explained in the interface's language. */
function formatOptions(t: TFunction): { format: ExportFormat; label: string; hint: string }[] {
  return [
    { format: 'html', label: t('export.htmlLabel'), hint: t('export.htmlHint') },
    { format: 'pdf', label: t('export.pdfLabel'), hint: t('export.pdfHint') },
    { format: 'md', label: t('export.mdLabel'), hint: t('export.mdHint') },
    { format: 'csv', label: t('export.csvLabel'), hint: t('export.csvHint') },
    { format: 'claimreview', label: t('export.claimreviewLabel'), hint: t('export.claimreviewHint') },
    { format: 'webannotation', label: t('export.webannotationLabel'), hint: t('export.webannotationHint') },
  ];
}

/** Names typed with a comma between them; an Arabic keyboard types the Arabic comma (،). */
const AUTHOR_SEPARATOR = /[,،]/;

/** Data exports carry every claim as it is; the others are what a newsroom publishes. */
const DATA_FORMATS: readonly ExportFormat[] = ['csv', 'webannotation'];

export function ExportDialog(props: { reviewId: string; onClose: () => void; onDone: (message: string) => void; onShowClaim: (claimId: string, placed: boolean) => void }) {
  const { reviewId, onClose, onDone } = props;
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ExportFormat>('html');
  const [mode, setMode] = useState<'publish' | 'draft'>('publish');
  const [language, setLanguage] = useState<LanguageCode>('en');
  const [publisher, setPublisher] = useState<Publisher>(EMPTY_PUBLISHER);
  // Fields stay closed until their stored values arrive, so nothing typed first is overwritten by them.
  const [loaded, setLoaded] = useState({ publisher: false, publication: false });
  const [reviewer, setReviewer] = useState<Reviewer | null>(null);
  const [publication, setPublication] = useState<Publication>(EMPTY_PUBLICATION);
  const [authors, setAuthors] = useState('');
  const [claimCount, setClaimCount] = useState<number | null>(null);
  const [check, setCheck] = useState<ChannelOutput<'review:check'> | null>(null);
  const gated = !DATA_FORMATS.includes(format);

  const field = (key: 'organizationName' | 'organizationUrl') => ({
    value: publisher[key],
    onChange: (event: { target: { value: string } }) => setPublisher((current) => ({ ...current, [key]: event.target.value })),
  });

  const { busy, problem, setProblem, submit } = useDialogSubmit(async () => {
    const organizationUrl = readDraftAddress(publisher.organizationUrl, false);
    if (!organizationUrl.ok) throw new Error(t('export.badOrganizationUrl', { problem: organizationUrl.problem }));
    const publishedAt = readDraftAddress(publication.url, false);
    if (!publishedAt.ok) throw new Error(t('export.badPublicationUrl', { problem: publishedAt.problem }));
    const cleaned: Publisher = { ...publisher, organizationName: publisher.organizationName.trim(), organizationUrl: organizationUrl.url, reportUrl: '' };
    const ownPublication: Publication = {
      url: publishedAt.url,
      headline: publication.headline.trim(),
      datePublished: publication.datePublished,
      authors: authors.split(AUTHOR_SEPARATOR).map((name) => name.trim()).filter(Boolean),
    };
    // Details first, so a refused export still keeps what was typed here.
    setPublisher(cleaned);
    await api['settings:setPublisher'](cleaned);
    if (reviewer) setReviewer(await api['settings:setReviewer']({ name: reviewer.name.trim() }));
    await api['review:setPublication']({ id: reviewId, publication: ownPublication });
    const latest = await api['review:check']({ id: reviewId, language: interfaceLanguage() });
    setCheck(latest);
    if (gated && mode === 'publish' && latest.unfinished.length > 0) throw new Error(t('export.notReady', { count: latest.unfinished.length }));
    const file = await api['review:export']({ id: reviewId, format, mode, language });
    saveFile(file.fileName, file.mimeType, file.base64);
    onDone(t(gated && mode === 'draft' ? 'export.exportedDraft' : 'export.exported', { fileName: file.fileName }));
  });

  useEffect(() => {
    api['settings:getPublisher']({}).then((stored) => {
      setPublisher(stored);
      setLoaded((current) => ({ ...current, publisher: true }));
    }, (error: unknown) => setProblem(errorMessage(error)));
    api['settings:getReviewer']({}).then(setReviewer, (error: unknown) => setProblem(errorMessage(error)));
    api['review:get']({ id: reviewId }).then((review) => {
      setClaimCount(review.claims.length);
      setPublication(review.publication ?? EMPTY_PUBLICATION);
      setAuthors((review.publication?.authors ?? []).join(interfaceI18n.t('export.authorsJoiner')));
      setLoaded((current) => ({ ...current, publication: true }));
      setLanguage(reportLanguage(review, readArticleText(review.doc).text));
    }, (error: unknown) => setProblem(errorMessage(error)));
    api['review:check']({ id: reviewId, language: interfaceLanguage() }).then(setCheck, (error: unknown) => setProblem(errorMessage(error)));
  }, [reviewId, setProblem]);

  const showClaim = (claimId: string, placed: boolean): void => {
    onClose();
    props.onShowClaim(claimId, placed);
  };

  return (
    <ModalDialog title={t('export.title')} onClose={onClose} className="export-dialog">
      <form noValidate onSubmit={submit}>
        {check && claimCount !== null && <ExportReadiness check={check} gated={gated} mode={mode} claimCount={claimCount} onShowClaim={showClaim} />}
        <fieldset>
          <legend>{t('export.format')}</legend>
          <div className="format-options">
            {formatOptions(t).map((option) => (
              <label key={option.format} className={`format-option${format === option.format ? ' is-chosen' : ''}`}>
                <input type="radio" name="export-format" value={option.format} checked={format === option.format} onChange={() => setFormat(option.format)} />
                <span>
                  <strong>{option.label}</strong>
                  <span className="muted"> — {option.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {gated && (
          <div className="field-row">
            <fieldset className="export-mode">
              <legend>{t('export.mode')}</legend>
              <label>
                <input type="radio" name="export-mode" value="publish" checked={mode === 'publish'} onChange={() => setMode('publish')} /> {t('export.modePublish')}
              </label>
              <label>
                <input type="radio" name="export-mode" value="draft" checked={mode === 'draft'} onChange={() => setMode('draft')} /> {t('export.modeDraft')}
              </label>
            </fieldset>
            <label className="field">
              <span className="field-label">{t('export.reportLanguage')}</span>
              <select value={language} onChange={(event) => setLanguage(event.target.value as LanguageCode)}>
                {LANGUAGES.map((option) => (
                  <option key={option.code} value={option.code} lang={option.code}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <fieldset disabled={!loaded.publisher}>
          <legend>{t('export.publishedBy')}</legend>
          <div className="field-row">
            <label className="field">
              <span className="field-label">{t('export.yourName')}</span>
              <input value={reviewer?.name ?? ''} onChange={(event) => reviewer && setReviewer({ ...reviewer, name: event.target.value })} disabled={!reviewer} dir="auto" maxLength={200} />
            </label>
            <label className="field">
              <span className="field-label">{t('export.organization')}</span>
              <input {...field('organizationName')} dir="auto" maxLength={200} />
            </label>
          </div>
          <p className="field-hint">{t('export.nameHint')}</p>
          <label className="field">
            <span className="field-label">{t('export.organizationUrl')}</span>
            <input type="url" {...field('organizationUrl')} dir="ltr" placeholder="https://" />
          </label>
          <LogoField value={publisher.logo} onChange={(logo) => setPublisher((current) => ({ ...current, logo }))} />
          <label className="check-field">
            <input type="checkbox" checked={publisher.signOffRequired} onChange={(event) => setPublisher((current) => ({ ...current, signOffRequired: event.target.checked }))} /> {t('export.signOffRequired')}
          </label>
        </fieldset>
        <fieldset disabled={!loaded.publication}>
          <legend>{t('export.publication')}</legend>
          <label className="field">
            <span className="field-label">{t('export.publicationUrl')}</span>
            <input type="url" value={publication.url} onChange={(event) => setPublication({ ...publication, url: event.target.value })} dir="ltr" placeholder="https://" />
          </label>
          {check && check.sameUrlAs.length > 0 && (
            <p className="field-error" role="alert">
              {t('export.sameUrl', {
                count: check.sameUrlAs.length,
                titles: formatList(
                  check.sameUrlAs.map((other) => t('export.quotedTitle', { title: other.title })),
                  i18n.language,
                ),
              })}
            </p>
          )}
          <label className="field">
            <span className="field-label">{t('export.headline')}</span>
            <input value={publication.headline} onChange={(event) => setPublication({ ...publication, headline: event.target.value })} dir="auto" maxLength={300} />
          </label>
          <div className="field-row">
            <label className="field">
              <span className="field-label">{t('export.publicationDate')}</span>
              <input type="date" value={publication.datePublished} onChange={(event) => setPublication({ ...publication, datePublished: event.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('export.authors')}</span>
              <input value={authors} onChange={(event) => setAuthors(event.target.value)} dir="auto" />
            </label>
          </div>
        </fieldset>
        <DialogFooter problem={problem} submitLabel={gated && mode === 'draft' ? t('export.submitDraft') : t('export.submit')} busy={busy} busyLabel={t('export.busy')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
