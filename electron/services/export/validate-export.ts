/** Checks a ClaimReview or Web Annotation file and explains each problem. */
import { ApiError } from '../../../shared/api/envelope';
import { checkClaimReviews } from '../../../shared/report/claimreview-fields';
import { checkWebAnnotations } from './web-annotation-validator';

export interface ValidationReport {
  kind: 'claimreview' | 'webannotation';
  problems: { where: string; message: string; level: 'required' | 'recommended' }[];
}

function typeOf(value: unknown): unknown {
  const record = (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | undefined;
  return record && typeof record === 'object' ? (record['@type'] ?? record.type) : undefined;
}

/** What kind of file `json` is and what is wrong with it ([] problems when nothing is). */
export function validateExport(json: string): ValidationReport {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ApiError('invalid-input', `The file is not JSON (${error instanceof Error ? error.message : String(error)}). Factmark validates ClaimReview and Web Annotation JSON-LD files.`);
  }
  const type = typeOf(value);
  if (type === 'ClaimReview') {
    return {
      kind: 'claimreview',
      problems: checkClaimReviews(value).map((problem) => ({ where: `ClaimReview ${problem.index + 1}`, message: problem.message, level: problem.level })),
    };
  }
  if (type === 'Annotation' || type === 'AnnotationCollection') {
    return { kind: 'webannotation', problems: checkWebAnnotations(value).map((problem) => ({ ...problem, level: 'required' as const })) };
  }
  throw new ApiError('invalid-input', 'The file is neither a schema.org ClaimReview (with "@type": "ClaimReview") nor a W3C Web Annotation (with "type": "Annotation" or "AnnotationCollection").');
}
