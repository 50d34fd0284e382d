/** Exports the open review: choose a format, say who publishes it, and save the file. */
import { useEffect, useState } from 'react';
import type { ChannelOutput, ExportFormat } from '../../shared/api/contract';
import { readDraftAddress } from '../claims/url-field';
import { EMPTY_PUBLICATION, EMPTY_PUBLISHER, type Publication, type Publisher } from '../../shared/model/publisher';
import { api, errorMessage } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { saveFile } from '../app/save-file';
import { useDialogSubmit } from '../app/use-dialog-submit';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'html', label: 'HTML report', hint: 'one page to publish or share' },
  { format: 'pdf', label: 'PDF report', hint: 'to print or attach' },
  { format: 'md', label: 'Markdown', hint: 'for a CMS or a wiki' },
  { format: 'csv', label: 'CSV', hint: 'one row per claim, for spreadsheets' },
  { format: 'claimreview', label: 'ClaimReview JSON-LD', hint: 'schema.org markup for search engines' },
  { format: 'webannotation', label: 'Web Annotation JSON-LD', hint: 'W3C annotations for other tools' },
];

/** Claims listed by name in the warning; the rest are counted. */
const LISTED_PROBLEMS = 8;

/** What is not ready to publish, said before the export is made; the export still includes all of it, marked. */
function NotReady({ check }: { check: ChannelOutput<'review:check'> }) {
  if (check.claims.length === 0 && !check.textEditedAt) return null;
  return (
    <section className="export-warning" role="note" aria-label="Not ready to publish">
      <h3>Not ready to publish</h3>
      {check.textEditedAt && <p>The article’s words were edited after import (last on {check.textEditedAt.slice(0, 10)}); the export says so.</p>}
      {check.claims.length > 0 && (
        <>
          <p>
            {check.claims.length} {check.claims.length === 1 ? 'claim needs' : 'claims need'} attention; {check.claims.length === 1 ? 'it is' : 'they are'} exported with the reason:
          </p>
          <ul>
            {check.claims.slice(0, LISTED_PROBLEMS).map((claim) => (
              <li key={claim.claimId} dir="auto">
                <strong>Claim {claim.number}</strong> “{claim.quote.length > 60 ? `${claim.quote.slice(0, 57)}…` : claim.quote}”: {claim.reasons.join(' ')}
              </li>
            ))}
            {check.claims.length > LISTED_PROBLEMS && <li>and {check.claims.length - LISTED_PROBLEMS} more (see Needs attention).</li>}
          </ul>
        </>
      )}
    </section>
  );
}

export function ExportDialog({ reviewId, onClose, onDone }: { reviewId: string; onClose: () => void; onDone: (message: string) => void }) {
  const [format, setFormat] = useState<ExportFormat>('html');
  const [publisher, setPublisher] = useState<Publisher>(EMPTY_PUBLISHER);
  const [publication, setPublication] = useState<Publication>(EMPTY_PUBLICATION);
  const [authors, setAuthors] = useState('');
  const [check, setCheck] = useState<ChannelOutput<'review:check'> | null>(null);

  const field = (key: 'reviewerName' | 'organizationName' | 'organizationUrl') => ({
    value: publisher[key],
    onChange: (event: { target: { value: string } }) => setPublisher((current) => ({ ...current, [key]: event.target.value })),
  });

  const { busy, problem, setProblem, submit } = useDialogSubmit(async () => {
    const cleaned: Publisher = { ...publisher, reviewerName: publisher.reviewerName.trim(), organizationName: publisher.organizationName.trim(), organizationUrl: publisher.organizationUrl.trim(), reportUrl: '' };
    const organizationUrl = readDraftAddress(cleaned.organizationUrl, false);
    if (!organizationUrl.ok) throw new Error(`Organisation’s web address: ${organizationUrl.problem}`);
    cleaned.organizationUrl = organizationUrl.url;
    const publishedAt = readDraftAddress(publication.url, false);
    if (!publishedAt.ok) throw new Error(`Address of this fact-check: ${publishedAt.problem}`);
    const ownPublication: Publication = {
      url: publishedAt.url,
      headline: publication.headline.trim(),
      datePublished: publication.datePublished,
      authors: authors.split(',').map((name) => name.trim()).filter(Boolean),
    };
    setPublisher(cleaned);
    await api['settings:setPublisher'](cleaned);
    await api['review:setPublication']({ id: reviewId, publication: ownPublication });
    const file = await api['review:export']({ id: reviewId, format });
    saveFile(file.fileName, file.mimeType, file.base64);
    onDone(`Exported ${file.fileName}.`);
  });

  useEffect(() => {
    api['settings:getPublisher']({}).then(setPublisher, (error: unknown) => setProblem(errorMessage(error)));
    api['review:get']({ id: reviewId }).then((review) => {
      setPublication(review.publication ?? EMPTY_PUBLICATION);
      setAuthors((review.publication?.authors ?? []).join(', '));
    }, (error: unknown) => setProblem(errorMessage(error)));
    api['review:check']({ id: reviewId }).then(setCheck, (error: unknown) => setProblem(errorMessage(error)));
  }, [reviewId, setProblem]);

  return (
    <ModalDialog title="Export review" onClose={onClose} className="export-dialog">
      <form noValidate onSubmit={submit}>
        {check && <NotReady check={check} />}
        <fieldset>
          <legend>Format</legend>
          <div className="format-options">
            {FORMATS.map((option) => (
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
        <fieldset>
          <legend>Published by (the same for every review)</legend>
          <div className="field-row">
            <label className="field">
              <span className="field-label">Reviewer</span>
              <input {...field('reviewerName')} dir="auto" />
            </label>
            <label className="field">
              <span className="field-label">Organisation</span>
              <input {...field('organizationName')} dir="auto" />
            </label>
          </div>
          <label className="field">
            <span className="field-label">Organisation’s web address</span>
            <input type="url" {...field('organizationUrl')} dir="ltr" placeholder="https://" />
          </label>
        </fieldset>
        <fieldset>
          <legend>This fact-check’s publication (this review only)</legend>
          <label className="field">
            <span className="field-label">Address of the published fact-check (for ClaimReview)</span>
            <input type="url" value={publication.url} onChange={(event) => setPublication({ ...publication, url: event.target.value })} dir="ltr" placeholder="https://" />
          </label>
          {check && check.sameUrlAs.length > 0 && (
            <p className="field-error" role="alert">
              {check.sameUrlAs.map((other) => `“${other.title}”`).join(', ')} {check.sameUrlAs.length === 1 ? 'is' : 'are'} published at this address too. One page, one fact-check: check the address.
            </p>
          )}
          <label className="field">
            <span className="field-label">Headline</span>
            <input value={publication.headline} onChange={(event) => setPublication({ ...publication, headline: event.target.value })} dir="auto" maxLength={300} />
          </label>
          <div className="field-row">
            <label className="field">
              <span className="field-label">Publication date</span>
              <input type="date" value={publication.datePublished} onChange={(event) => setPublication({ ...publication, datePublished: event.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">Authors (comma between names)</span>
              <input value={authors} onChange={(event) => setAuthors(event.target.value)} dir="auto" />
            </label>
          </div>
        </fieldset>
        <DialogFooter problem={problem} submitLabel="Export" busy={busy} busyLabel="Exporting…" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
