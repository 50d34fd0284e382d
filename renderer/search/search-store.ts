/** Whether the library search is open, and the words it opens with: one search for the whole window. */
import { create } from 'zustand';

interface SearchState {
  open: boolean;
  /** The words the search box starts with (what was typed in the library's search field). */
  initialQuery: string;
  openSearch: (initialQuery?: string) => void;
  closeSearch: () => void;
}

/** The search's open state; the library's field and the keyboard shortcut open it, the dialog closes it. */
export const useSearchStore = create<SearchState>()((set) => ({
  open: false,
  initialQuery: '',
  openSearch: (initialQuery = '') => set({ open: true, initialQuery }),
  closeSearch: () => set({ open: false, initialQuery: '' }),
}));

/** Ctrl+K or Ctrl+Shift+F (⌘ on a Mac): neither is taken by the desk, the editor or the browser's own find (Ctrl+F). */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
  return (event.code === 'KeyK' && !event.shiftKey) || (event.code === 'KeyF' && event.shiftKey);
}
