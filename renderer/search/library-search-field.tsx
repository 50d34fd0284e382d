/** The library's search field: typing in it opens the search of every review with those words. */
import { useTranslation } from 'react-i18next';
import { useSearchStore } from './search-store';
import './search.css';

export function LibrarySearchField() {
  const { t } = useTranslation();
  const openSearch = useSearchStore((state) => state.openSearch);
  return (
    <div className="library-search" role="search">
      <input
        type="search"
        value=""
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="Control+K Control+Shift+F"
        onChange={(event) => event.target.value && openSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'ArrowDown') {
            event.preventDefault();
            openSearch();
          }
        }}
      />
      <kbd dir="ltr" aria-hidden="true">
        Ctrl+K
      </kbd>
    </div>
  );
}
