/**
 * The evidence of a claim: add a source by its address, then describe it, open it or remove it.
 * With "keep a copy of each link when it is added" on, a link added here (or changed here to a new
 * address) is kept at once; links that arrive by a share file or a copy from another claim are not.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_STANCES, evidenceAtAddress, isAttachedFile, type Evidence, type EvidenceStance } from '../../shared/model/claim';
import { linkableAddress } from '../../shared/model/web-address';
import { api, openExternalLink } from '../api/client';
import { readDraftAddress, UrlField } from './url-field';
import { EvidenceCopyActions } from './evidence-copy-actions';
import type { EvidenceCopySync } from './evidence-copy-sync';
import { EvidenceCopyTools } from './evidence-copy-tools';
import { ArchiveQueue } from './archive-queue';
import { isKeepShortcut } from './keep-shortcut';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** How an item is named to screen readers: its title, else its address, else the attached file's name. */
function evidenceName(item: Evidence): string {
  return item.title.trim() || item.url || (isAttachedFile(item) ? item.copy.originalName : '');
}

export function EvidenceList({ evidence, onChange, claimId, copies }: { evidence: Evidence[]; onChange: (evidence: Evidence[]) => void; claimId: string; copies: EvidenceCopySync }) {
  const { t } = useTranslation();
  const [newUrl, setNewUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The address as kept, when it differs from what was typed (https:// added). */
  const [keptAs, setKeptAs] = useState<string | null>(null);
  const newUrlId = useId();
  /** Items whose copy controls are asked to keep a copy (each takes its request once). */
  const [keepRequests, setKeepRequests] = useState<ReadonlySet<string>>(() => new Set());
  const requestKeep = useCallback((id: string) => setKeepRequests((ids) => new Set(ids).add(id)), []);
  const keepRequestTaken = useCallback(
    (id: string) =>
      setKeepRequests((ids) => {
        const rest = new Set(ids);
        rest.delete(id);
        return rest;
      }),
    [],
  );
  /** Keeps `id` when the preference says links are kept as they are added (read afresh: Preferences may have changed it). */
  const keepIfWanted = (id: string): void => {
    api['settings:getEvidence']({}).then(
      (settings) => settings.keepWhenAdded && requestKeep(id),
      // Without the preference nothing is fetched; Keep a copy still works by hand.
      () => undefined,
    );
  };

  const update = (id: string, patch: Partial<Evidence>): void => onChange(evidence.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  const add = (): void => {
    const read = readDraftAddress(newUrl, true);
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    setKeptAs(read.changed ? read.url : null);
    const id = crypto.randomUUID();
    onChange([...evidence, { id, url: read.url, title: '', note: '', stance: 'unset', accessedAt: today() }]);
    setNewUrl('');
    if (linkableAddress(read.url) !== null) keepIfWanted(id);
  };

  return (
    <fieldset className="evidence">
      <legend>{t('evidence.legend')}</legend>
      <EvidenceCopyTools claimId={claimId} linkCount={evidence.filter((item) => linkableAddress(item.url) !== null).length} sync={copies} />
      <ArchiveQueue sync={copies} refreshKey={evidence.map((item) => item.copy?.id ?? '').join(' ')} />
      {evidence.length === 0 && <p className="empty-hint">{t('evidence.none')}</p>}
      <ol className="evidence-list">
        {evidence.map((item, index) => (
          <li
            key={item.id}
            className="evidence-item"
            onKeyDown={(event) => {
              if (!isKeepShortcut(event) || isAttachedFile(item)) return;
              event.preventDefault();
              // As a press on Keep would: the focus moves to Keep, so a half-typed address is taken in first
              // (its field commits as it loses the focus), and the focus then goes on to Cancel.
              event.currentTarget.querySelector<HTMLButtonElement>('button.evidence-copy-keep')?.focus();
              requestKeep(item.id);
            }}
          >
            <div className="evidence-head">
              <span className="evidence-number">{t('evidence.source', { index: index + 1 })}</span>
              {!isAttachedFile(item) && (
                <button
                  type="button"
                  className="link-button"
                  disabled={linkableAddress(item.url) === null}
                  onClick={() => void openExternalLink(item.url)}
                  aria-label={t('evidence.openNamed', { index: index + 1 })}
                >
                  {t('evidence.open')}{' '}
                  <span className="direction-icon" aria-hidden="true">
                    ↗
                  </span>
                </button>
              )}
              <button
                type="button"
                className="link-button danger"
                onClick={() => onChange(evidence.filter((other) => other.id !== item.id))}
                aria-label={t('evidence.removeNamed', { index: index + 1 })}
              >
                {t('evidence.remove')}
              </button>
            </div>
            {isAttachedFile(item) ? (
              <p className="evidence-file-name">
                <span className="field-label">{t('evidenceCopy.attachedFile')}</span> <span dir="auto">{item.copy.originalName}</span>
              </p>
            ) : (
              <UrlField
                label={t('evidence.address')}
                value={item.url}
                required
                onCommit={(url) => onChange(evidence.map((each) => (each.id === item.id ? evidenceAtAddress(each, url) : each)))}
                onEdited={() => keepIfWanted(item.id)}
              />
            )}
            <EvidenceCopyActions item={item} claimId={claimId} name={evidenceName(item)} sync={copies} keepRequested={keepRequests.has(item.id)} onKeepRequestTaken={() => keepRequestTaken(item.id)} />
            <label className="field">
              <span className="field-label">{t('common.title')}</span>
              <input value={item.title} onChange={(event) => update(item.id, { title: event.target.value })} dir="auto" />
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field-label">{t('evidence.stance')}</span>
                <select aria-label={t('evidence.stance')} value={item.stance} onChange={(event) => update(item.id, { stance: event.target.value as EvidenceStance })}>
                  {EVIDENCE_STANCES.map((stance) => (
                    <option key={stance} value={stance}>
                      {t(`evidence.stance.${stance}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('evidence.accessed')}</span>
                <input type="date" value={item.accessedAt} onChange={(event) => update(item.id, { accessedAt: event.target.value })} />
              </label>
            </div>
            <label className="field">
              <span className="field-label">{t('evidence.note')}</span>
              <textarea rows={2} value={item.note} onChange={(event) => update(item.id, { note: event.target.value })} dir="auto" />
            </label>
          </li>
        ))}
      </ol>
      <div className="evidence-add">
        <label className="field" htmlFor={newUrlId}>
          <span className="field-label">{t('evidence.addSource')}</span>
        </label>
        <div className="inline-form">
          <input
            id={newUrlId}
            type="url"
            value={newUrl}
            placeholder="https://"
            dir="ltr"
            aria-invalid={problem ? 'true' : undefined}
            onChange={(event) => setNewUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" onClick={add}>
            {t('evidence.add')}
          </button>
        </div>
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
        {!problem && keptAs && (
          <span className="field-note" role="status">
            {t('evidence.addedAs', { url: keptAs })}
          </span>
        )}
      </div>
    </fieldset>
  );
}
