/** The library search over any view: opened by its shortcut from anywhere, or by the library's search field. */
import { useEffect } from 'react';
import { SearchDialog } from './search-dialog';
import { isSearchShortcut, useSearchStore } from './search-store';

export function SearchHost() {
  const open = useSearchStore((state) => state.open);
  const initialQuery = useSearchStore((state) => state.initialQuery);
  const closeSearch = useSearchStore((state) => state.closeSearch);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      // Captured before the editor sees it, so the shortcut works with the caret in the article too.
      event.stopPropagation();
      if (!useSearchStore.getState().open) useSearchStore.getState().openSearch();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return open ? <SearchDialog initialQuery={initialQuery} onClose={closeSearch} /> : null;
}
