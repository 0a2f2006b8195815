import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src-shared/api/domain-auth';
import { contract } from '../../src-shared/api/contract';
import { mergeDomains, defineCall } from '../../src-shared/api/define';
import { z } from 'zod';
import { AppError } from './app-error';
import { Registry } from './registry';

const inspector: SessionUser = { userId: 'u1', name: 'Li', role: 'inspector' };

function registry(
  user: SessionUser | null = inspector,
  onInternalError?: (n: string, e: unknown) => void,
) {
  const r = new Registry({
    sessions: { userFor: () => user },
    validateOutput: true,
    ...(onInternalError ? { onInternalError } : {}),
  });
  r.register({
    'system.ping': (input) => {
      if (input.value === 'boom') throw new Error('secret stack detail');
      if (input.value === 'refuse') throw new AppError('refused', 'Refused on purpose.');
      return { value: input.value };
    },
    'log.verify': () => ({ ok: true, checked: 0, firstBadSeq: null, problem: null }),
    'settings.get': () => ({ nope: true }) as never,
  });
  return r;
}
const ctx = { clientId: 'c1', transport: 'test' as const };

describe('handler registry', () => {
  it('answers a valid call with {ok:true, value}', async () => {
    expect(await registry().dispatch('system.ping', { value: 'hi' }, ctx)).toEqual({
      ok: true,
      value: { value: 'hi' },
    });
  });

  it('answers an unknown name, a non-string name and a declared-but-unregistered call cleanly', async () => {
    expect(await registry().dispatch('system.nope', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await registry().dispatch(42, {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await registry().dispatch('constructor', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await registry().dispatch('suppliers.list', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });

  it('refuses malformed input with the field and the reason', async () => {
    const r = await registry().dispatch('system.ping', { value: 7 }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!r.ok && r.error.message).toMatch(/value/);
    expect(await registry().dispatch('system.ping', { value: 'x', extra: 1 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await registry().dispatch('system.ping', 'not an object', ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('enforces sign-in and roles', async () => {
    expect(await registry(null).dispatch('log.verify', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await registry(inspector).dispatch('log.verify', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await registry({ ...inspector, role: 'qc-manager' }).dispatch('log.verify', {}, ctx),
    ).toMatchObject({ ok: true });
  });

  it('passes deliberate errors through and hides unexpected ones (no stack trace crosses)', async () => {
    const logged: unknown[] = [];
    const r = registry(inspector, (_n, e) => logged.push(e));
    expect(await r.dispatch('system.ping', { value: 'refuse' }, ctx)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Refused on purpose.' },
    });
    const boom = await r.dispatch('system.ping', { value: 'boom' }, ctx);
    expect(boom).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(boom)).not.toMatch(/secret stack detail|at /);
    expect(logged).toHaveLength(1);
  });

  it('checks outputs against the contract when asked to', async () => {
    expect(await registry().dispatch('settings.get', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('fails at start-up on a duplicate handler, an undeclared handler or a missing one', () => {
    const r = registry();
    expect(() => r.register({ 'system.ping': () => ({ value: '' }) })).toThrow(/twice/);
    expect(() => r.register({ 'system.fake': () => ({}) } as never)).toThrow(/not declared/);
    expect(() => r.assertComplete()).toThrow(/No handler for/);
  });

  it('refuses a contract that declares a call twice', () => {
    const a = {
      'x.call': defineCall({
        summary: '',
        access: 'public',
        input: z.object({}),
        output: z.object({}),
      }),
    };
    expect(() => mergeDomains(a, a)).toThrow(/declared twice/);
    expect(Object.keys(contract).length).toBeGreaterThan(10);
  });
});
