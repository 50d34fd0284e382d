/**
 * The checked article's details on the desk: a line under the title (outlet, author, date,
 * address) and a dialog to correct them. Reports print them as "The article checked".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetails } from '../../shared/model/article-details';
import { api } from '../api/client';
import { DialogFooter, ModalDialog } from '../app/modal-dialog';
import { useDialogSubmit } from '../app/use-dialog-submit';
import { readDraftAddress } from '../claims/url-field';
import { formatDate } from '../i18n/interface-format';
import { useReviewStore } from './review-store';

/** Languages offered for an article, by tag; a tag a file gave that is not here is kept and offered too. */
const ARTICLE_LANGUAGES = ['ar', 'en', 'fr', 'es', 'de', 'it', 'pt', 'ru', 'tr', 'fa', 'ur', 'he', 'hi', 'bn', 'id', 'sw', 'zh', 'ja', 'ko', 'uk', 'pl', 'nl'];

/** The language's own name for itself ("العربية", "Français"), or the tag when the browser cannot name it. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * A day `YYYY-MM-DD` as the interface language writes dates ("14 Mar 2026", "14 مارس 2026"). Noon
 * of the reader's own clock: a calendar date that no time zone moves to the day before or after.
 */
function readableDay(day: string, language: string): string {
  const noon = `${day}T12:00`;
  return Number.isNaN(new Date(noon).getTime()) ? day : formatDate(noon, language);
}

/** A byline's own leading "By" (in the interface's languages), which the details line says itself. */
const BYLINE_PREFIX = /^(?:by|par|por|بقلم)(?:\s*:\s*|\s+)/iu;

/** The details line under the desk's title, and the button that opens the editor. */
export function ArticleDetailsLine({ reviewId }: { reviewId: string }) {
  const { t, i18n } = useTranslation();
  const meta = useReviewStore((state) => state.meta);
  const [editing, setEditing] = useState(false);
  if (!meta) return null;
  const parts = [meta.outlet, meta.byline && t('article.by', { name: meta.byline.replace(BYLINE_PREFIX, '') }), meta.publishedAt && readableDay(meta.publishedAt, i18n.language)].filter(Boolean);
  return (
    <div className="article-line">
      {parts.length > 0 && (
        // In the interface's direction: "By" and the date are its words; each part isolates its own.
        <span className="article-facts">
          {parts.map((part, index) => (
            <bdi key={index}>{part}</bdi>
          ))}
        </span>
      )}
      {meta.sourceUrl && (
        <span className="source-url" dir="ltr">
          {meta.sourceUrl}
        </span>
      )}
      <button type="button" className="link-button article-details-button" onClick={() => setEditing(true)} aria-haspopup="dialog">
        {parts.length === 0 && !meta.sourceUrl ? t('article.addDetails') : t('article.details')}
      </button>
      {editing && <ArticleDetailsDialog reviewId={reviewId} details={meta} onClose={() => setEditing(false)} onSaved={(saved) => useReviewStore.getState().setMeta(saved)} />}
    </div>
  );
}

/** Edits review `reviewId`'s article details and stores them; `onSaved` gets them as stored (the desk's header, the library's row). */
export function ArticleDetailsDialog({ reviewId, details, onClose, onSaved }: { reviewId: string; details: ArticleDetails; onClose: () => void; onSaved: (saved: ArticleDetails) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ArticleDetails>(details);
  const set = (key: keyof ArticleDetails) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));
  const { busy, problem, submit } = useDialogSubmit(async () => {
    if (!draft.title.trim()) throw new Error(t('article.noTitle'));
    const address = readDraftAddress(draft.sourceUrl, false);
    if (!address.ok) throw new Error(t('article.badAddress', { problem: address.problem }));
    const saved = await api['review:setArticleDetails']({
      id: reviewId,
      // Field by field: the desk's meta it was opened with holds more than the service accepts.
      details: { title: draft.title.trim(), outlet: draft.outlet.trim(), byline: draft.byline.trim(), publishedAt: draft.publishedAt, language: draft.language, sourceUrl: address.url },
    });
    onSaved(saved);
    onClose();
  });
  const languages = draft.language && !ARTICLE_LANGUAGES.includes(draft.language) ? [draft.language, ...ARTICLE_LANGUAGES] : ARTICLE_LANGUAGES;
  return (
    <ModalDialog title={t('article.dialogTitle')} onClose={onClose} className="article-details-dialog">
      <form noValidate onSubmit={submit}>
        <p className="muted">{t('article.hint')}</p>
        <label className="field">
          <span className="field-label">{t('common.title')}</span>
          <input value={draft.title} onChange={set('title')} dir="auto" maxLength={300} required autoFocus />
        </label>
        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('article.outlet')}</span>
            <input value={draft.outlet} onChange={set('outlet')} dir="auto" maxLength={300} placeholder={t('article.outletPlaceholder')} />
          </label>
          <label className="field">
            <span className="field-label">{t('article.author')}</span>
            <input value={draft.byline} onChange={set('byline')} dir="auto" maxLength={500} />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('article.publishedAt')}</span>
            <input type="date" value={draft.publishedAt} onChange={set('publishedAt')} />
          </label>
          <label className="field">
            <span className="field-label">{t('article.language')}</span>
            <select value={draft.language} onChange={set('language')}>
              <option value="">{t('article.languageUnset')}</option>
              {languages.map((tag) => (
                <option key={tag} value={tag} lang={tag}>
                  {languageName(tag)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('article.address')}</span>
          <input type="url" value={draft.sourceUrl} onChange={set('sourceUrl')} dir="ltr" placeholder="https://" />
        </label>
        <DialogFooter problem={problem} submitLabel={t('article.save')} busy={busy} busyLabel={t('common.saving')} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
