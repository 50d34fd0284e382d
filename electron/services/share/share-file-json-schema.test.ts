import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { shareFileJsonSchema, SHARE_SCHEMA_PATH } from '../../../shared/share-file/share-file-json-schema';
import { openFactmarkServices } from '../factmark-services';

describe('the share file JSON Schema', () => {
  it('is the one generated from the zod schema (run npm run schema:share after a format change)', async () => {
    expect(JSON.parse(await readFile(SHARE_SCHEMA_PATH, 'utf8'))).toEqual(shareFileJsonSchema());
  });

  it('accepts a share file Factmark writes, and rejects one with a wrong field', async () => {
    const services = await openFactmarkServices({ dataDir: await mkdtemp(join(tmpdir(), 'factmark-schema-')), mode: 'cli', renderPdf: async () => new Uint8Array() });
    try {
      const { review } = await services.handlers['review:create']({
        title: 'Arabic and emoji',
        sourceUrl: 'https://news.example/a',
        origin: { kind: 'paste' },
        article: { format: 'markdown', body: '# Title\n\nقال الوزير إن البطالة انخفضت 👍🏽 by *20 percent*.' },
      });
      await services.handlers['review:annotate']({
        id: review.id,
        claims: [
          { quote: 'انخفضت 👍🏽 by 20', summary: '', rationale: '', claimant: '', claimDate: '', appearanceUrl: '', evidenceUrls: ['https://stats.example/'], status: 'reviewed', tags: ['jobs'] },
        ],
      });
      const shared = await services.handlers['share:create']({ id: review.id });
      const file = JSON.parse(Buffer.from(shared.base64, 'base64').toString('utf8')) as Record<string, unknown>;
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(JSON.parse(await readFile(SHARE_SCHEMA_PATH, 'utf8')) as object);
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ ...file, claims: [{ ...(file.claims as object[])[0], verdictId: 7 }] })).toBe(false);
      expect(validate({ ...file, version: 4 })).toBe(false);
      expect(validate({ ...file, signature: { algorithm: 'RSA', publicKey: 'x', value: 'y' } })).toBe(false);
      expect(validate({ ...file, signature: undefined })).toBe(true);
    } finally {
      await services.close();
    }
  });
});
