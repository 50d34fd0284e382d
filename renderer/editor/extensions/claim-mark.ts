/**
 * The claim mark in the editor: commands to mark and unmark claims, the keyboard shortcut,
 * and a paste rule that keeps one claim from being duplicated by copy and paste.
 *
 * Why a mark and not decorations from a claim store: a mark lives in the document, so undo and
 * redo of marking, cut and paste, and every edit of the text keep a claim on its words with no
 * mapping code of ours, and the saved document is the single truth of where claims are. The
 * cost is at load: with 5,000 overlapping claims in a 1 MB article, opening takes about 3× as
 * long as with none (decorations: about 1.5×; house-style figures, TipTap 3.34, 2 cores), while
 * typing costs the same. `npm run bench` measures it in this app. If very large reviews make
 * loading too slow, claims can move to a mapped DecorationSet without changing stored files:
 * the claim-span reader in shared/ already turns marks into offsets.
 */
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { CLAIM_MARK } from '../../../shared/article/claim-spans';
import { snapToWords } from '../../../shared/article/word-snap';
import { ClaimMarkBase } from '../../../shared/editor-schema/claim-mark-base';

export interface ClaimMarkOptions {
  /** Called when the reviewer asks to mark the selection; the host creates the record and calls `setClaim`. */
  onMarkRequest: () => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    claim: {
      /** Marks the selection (widened to whole words) as claim `claimId`. */
      setClaim: (claimId: string) => ReturnType;
      /** Removes claim `claimId` from the whole document. */
      unsetClaim: (claimId: string) => ReturnType;
    };
  }
}

/** The document range of the selection widened to whole words, or null if it holds no text. */
export function wordSnappedRange(doc: ProseMirrorNode, from: number, to: number): { from: number; to: number } | null {
  if (from === to) return null;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  // An edge inside a word moves to that word's edge (a caret-sized range widens to its word).
  const snapEdge = ($pos: typeof $from, edge: 'start' | 'end'): number => {
    if (!$pos.parent.isTextblock) return $pos.pos;
    const blockStart = $pos.start();
    const text = $pos.parent.textBetween(0, $pos.parent.content.size, undefined, '\uFFFC');
    const offset = $pos.pos - blockStart;
    const word = snapToWords(text, offset, offset);
    return blockStart + (edge === 'start' ? word.start : word.end);
  };
  let start = snapEdge($from, 'start');
  let end = snapEdge($to, 'end');
  if ($from.parent === $to.parent && $from.parent.isTextblock) {
    const blockStart = $from.start();
    const text = $from.parent.textBetween(0, $from.parent.content.size, undefined, '\uFFFC');
    const range = snapToWords(text, from - blockStart, to - blockStart);
    start = blockStart + range.start;
    end = blockStart + range.end;
  }
  if (start >= end || doc.textBetween(start, end).trim() === '') return null;
  return { from: start, to: end };
}

function stripClaimMarks(fragment: Fragment, keep: (claimId: string) => boolean): Fragment {
  const children: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      children.push(node.mark(node.marks.filter((mark) => mark.type.name !== CLAIM_MARK || keep(mark.attrs.claimId as string))));
    } else {
      children.push(node.copy(stripClaimMarks(node.content, keep)));
    }
  });
  return Fragment.from(children);
}

function claimIdsIn(doc: ProseMirrorNode): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === CLAIM_MARK) ids.add(mark.attrs.claimId as string);
    return true;
  });
  return ids;
}

export const ClaimMark = ClaimMarkBase.extend<ClaimMarkOptions>({
  addOptions() {
    return { onMarkRequest: () => undefined };
  },

  addCommands() {
    return {
      setClaim:
        (claimId) =>
        ({ state, tr, dispatch }) => {
          const range = wordSnappedRange(state.doc, state.selection.from, state.selection.to);
          if (!range) return false;
          if (dispatch) {
            tr.addMark(range.from, range.to, this.type.create({ claimId }));
            tr.setSelection(TextSelection.create(tr.doc, range.from, range.to));
          }
          return true;
        },
      unsetClaim:
        (claimId) =>
        ({ state, tr, dispatch }) => {
          let found = false;
          state.doc.descendants((node, pos) => {
            for (const mark of node.marks) {
              if (mark.type === this.type && mark.attrs.claimId === claimId) {
                found = true;
                if (dispatch) tr.removeMark(pos, pos + node.nodeSize, mark);
              }
            }
            return true;
          });
          return found;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      // Ctrl/Cmd+Alt+M, as "insert comment" in word processors.
      'Mod-Alt-m': () => {
        this.options.onMarkRequest();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('claim-paste'),
        props: {
          // A claim copied and pasted within the article would exist twice; the copy is plain text.
          // A claim cut and pasted (moved) is no longer in the document, so it keeps its identity.
          transformPasted: (slice, view) => {
            const present = claimIdsIn(view.state.doc);
            return new Slice(stripClaimMarks(slice.content, (claimId) => !present.has(claimId)), slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});
