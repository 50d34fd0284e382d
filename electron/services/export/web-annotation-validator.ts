/**
 * Checks Web Annotation JSON against the W3C Web Annotation test suite's MUST assertions
 * (JSON Schema draft-04, vendored in resources/schemas/web-annotation with their licence).
 */
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA_DIR = fileURLToPath(new URL('../../../resources/schemas/web-annotation/', import.meta.url));

interface Assertion {
  file: string;
  title: string;
  errorMessage: string;
  validate: ValidateFunction;
}

export interface AnnotationProblem {
  /** Where: "collection" or "annotation N" (1-based). */
  where: string;
  message: string;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

let assertions: { annotation: Assertion[]; collection: Assertion[] } | undefined;

function loadAssertions(): { annotation: Assertion[]; collection: Assertion[] } {
  if (assertions) return assertions;
  const ajv = new Ajv({ allErrors: false, strict: false });
  addFormats(ajv);
  for (const name of readdirSync(join(SCHEMA_DIR, 'definitions'))) ajv.addSchema(readJson(join(SCHEMA_DIR, 'definitions', name)));
  const compile = (testFile: string): Assertion[] =>
    (readJson(join(SCHEMA_DIR, testFile)).assertions as string[]).map((file) => {
      const schema = readJson(join(SCHEMA_DIR, file));
      return {
        file,
        title: String(schema.title ?? file).replace(/\*|_/g, ''),
        errorMessage: String(schema.errorMessage ?? schema.title ?? file).replace(/^ERROR:\s*/, ''),
        validate: ajv.getSchema(String(schema.id)) ?? ajv.compile(schema),
      };
    });
  assertions = { annotation: compile('annotations/annotationMusts.test'), collection: compile('collections/collectionMusts.test') };
  return assertions;
}

function failures(list: Assertion[], value: unknown, where: string): AnnotationProblem[] {
  return list.filter((assertion) => !assertion.validate(value)).map((assertion) => ({ where, message: assertion.errorMessage }));
}

/** Problems of an Annotation, an array of them, or an AnnotationCollection; [] when it passes every MUST. */
export function checkWebAnnotations(value: unknown): AnnotationProblem[] {
  const { annotation, collection } = loadAssertions();
  const record = value as Record<string, unknown> | null;
  if (Array.isArray(value)) return value.flatMap((item, index) => failures(annotation, item, `annotation ${index + 1}`));
  if (record && typeof record === 'object' && record.type === 'AnnotationCollection') {
    const page = record.first as { items?: unknown[] } | undefined;
    const items = Array.isArray(page?.items) ? page.items : [];
    // The test suite checks annotations one at a time, each with its own @context.
    const context = record['@context'];
    return [
      ...failures(collection, value, 'collection'),
      ...items.flatMap((item, index) => failures(annotation, { '@context': context, ...(item as object) }, `annotation ${index + 1}`)),
    ];
  }
  return failures(annotation, value, 'annotation');
}
