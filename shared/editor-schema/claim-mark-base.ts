/**
 * The claim mark as stored in documents: a span carrying a claim id. Commands, shortcuts and
 * views are added in the renderer; this part is shared so Node can read and write documents.
 */
import { Mark, mergeAttributes } from '@tiptap/core';
import { CLAIM_MARK } from '../article/claim-spans';

export interface ClaimMarkAttributes {
  claimId: string;
}

/** Attribute that carries the claim id in HTML. */
export const CLAIM_ID_ATTRIBUTE = 'data-claim-id';

export const ClaimMarkBase = Mark.create({
  name: CLAIM_MARK,
  // Claims may overlap and nest: a mark that excludes nothing can sit beside itself.
  excludes: '',
  // Typing at a claim's edge must not stretch the claim over new words.
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      claimId: {
        default: null,
        parseHTML: (element) => element.getAttribute(CLAIM_ID_ATTRIBUTE),
        renderHTML: (attributes: Partial<ClaimMarkAttributes>) =>
          attributes.claimId ? { [CLAIM_ID_ATTRIBUTE]: attributes.claimId } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: `span[${CLAIM_ID_ATTRIBUTE}]` }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'claim' }, HTMLAttributes), 0];
  },
});
