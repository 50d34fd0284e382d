import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../shared/editor-schema/article-extensions';
import { newClaim } from '../../shared/model/claim';
import { claimChangesBetween, docChangeBetween, type DocChange } from './save-delta';

const schema = articleSchema();
const paragraphs = (count: number) =>
  schema.nodeFromJSON({ type: 'doc', content: Array.from({ length: count }, (_, index) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${index}.` }] })) });

/** The stored article's JSON with `change` applied, as the store applies it. */
function applied(stored: ReturnType<typeof paragraphs>, change: DocChange | null) {
  const blocks = stored.toJSON().content as unknown[];
  if (change) blocks.splice(change.start, change.deleteCount, ...change.blocks);
  return { type: 'doc', content: blocks };
}

describe('docChangeBetween', () => {
  it('sends only the block typed in, and the result is the edited article', () => {
    const state = EditorState.create({ doc: paragraphs(500) });
    const position = state.doc.resolve(0).posAtIndex(250) + 3;
    const edited = state.apply(state.tr.insertText('x', position)).doc;
    const change = docChangeBetween(state.doc, edited);
    expect(change).toMatchObject({ start: 250, deleteCount: 1 });
    expect(change?.blocks).toHaveLength(1);
    expect(applied(state.doc, change)).toEqual(edited.toJSON());
  });

  it('covers split, joined, added and deleted blocks', () => {
    const state = EditorState.create({ doc: paragraphs(20) });
    const at = (index: number) => state.doc.resolve(0).posAtIndex(index);
    const split = state.apply(state.tr.split(at(5) + 4)).doc;
    const joined = state.apply(state.tr.join(at(8))).doc;
    const deleted = state.apply(state.tr.delete(at(3), at(6))).doc;
    const atEnd = state.apply(state.tr.insert(state.doc.content.size, schema.node('paragraph', null, schema.text('New last.')))).doc;
    for (const edited of [split, joined, deleted, atEnd]) expect(applied(state.doc, docChangeBetween(state.doc, edited))).toEqual(edited.toJSON());
    expect(docChangeBetween(state.doc, atEnd)).toMatchObject({ start: 20, deleteCount: 0 });
  });

  it('finds no change in the same document, and one in a claim marked without a word typed', () => {
    const state = EditorState.create({ doc: paragraphs(10) });
    expect(docChangeBetween(state.doc, state.doc)).toBeNull();
    const from = state.doc.resolve(0).posAtIndex(7) + 1;
    const marked = state.apply(state.tr.addMark(from, from + 5, schema.marks.claim!.create({ claimId: 'c1' }))).doc;
    const change = docChangeBetween(state.doc, marked);
    expect(change).toMatchObject({ start: 7, deleteCount: 1 });
    expect(applied(state.doc, change)).toEqual(marked.toJSON());
  });
});

describe('claimChangesBetween', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const first = newClaim('c1', at);
  const second = newClaim('c2', at);

  it('is null when nothing changed, even when a record was rebuilt with the same values', () => {
    expect(claimChangesBetween([first, second], [first, { ...second }])).toBeNull();
  });

  it('names edited, new and dropped claims', () => {
    const edited = { ...first, rationale: 'Checked against the census.' };
    const added = newClaim('c3', at);
    expect(claimChangesBetween([first, second], [edited, added])).toEqual({ changed: [edited, added], removed: ['c2'] });
  });
});
