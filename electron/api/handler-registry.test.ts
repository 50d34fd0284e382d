import { describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/envelope';
import { createHandlerRegistry } from './handler-registry';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const unexpected = async (): Promise<never> => {
    throw new Error('not expected in this test');
  };
  return new Proxy(overrides, { get: (target, key: string) => target[key as keyof Handlers] ?? unexpected }) as Handlers;
}

describe('createHandlerRegistry', () => {
  it('refuses input that does not match the contract before the handler runs', async () => {
    const getReview = vi.fn();
    const registry = createHandlerRegistry(handlersWith({ 'review:get': getReview }));
    const result = await registry.invoke('review:get', { id: '../../etc/passwd' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-input');
    expect(!result.ok && result.error.message).toContain('id');
    expect(getReview).not.toHaveBeenCalled();
  });

  it('refuses unknown fields, so a caller cannot smuggle data past the schema', async () => {
    const registry = createHandlerRegistry(handlersWith({}));
    const result = await registry.invoke('review:delete', { id: 'abcdefgh-1234', extra: true });
    expect(result.ok).toBe(false);
  });

  it('refuses a link that is not http(s)', async () => {
    const open = vi.fn();
    const registry = createHandlerRegistry(handlersWith({ 'shell:openExternal': open }));
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'not a url']) {
      expect((await registry.invoke('shell:openExternal', { url })).ok).toBe(false);
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('passes reviewer-facing errors through and hides internal ones', async () => {
    const onInternalError = vi.fn();
    const registry = createHandlerRegistry(
      handlersWith({
        'review:get': async () => {
          throw new ApiError('not-found', 'That review is not in the library.');
        },
        'review:list': async () => {
          throw new TypeError('x is undefined');
        },
      }),
      onInternalError,
    );
    expect(await registry.invoke('review:get', { id: 'abcdefgh-1234' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That review is not in the library.' },
    });
    const internal = await registry.invoke('review:list', {});
    expect(!internal.ok && internal.error.code).toBe('internal');
    expect(!internal.ok && internal.error.message).not.toContain('undefined');
    expect(onInternalError).toHaveBeenCalledOnce();
  });

  it('knows exactly the channels of the contract', () => {
    const registry = createHandlerRegistry(handlersWith({}));
    expect(registry.has('review:list')).toBe(true);
    expect(registry.has('constructor')).toBe(false);
    expect(registry.has('__proto__')).toBe(false);
  });
});
