/**
 * W3C Web Annotation (JSON-LD): an AnnotationCollection with one `assessing` annotation per
 * claim. Targets carry a TextQuoteSelector and a TextPositionSelector; positions count UTF-16
 * code units of the article's plain text (blocks joined by one line break, no Unicode
 * normalisation), which the collection states in `factmark:offsetUnit`.
 */
import { isAttachedFile } from '../model/claim';
import { linkableAddress } from '../model/web-address';
import { copyNote } from './evidence-copy-note';
import { claimUrl, dayOf, textEditedNote, type ReportClaim, type ReportModel, type UnplacedClaim } from './report-model';
import { reportWords } from './report-words';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The article's identifier in targets: its web address, else a stable name for this review. */
export function articleSource(model: ReportModel): string {
  return linkableAddress(model.review.sourceUrl) ?? `urn:factmark:review:${model.review.id}`;
}

/**
 * A kept page copy as a W3C TimeState (model 4.3.1): `sourceDate` is when it was retrieved, and
 * `cached` names the copy. The copy sits in the reviewer's data folder with no public address, so
 * it is named by its content (`urn:sha256:<hex>`): anyone holding the file can check it is the one
 * meant. The archive service's copy, when there is one, is a second TimeState (at the time it was
 * sent), because the W3C test suite accepts one `cached` value a state.
 */
function copyState(item: Parameters<typeof copyNote>[0]): { state?: Record<string, unknown> | Record<string, unknown>[] } {
  const kept = copyNote(item);
  if (kept?.kind !== 'page' || item.copy?.kind !== 'page') return {};
  const stored = { type: 'TimeState', sourceDate: kept.at, cached: `urn:sha256:${kept.file.sha256}` };
  const { archive } = item.copy;
  const archived = archive ? linkableAddress(archive.url) : null;
  return { state: archive && archived ? [stored, { type: 'TimeState', sourceDate: archive.sentAt, cached: archived }] : stored };
}

function annotation(model: ReportModel, reportClaim: ReportClaim | UnplacedClaim) {
  const { claim, verdict } = reportClaim;
  // A claim a merge could not place is found by its words alone; it has no position in this text.
  const selector =
    'start' in reportClaim
      ? [
          { type: 'TextQuoteSelector', exact: reportClaim.quote, prefix: reportClaim.prefix, suffix: reportClaim.suffix },
          { type: 'TextPositionSelector', start: reportClaim.start, end: reportClaim.end },
        ]
      : { type: 'TextQuoteSelector', exact: reportClaim.quote };
  const bodies: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'assessing', value: verdict?.label ?? 'Not yet rated', format: 'text/plain', language: 'en' }];
  if (claim.rationale.trim()) bodies.push({ type: 'TextualBody', purpose: 'describing', value: claim.rationale, format: 'text/plain' });
  for (const tag of claim.tags) bodies.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const reason of reportClaim.attention) bodies.push({ type: 'TextualBody', purpose: 'commenting', value: `Needs attention: ${reason}`, format: 'text/plain', language: 'en' });
  for (const item of claim.evidence) {
    if (isAttachedFile(item)) {
      // A file the reviewer attached has no address to link to: it is named, with the hash that identifies it.
      const [file] = item.copy.files;
      const hash = file ? ` (SHA-256 ${file.sha256})` : '';
      bodies.push({
        type: 'TextualBody',
        purpose: 'linking',
        value: `Attached file: ${item.copy.originalName}${hash}${item.title && item.title !== item.copy.originalName ? ` — ${item.title}` : ''}`,
        format: 'text/plain',
      });
      continue;
    }
    const address = linkableAddress(item.url);
    if (!address) {
      // An address from an older file that fails the web address rule cannot be an IRI: kept as words.
      bodies.push({ type: 'TextualBody', purpose: 'linking', value: `Source (not a usable web address): ${item.url}${item.title ? ` — ${item.title}` : ''}`, format: 'text/plain' });
      continue;
    }
    // A purpose may sit only on a SpecificResource, not on the web resource itself.
    bodies.push({
      type: 'SpecificResource',
      purpose: 'linking',
      source: { id: address, ...(item.title ? { title: item.title } : {}) },
      ...(item.note ? { 'factmark:note': item.note } : {}),
      'factmark:stance': item.stance,
      ...(item.accessedAt ? { 'factmark:accessed': item.accessedAt } : {}),
      ...copyState(item),
    });
  }
  const url = claimUrl(model, reportClaim);
  return {
    id: url || `urn:factmark:claim:${claim.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
    modified: claim.updatedAt,
    // The annotation is the reviewer's assessment: its creator is who checked the claim.
    ...(reportClaim.checkedBy ? { creator: { type: 'Person', name: reportClaim.checkedBy } } : {}),
    body: bodies,
    target: { source: articleSource(model), selector },
    ...(reportClaim.attention.length > 0 ? { 'factmark:needsAttention': reportClaim.attention } : {}),
    ...(verdict ? { 'factmark:ratingValue': verdict.ratingValue } : {}),
    ...(claim.claimant ? { 'factmark:claimant': claim.claimant } : {}),
    ...(claim.claimDate ? { 'factmark:claimDate': claim.claimDate } : {}),
    ...(linkableAddress(claim.appearanceUrl) ? { 'factmark:appearance': linkableAddress(claim.appearanceUrl) } : {}),
    'factmark:status': claim.status,
  };
}

/** The review's claims as an AnnotationCollection (one page holding every annotation). */
export function buildWebAnnotations(model: ReportModel) {
  const items = [...model.claims, ...model.unplaced].filter((reportClaim) => reportClaim.quote !== '').map((reportClaim) => annotation(model, reportClaim));
  // A data format: its own sentences are in English, whatever language a report would be in.
  const edited = textEditedNote(model, reportWords('en'));
  const collectionId = `urn:factmark:review:${model.review.id}:annotations`;
  return {
    '@context': [ANNOTATION_CONTEXT, { factmark: 'urn:factmark:vocab:' }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Fact-check: ${model.review.title}`,
    created: model.review.createdAt,
    modified: model.review.updatedAt,
    total: items.length,
    'factmark:offsetUnit': 'UTF-16 code units of the article plain text; blocks separated by one U+000A; no Unicode normalisation',
    'factmark:generated': dayOf(model.generatedAt),
    ...(edited ? { 'factmark:textEdited': edited } : {}),
    ...(items.length > 0 ? { first: { id: `${collectionId}:page1`, type: 'AnnotationPage', startIndex: 0, items } } : {}),
  };
}
