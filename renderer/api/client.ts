/**
 * The renderer's typed API: over the preload bridge in Electron, over the loopback bridge
 * in browser mode. Both answer with the same envelope; failures become ApiError.
 */
import { API_GLOBAL, CHANNELS, type Api, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/api/contract';
import { ApiError, type ApiResult } from '../../shared/api/envelope';
import { linkableAddress } from '../../shared/model/web-address';
import { shareRepeatedStrings } from './shared-strings';

type Transport = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;

function preloadTransport(): Transport | undefined {
  const exposed = (window as unknown as Record<string, unknown>)[API_GLOBAL] as Record<Channel, (input: unknown) => Promise<ApiResult<unknown>>> | undefined;
  if (!exposed) return undefined;
  return (channel, input) => exposed[channel](input);
}

const STORAGE_GONE = 'Factmark’s storage process is not answering (it may have stopped or crashed). Start Factmark again; this window keeps your changes and saves them as soon as it answers. Your last saved work is safe on disk.';

function loopbackTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="factmark-bridge-token"]')?.content ?? '';
  return async (channel, input) => {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-factmark-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'unavailable', message: STORAGE_GONE } };
    }
    // A proxy or a dying process can answer with something that is not the bridge's JSON.
    return (await response.json().catch(() => ({ ok: false, error: { code: 'unavailable', message: STORAGE_GONE } }))) as ApiResult<unknown>;
  };
}

function createApi(transport: Transport): Api {
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await transport(channel, input);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message);
    return shareRepeatedStrings(result.value) as ChannelOutput<C>;
  };
  return Object.fromEntries(CHANNELS.map((channel) => [channel, (input: never) => call(channel, input)])) as unknown as Api;
}

const preload = preloadTransport();

/** The API of this window's host. */
export const api: Api = createApi(preload ?? loopbackTransport());

/** Opens a web address in the system browser (Electron) or a new tab (browser mode); anything that fails the web address rule is ignored. */
export async function openExternalLink(url: string): Promise<void> {
  const address = linkableAddress(url);
  // Never this app's own pages (an address like http:/x once opened Factmark itself in browser mode).
  if (!address || new URL(address).origin === window.location.origin) return;
  const { opened } = await api['shell:openExternal']({ url: address });
  if (!opened) window.open(address, '_blank', 'noopener,noreferrer');
}

/** A reviewer-facing sentence for any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
