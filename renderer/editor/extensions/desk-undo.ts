/**
 * Undo and redo keys in the article go to the desk's one undo history (claim marks and claim
 * fields together), ahead of the editor's own history, which handles only the text.
 */
import { Extension } from '@tiptap/core';

export interface DeskUndoOptions {
  /** Undoes the desk's latest step; returns false when there was none. */
  undo: () => boolean;
  redo: () => boolean;
}

export const DeskUndo = Extension.create<DeskUndoOptions>({
  name: 'deskUndo',
  // Above StarterKit's UndoRedo, whose keys would otherwise undo editor steps only.
  priority: 1000,

  addOptions() {
    return { undo: () => false, redo: () => false };
  },

  addKeyboardShortcuts() {
    const undo = (): boolean => {
      this.options.undo();
      return true;
    };
    const redo = (): boolean => {
      this.options.redo();
      return true;
    };
    return { 'Mod-z': undo, 'Mod-Shift-z': redo, 'Mod-y': redo };
  },
});
