/** The library's views: its reviews, every claim of them, and the Trash. */
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import './library-views.css';

export const LibraryTab = z.enum(['reviews', 'claims', 'trash']);
export type LibraryTab = z.infer<typeof LibraryTab>;

/** Buttons that switch the library's view; the current one is marked for screen readers. `trashCount` null while unknown. */
export function LibraryTabs({ tab, trashCount, onChange }: { tab: LibraryTab; trashCount: number | null; onChange: (tab: LibraryTab) => void }) {
  const { t } = useTranslation();
  const label: Record<LibraryTab, string> = {
    reviews: t('libraryTabs.reviews'),
    claims: t('libraryTabs.claims'),
    trash: trashCount === null ? t('libraryTabs.trash') : t('libraryTabs.trashCount', { amount: trashCount }),
  };
  return (
    <nav className="library-tabs" aria-label={t('libraryTabs.label')}>
      {LibraryTab.options.map((option) => (
        <button key={option} type="button" className="library-tab" aria-current={option === tab ? 'page' : undefined} onClick={() => onChange(option)}>
          {label[option]}
        </button>
      ))}
    </nav>
  );
}
