/**
 * View copy: the kept screenshot (or an attached image), the readable text and what was recorded
 * about each file. Archived pages are never rendered here: the app window shows no remote or
 * stored HTML and runs no stored script; the archive is saved for the reviewer's browser instead.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import type { EvidenceCopy, EvidenceCopyFile } from '../../shared/model/evidence-copy';
import { api, errorMessage } from '../api/client';
import { bytesOfBase64 } from '../app/base64-bytes';
import { ModalDialog } from '../app/modal-dialog';
import { saveFile } from '../app/save-file';
import { formatDateTime } from '../i18n/interface-format';
import { formatSize, roleName } from './evidence-copy-words';

type StoredFile = ChannelOutput<'evidence:file'>;

/** Raster images an <img> may show from a data: URL (the app's CSP allows data: images only). */
const SHOWN_IMAGE_TYPES = /^image\/(png|jpeg|gif|webp)\b/i;

/** The picture to show: the screenshot of a page, or an attached or linked image. */
function pictureOf(copy: EvidenceCopy): EvidenceCopyFile | undefined {
  return copy.files.find((file) => file.role === 'screenshot') ?? copy.files.find((file) => file.role === 'original' && SHOWN_IMAGE_TYPES.test(file.mediaType));
}

export function EvidenceCopyDialog({ copy, reviewId, name, onClose }: { copy: EvidenceCopy; reviewId: string; name: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [picture, setPicture] = useState<StoredFile | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [altered, setAltered] = useState<string[]>([]);
  const pictureFile = pictureOf(copy);
  const textFile = copy.files.find((file) => file.role === 'text');

  useEffect(() => {
    let live = true;
    const pictureFile = pictureOf(copy);
    const textFile = copy.files.find((file) => file.role === 'text');
    const read = (file: EvidenceCopyFile): Promise<StoredFile> =>
      api['evidence:file']({ reviewId, copyId: copy.id, fileName: file.fileName }).then((stored) => {
        if (live && !stored.intact) setAltered((names) => [...names, stored.fileName]);
        return stored;
      });
    if (pictureFile)
      read(pictureFile).then(
        (stored) => live && setPicture(stored),
        (error: unknown) => live && setProblem(errorMessage(error)),
      );
    if (textFile)
      read(textFile).then(
        (stored) => live && setText(new TextDecoder().decode(bytesOfBase64(stored.base64))),
        (error: unknown) => live && setProblem(errorMessage(error)),
      );
    return () => {
      live = false;
    };
  }, [copy, reviewId]);

  const save = async (file: EvidenceCopyFile): Promise<void> => {
    try {
      const stored = await api['evidence:file']({ reviewId, copyId: copy.id, fileName: file.fileName });
      saveFile(stored.fileName, stored.mediaType, stored.base64);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const archive = copy.files.find((file) => file.role === 'archive');
  const print = copy.files.find((file) => file.role === 'print');
  const original = copy.files.find((file) => file.role === 'original');
  const webArchive = copy.files.find((file) => file.role === 'web-archive');

  return (
    <ModalDialog title={t('evidenceCopy.dialogTitle', { name })} onClose={onClose} className="evidence-copy-dialog">
      {altered.length > 0 && (
        <p className="field-error" role="alert">
          {t('evidenceCopy.viewAltered', { files: altered.join(', ') })}
        </p>
      )}
      {pictureFile && (
        // Focusable so the keyboard can scroll a long screenshot.
        <figure className="evidence-copy-picture" tabIndex={0}>
          {picture ? (
            <img
              src={`data:${picture.mediaType};base64,${picture.base64}`}
              alt={pictureFile.role === 'screenshot' ? t('evidenceCopy.screenshotAlt', { name }) : t('evidenceCopy.imageAlt', { name })}
            />
          ) : (
            <span className="muted">{t('evidenceCopy.loading')}</span>
          )}
        </figure>
      )}
      {textFile && (
        <div>
          <h3 id="evidence-copy-text-title">{t('evidenceCopy.text')}</h3>
          {/* Focusable so the keyboard can scroll it. */}
          <div className="evidence-copy-text" tabIndex={0} role="region" aria-labelledby="evidence-copy-text-title" dir="auto">
            {text ?? t('evidenceCopy.loading')}
          </div>
        </div>
      )}
      <div className="evidence-copy-saves">
        {archive && (
          <button type="button" onClick={() => void save(archive)}>
            {t('evidenceCopy.saveArchive')}
          </button>
        )}
        {print && (
          <button type="button" onClick={() => void save(print)}>
            {t('evidenceCopy.savePrint')}
          </button>
        )}
        {original && (
          <button type="button" onClick={() => void save(original)}>
            {t('evidenceCopy.saveOriginal')}
          </button>
        )}
        {webArchive && (
          <button type="button" onClick={() => void save(webArchive)}>
            {t('evidenceCopy.saveWebArchive')}
          </button>
        )}
      </div>
      {archive && <p className="muted evidence-copy-hint">{t('evidenceCopy.archiveHint')}</p>}
      {webArchive && <p className="muted evidence-copy-hint">{t('evidenceCopy.webArchiveHint')}</p>}
      <h3>{t('evidenceCopy.details')}</h3>
      <dl className="evidence-copy-meta">
        {copy.kind === 'page' ? (
          <>
            <dt>{t('evidenceCopy.requestedUrl')}</dt>
            <dd dir="ltr">{copy.requestedUrl}</dd>
            <dt>{t('evidenceCopy.finalUrl')}</dt>
            <dd dir="ltr">{copy.finalUrl}</dd>
            <dt>{t('evidenceCopy.httpStatus')}</dt>
            <dd>
              {copy.httpStatus}
              {copy.contentType && <span className="muted"> · {copy.contentType}</span>}
            </dd>
            <dt>{t('evidenceCopy.retrievedAt')}</dt>
            <dd>{formatDateTime(copy.retrievedAt, i18n.language)}</dd>
          </>
        ) : (
          <>
            <dt>{t('evidenceCopy.originalName')}</dt>
            <dd dir="auto">{copy.originalName}</dd>
            <dt>{t('evidenceCopy.attachedAt')}</dt>
            <dd>{formatDateTime(copy.attachedAt, i18n.language)}</dd>
          </>
        )}
      </dl>
      <table className="evidence-copy-files">
        <caption>{t('evidenceCopy.files')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evidenceCopy.file')}</th>
            <th scope="col">{t('evidenceCopy.size')}</th>
            <th scope="col" className="evidence-copy-nowrap">
              SHA-256
            </th>
          </tr>
        </thead>
        <tbody>
          {copy.files.map((file) => (
            <tr key={file.fileName}>
              <td>
                {roleName(file.role, t)}
                <br />
                <code dir="ltr">{file.fileName}</code>
              </td>
              <td>{formatSize(file.size, t, i18n.language)}</td>
              <td>
                <code dir="ltr" className="evidence-copy-hash">
                  {file.sha256}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
