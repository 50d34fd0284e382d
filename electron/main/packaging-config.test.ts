/**
 * The packaged app's Electron fuses, as electron-builder.yml declares them: each one that keeps
 * a packaged Factmark from being run as plain Node, inspected, or loaded from outside its asar.
 */
import { readFile } from 'node:fs/promises';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';

/** A fuse electron-builder knows, so a misspelt name here fails the typecheck. */
type FuseName = keyof NonNullable<Configuration['electronFuses']>;

const configFile = new URL('../../electron-builder.yml', import.meta.url);

/** Each security fuse and the only safe setting for it, with why. */
const SAFE_FUSES: Partial<Record<FuseName, { safe: boolean; why: string }>> = {
  runAsNode: { safe: false, why: 'ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node' },
  enableCookieEncryption: { safe: true, why: 'cookies on disk are encrypted with the OS keychain' },
  enableNodeOptionsEnvironmentVariable: { safe: false, why: 'NODE_OPTIONS could preload any script into the main process' },
  enableNodeCliInspectArguments: { safe: false, why: '--inspect would let anyone on the machine debug the main process' },
  enableEmbeddedAsarIntegrityValidation: { safe: true, why: 'a changed app.asar must not load' },
  onlyLoadAppFromAsar: { safe: true, why: 'an app folder dropped beside the asar must not load instead' },
  grantFileProtocolExtraPrivileges: { safe: false, why: 'file:// must keep no special powers (the app uses app://)' },
};

/** electron-builder.yml as electron-builder reads it; values are checked, not trusted to match the type. */
async function packagingConfig(): Promise<{ asar?: unknown; electronFuses?: Partial<Record<FuseName, unknown>> }> {
  const parsed = load(await readFile(configFile, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('electron-builder.yml holds no settings');
  return parsed;
}

describe('the packaging config', () => {
  test.each(Object.entries(SAFE_FUSES))('sets the fuse %s the safe way', async (fuse, { safe, why }) => {
    const fuses = (await packagingConfig()).electronFuses ?? {};
    expect(fuses[fuse as FuseName], `${fuse} must be ${safe}: ${why}`).toBe(safe);
  });

  test('packs the app into an asar archive, which the integrity fuses check', async () => {
    expect((await packagingConfig()).asar).toBe(true);
  });
});
