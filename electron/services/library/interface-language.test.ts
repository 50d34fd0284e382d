import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlerRegistry } from '../../api/handler-registry';
import { openFactmarkServices } from '../factmark-services';

async function openApp(dataDir: string) {
  const services = await openFactmarkServices({ dataDir, mode: 'browser', renderPdf: async () => new Uint8Array() });
  const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) }, () => undefined);
  return { services, registry };
}

describe('the interface language of a data folder', () => {
  it('is English until one is chosen, and the choice is in library.json at the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-language-'));
    const first = await openApp(dataDir);
    expect(await first.registry.invoke('app:info', {})).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(await first.registry.invoke('settings:setLanguage', { language: 'ar' })).toEqual({ ok: true, value: { language: 'ar' } });
    await first.services.close();

    expect(JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))).toMatchObject({ uiLanguage: 'ar' });
    const second = await openApp(dataDir);
    expect(await second.registry.invoke('app:info', {})).toMatchObject({ ok: true, value: { language: 'ar' } });
    await second.services.close();
  });

  it('refuses a language Factmark does not speak, in words, and changes nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-language-'));
    const { services, registry } = await openApp(dataDir);
    await registry.invoke('settings:setLanguage', { language: 'fr' });
    const before = await readFile(join(dataDir, 'library.json'), 'utf8');
    for (const language of ['de', 'AR', '', 'ar-EG']) {
      const answer = await registry.invoke('settings:setLanguage', { language });
      expect(answer, language).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/one of "en", "ar", "fr", "es"\. Nothing was changed\./) } });
    }
    expect(await readFile(join(dataDir, 'library.json'), 'utf8')).toBe(before);
    expect(await registry.invoke('app:info', {})).toMatchObject({ ok: true, value: { language: 'fr' } });
    await services.close();
  });

  it('falls back to English for a library.json that names a language Factmark does not speak', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'factmark-language-'));
    const first = await openApp(dataDir);
    await first.services.close();
    const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dataDir, 'library.json'), JSON.stringify({ ...library, uiLanguage: 'tlh' }));

    const second = await openApp(dataDir);
    // Read as it is (not set aside as damaged), and shown in English.
    expect(await second.registry.invoke('app:info', {})).toMatchObject({ ok: true, value: { language: 'en', notices: [] } });
    await second.services.close();
  });
});
