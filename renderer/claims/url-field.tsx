/**
 * A web-address input that hands its owner only addresses that pass the one web address rule, in
 * their stored form. An address typed without http:// or https:// gets https:// when the field is
 * left (or Enter is pressed), and the field says what was kept.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readWebAddress, type WebAddress } from '../../shared/model/web-address';
import { interfaceI18n } from '../i18n/interface-i18n';

export interface UrlFieldProps {
  label: string;
  value: string;
  onCommit: (url: string) => void;
  required?: boolean;
  placeholder?: string;
  /**
   * Called when the field is left (or Enter pressed) holding an address other than the one it had
   * when it was entered: once per edit, not for each address passed through while typing.
   */
  onEdited?: (url: string) => void;
}

/** What `draft` would be kept as: the address, '' for an empty optional field, or why it cannot be kept. */
export function readDraftAddress(draft: string, required: boolean): WebAddress | { ok: true; url: ''; changed: false } {
  if (draft.trim() === '') return required ? { ok: false, problem: interfaceI18n.t('url.missing') } : { ok: true, url: '', changed: false };
  return readWebAddress(draft, { addScheme: true });
}

export function UrlField({ label, value, onCommit, required = false, placeholder = 'https://', onEdited }: UrlFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const [keptAs, setKeptAs] = useState<string | null>(null);
  const noteId = useId();
  // The address when the field was entered, to tell an edit from passing through.
  const atFocus = useRef(value);
  useEffect(() => setDraft(value), [value]);

  const commit = (): void => {
    const read = readDraftAddress(draft, required);
    if (!read.ok) return setProblem(t('url.notSaved', { problem: read.problem }));
    setProblem(null);
    setKeptAs(read.changed && read.url ? read.url : null);
    setDraft(read.url);
    if (read.url !== value) onCommit(read.url);
    if (read.url !== atFocus.current) {
      atFocus.current = read.url;
      if (read.url) onEdited?.(read.url);
    }
  };

  const change = (next: string): void => {
    setDraft(next);
    setKeptAs(null);
    // Typed in full and in its stored form: kept as it is typed, so nothing waits for the field to be left.
    const read = readDraftAddress(next, required);
    if (read.ok && read.url === next.trim() && read.url !== value) {
      setProblem(null);
      onCommit(read.url);
    }
  };

  const described = problem ?? keptAs;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="url"
        inputMode="url"
        value={draft}
        placeholder={placeholder}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={described ? noteId : undefined}
        onChange={(event) => change(event.target.value)}
        onFocus={() => (atFocus.current = value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        dir="ltr"
      />
      {problem && (
        <span id={noteId} className="field-error" role="alert">
          {problem}
        </span>
      )}
      {!problem && keptAs && (
        <span id={noteId} className="field-note" role="status">
          {t('url.keptAs', { url: keptAs })}
        </span>
      )}
    </label>
  );
}
