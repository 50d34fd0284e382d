/** Tags of a claim: type one and press Enter (or a comma) to add it; each tag has a remove button. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function TagField({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const { t } = useTranslation();
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
        {t('tags.label')}
      </label>
      <ul className="tag-list" aria-label={t('tags.listLabel')}>
        {tags.map((tag) => (
          <li key={tag} className="tag">
            <span dir="auto">{tag}</span>
            <button type="button" aria-label={t('tags.remove', { tag })} onClick={() => onChange(tags.filter((other) => other !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        value={draft}
        placeholder={t('tags.placeholder')}
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
