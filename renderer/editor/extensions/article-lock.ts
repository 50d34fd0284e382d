/**
 * Review mode: the article's words cannot change by accident. Selecting, marking and unmarking
 * claims, searching and moving around all work; typing, pasting, dropping, cutting and deleting
 * do nothing until the reviewer switches to Edit text on purpose. Content that comes from
 * storage (another window's save) always passes.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep } from '@tiptap/pm/transform';
import { CLAIM_MARK } from '../../../shared/article/claim-spans';
import { isFromStorage } from '../apply-stored-doc';

export interface ArticleLockOptions {
  /** True while the article's words may change (Edit text mode). */
  isEditingText: () => boolean;
  /** Told when something tried to change the words in review mode. */
  onBlockedEdit: () => void;
}

/** True when every step of `transaction` only adds or removes claim marks. */
export function changesOnlyClaims(transaction: Transaction): boolean {
  return transaction.steps.every((step) => (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === CLAIM_MARK);
}

export const ArticleLock = Extension.create<ArticleLockOptions>({
  name: 'articleLock',

  addOptions() {
    return { isEditingText: () => false, onBlockedEdit: () => undefined };
  },

  addProseMirrorPlugins() {
    const { isEditingText, onBlockedEdit } = this.options;
    const blocked = (): boolean => {
      if (isEditingText()) return false;
      onBlockedEdit();
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('article-lock'),
        filterTransaction: (transaction) => !transaction.docChanged || isEditingText() || isFromStorage(transaction) || changesOnlyClaims(transaction),
        props: {
          // Stop edits before the browser changes the page, so the page and the document never part.
          handleDOMEvents: {
            beforeinput: (_view, event) => {
              if (!blocked()) return false;
              event.preventDefault();
              return true;
            },
            drop: (_view, event) => {
              if (!blocked()) return false;
              event.preventDefault();
              return true;
            },
            cut: (_view, event) => {
              if (!blocked()) return false;
              event.preventDefault();
              return true;
            },
          },
          handlePaste: () => blocked(),
          handleTextInput: () => blocked(),
        },
      }),
    ];
  },
});
