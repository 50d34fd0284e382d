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

/** The CSS class that names one claim's highlight elements. */
export function claimClassName(claimId: string): string {
  return `fm-claim-${claimId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

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

  renderHTML({ HTMLAttributes, mark }) {
    // A class per claim lets the browser find a claim's colour rule by class lookup; a rule
    // keyed on the data attribute is checked against every highlight (5,000² with 5,000 claims).
    return ['span', mergeAttributes({ class: `claim ${claimClassName(String(mark.attrs.claimId))}` }, HTMLAttributes), 0];
  },
});
