/** The JSON Schema of the share file, generated from the zod schema so the two cannot drift apart. */
import { z } from 'zod';
import { DocNodeSchema } from '../model/article-doc';
import { ShareFile, SHARE_VERSION } from './share-file-schema';

/** Where the schema is published inside the project. */
export const SHARE_SCHEMA_PATH = 'resources/schemas/factmark-share.schema.json';

/** The share file's JSON Schema (draft 2020-12). Checks zod expresses as code (checksum, hashes, anchors within the text) are in the format spec. */
export function shareFileJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id: string }>();
  names.add(DocNodeSchema, { id: 'DocNode' });
  const schema = z.toJSONSchema(ShareFile, { io: 'output', target: 'draft-2020-12', metadata: names, unrepresentable: 'any' });
  return {
    $schema: schema.$schema,
    $id: `https://factmark.app/schemas/factmark-share-${SHARE_VERSION}.schema.json`,
    title: `Factmark share file, format version ${SHARE_VERSION}`,
    description: 'A fact-check review with its article, claims, anchors and per-claim history. See docs/share-file-format.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
    // A share without evidence copies is written in the format before them (see share-file-codec).
    properties: { ...(schema.properties as object), version: { type: 'integer', enum: [SHARE_VERSION - 1, SHARE_VERSION], description: `${SHARE_VERSION - 1} when no source carries a kept evidence copy, ${SHARE_VERSION} when one does` } },
  };
}
