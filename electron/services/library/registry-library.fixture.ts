/**
 * A library opened as the command line opens it, called through the one handler registry, for
 * tests that drive the API over real files. Libraries opened here are closed by `closeOpened`.
 */
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/api/contract';
import { createHandlerRegistry } from '../../api/handler-registry';
import { openFactmarkServices, type FactmarkServices } from '../factmark-services';

export interface RegistryLibrary {
  services: FactmarkServices;
  dataDir: string;
  /** Calls `channel` through the registry; a refusal throws an Error carrying the error's `code`. */
  call: <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
}

const opened: RegistryLibrary[] = [];

/** Opens the library in `dataDir` (created if empty). */
export async function openRegistryLibrary(dataDir: string): Promise<RegistryLibrary> {
  const services = await openFactmarkServices({ dataDir, mode: 'cli', renderPdf: async () => new Uint8Array() });
  const registry = createHandlerRegistry({ ...services.handlers, 'shell:openExternal': async () => ({ opened: false }) });
  const library: RegistryLibrary = {
    services,
    dataDir,
    call: async (channel, input) => {
      const result = await registry.invoke(channel, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as never;
    },
  };
  opened.push(library);
  return library;
}

/** Closes `library` now (before reopening its folder, say). */
export async function closeLibrary(library: RegistryLibrary): Promise<void> {
  const index = opened.indexOf(library);
  if (index >= 0) opened.splice(index, 1);
  await library.services.close();
}

/** Closes every library still open (call in afterEach). */
export async function closeOpened(): Promise<void> {
  await Promise.all(opened.splice(0).map((library) => library.services.close()));
}
