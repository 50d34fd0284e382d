/** The evidence of a claim: add a source by its address, then describe it, open it or remove it. */
import { useId, useState } from 'react';
import { EVIDENCE_STANCES, type Evidence, type EvidenceStance } from '../../shared/model/claim';
import { linkableAddress } from '../../shared/model/web-address';
import { openExternalLink } from '../api/client';
import { readDraftAddress, UrlField } from './url-field';

const STANCE_LABELS: Record<EvidenceStance, string> = { unset: 'Not set', supports: 'Supports the claim', refutes: 'Refutes the claim', context: 'Context' };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function EvidenceList({ evidence, onChange }: { evidence: Evidence[]; onChange: (evidence: Evidence[]) => void }) {
  const [newUrl, setNewUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The address as kept, when it differs from what was typed (https:// added). */
  const [keptAs, setKeptAs] = useState<string | null>(null);
  const newUrlId = useId();

  const update = (id: string, patch: Partial<Evidence>): void => onChange(evidence.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  const add = (): void => {
    const read = readDraftAddress(newUrl, true);
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    setKeptAs(read.changed ? read.url : null);
    onChange([...evidence, { id: crypto.randomUUID(), url: read.url, title: '', note: '', stance: 'unset', accessedAt: today() }]);
    setNewUrl('');
  };

  return (
    <fieldset className="evidence">
      <legend>Evidence</legend>
      {evidence.length === 0 && <p className="empty-hint">No evidence yet.</p>}
      <ol className="evidence-list">
        {evidence.map((item, index) => (
          <li key={item.id} className="evidence-item">
            <div className="evidence-head">
              <span className="evidence-number">Source {index + 1}</span>
              <button
                type="button"
                className="link-button"
                disabled={linkableAddress(item.url) === null}
                onClick={() => void openExternalLink(item.url)}
                aria-label={`Open source ${index + 1} in the browser`}
              >
                Open ↗
              </button>
              <button type="button" className="link-button danger" onClick={() => onChange(evidence.filter((other) => other.id !== item.id))} aria-label={`Remove source ${index + 1}`}>
                Remove
              </button>
            </div>
            <UrlField label="Address" value={item.url} required onCommit={(url) => update(item.id, { url })} />
            <label className="field">
              <span className="field-label">Title</span>
              <input value={item.title} onChange={(event) => update(item.id, { title: event.target.value })} dir="auto" />
            </label>
            <div className="field-row">
              <label className="field">
                <span className="field-label">Stance</span>
                <select aria-label="Stance" value={item.stance} onChange={(event) => update(item.id, { stance: event.target.value as EvidenceStance })}>
                  {EVIDENCE_STANCES.map((stance) => (
                    <option key={stance} value={stance}>
                      {STANCE_LABELS[stance]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Accessed</span>
                <input type="date" value={item.accessedAt} onChange={(event) => update(item.id, { accessedAt: event.target.value })} />
              </label>
            </div>
            <label className="field">
              <span className="field-label">Note</span>
              <textarea rows={2} value={item.note} onChange={(event) => update(item.id, { note: event.target.value })} dir="auto" />
            </label>
          </li>
        ))}
      </ol>
      <div className="evidence-add">
        <label className="field" htmlFor={newUrlId}>
          <span className="field-label">Add a source</span>
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
            Add evidence
          </button>
        </div>
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
        {!problem && keptAs && (
          <span className="field-note" role="status">
            Added as {keptAs}
          </span>
        )}
      </div>
    </fieldset>
  );
}
