/**
 * The single dispatch table between the API contract and the services. IPC, the loopback
 * bridge and the CLI all call `invoke`, so every argument is parsed by the contract's zod
 * schema before a service sees it, whatever the transport.
 */
import { CHANNELS, contract, type Channel, type Handlers } from '../../shared/api/contract';
import { ApiError, type ApiResult } from '../../shared/api/envelope';
import { describeIssues } from '../../shared/api/plain-issues';

export interface HandlerRegistry {
  /** True when `name` is a channel of the contract. */
  has(name: string): name is Channel;
  /** Validates `rawInput` for `channel`, runs its handler and wraps the outcome; never throws. */
  invoke(channel: Channel, rawInput: unknown): Promise<ApiResult<unknown>>;
}

/** Builds the registry over `handlers`; `onInternalError` hears about bugs (not user errors). */
export function createHandlerRegistry(
  handlers: Handlers,
  onInternalError: (channel: Channel, error: unknown) => void = (channel, error) =>
    console.error(`[factmark] ${channel} failed:`, error),
): HandlerRegistry {
  const names = new Set<string>(CHANNELS);
  return {
    has: (name: string): name is Channel => names.has(name),
    async invoke(channel, rawInput) {
      const parsed = contract[channel].input.safeParse(rawInput);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', message: `${describeIssues(parsed.error, 'the request')} Nothing was changed.` } };
      }
      try {
        // The map is keyed by channel, so the handler and its parsed input always match.
        const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
        onInternalError(channel, error);
        return {
          ok: false,
          error: { code: 'internal', message: 'Factmark hit an unexpected problem; your saved work is untouched. Try again, and report it if it keeps happening.' },
        };
      }
    },
  };
}
