/** A web-address input that only hands valid http(s) addresses (or nothing) to its owner. */
import { useEffect, useId, useState } from 'react';
import { isHttpUrl } from '../../shared/model/primitives';

export interface UrlFieldProps {
  label: string;
  value: string;
  onCommit: (url: string) => void;
  required?: boolean;
  placeholder?: string;
}

/** Why `draft` is not acceptable, or null. */
export function urlProblem(draft: string, required: boolean): string | null {
  const trimmed = draft.trim();
  if (trimmed === '') return required ? 'Enter a web address.' : null;
  return isHttpUrl(trimmed) ? null : 'Enter a full web address starting with http:// or https://. This field is not saved until it is one.';
}

export function UrlField({ label, value, onCommit, required = false, placeholder = 'https://' }: UrlFieldProps) {
  const [draft, setDraft] = useState(value);
  const [touched, setTouched] = useState(false);
  const errorId = useId();
  useEffect(() => setDraft(value), [value]);
  const problem = touched ? urlProblem(draft, required) : null;

  const change = (next: string): void => {
    setDraft(next);
    if (urlProblem(next, required) === null && next.trim() !== value) onCommit(next.trim());
  };

  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="url"
        inputMode="url"
        value={draft}
        placeholder={placeholder}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => setTouched(true)}
        dir="ltr"
      />
      {problem && (
        <span id={errorId} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
