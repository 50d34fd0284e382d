/** `npm run schema:share`: writes the share file's JSON Schema into resources/schemas/ after a format change. */
import { writeFile } from 'node:fs/promises';
import { shareFileJsonSchema, SHARE_SCHEMA_PATH } from '../../shared/share-file/share-file-json-schema';

await writeFile(SHARE_SCHEMA_PATH, `${JSON.stringify(shareFileJsonSchema(), null, 2)}\n`);
process.stdout.write(`Wrote ${SHARE_SCHEMA_PATH}\n`);
