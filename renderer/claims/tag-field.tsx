/** Tags of a claim: type one and press Enter (or a comma) to add it; each tag has a remove button. */
import { useId, useState } from 'react';

export function TagField({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const add = (): void => {
    const tag = draft.trim().replace(/,+$/, '').slice(0, 60);
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        Tags
      </label>
      <ul className="tag-list" aria-label="Tags of this claim">
        {tags.map((tag) => (
          <li key={tag} className="tag">
            <span dir="auto">{tag}</span>
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((other) => other !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        value={draft}
        placeholder="Add a tag and press Enter"
        dir="auto"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={add}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
      />
    </div>
  );
}
