import { describe, expect, it } from 'vitest';
import { createIpcCallHandler, isTrustedSender, type IpcInvokeEventLike } from './ipc-transport';
import { Registry } from './registry';

const event = (url: string, parent: unknown = null): IpcInvokeEventLike => ({
  sender: { id: 7 },
  senderFrame: { url, parent },
});

function handler() {
  const seen: string[] = [];
  const registry = new Registry({
    sessions: {
      userFor: (clientId) => {
        seen.push(clientId);
        return null;
      },
    },
  });
  registry.register({ 'system.ping': (input) => ({ value: input.value }) });
  return { call: createIpcCallHandler(registry), seen };
}

// Electron's runtime cannot run here; the IPC transport is exercised through the exact listener
// the shell registers with ipcMain.handle, given events shaped like Electron's.
describe('Electron IPC transport', () => {
  it('dispatches calls from our own top-level page, one session per window', async () => {
    const { call, seen } = handler();
    expect(await call(event('app://station/index.html'), 'system.ping', { value: 'a' })).toEqual({
      ok: true,
      value: { value: 'a' },
    });
    expect(seen).toEqual(['ipc:7']);
  });

  it('refuses foreign frames: other origins, file://, subframes, no frame', async () => {
    const { call } = handler();
    for (const e of [
      event('https://evil.example/'),
      event('file:///tmp/index.html'),
      event('app://other/index.html'),
      event('http://127.0.0.1:4780/'),
      event('app://station/index.html', {}),
      { sender: { id: 1 }, senderFrame: null },
      event('not a url'),
    ]) {
      expect(isTrustedSender(e)).toBe(false);
      expect(await call(e, 'system.ping', { value: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'bad_origin' },
      });
    }
  });

  it('answers malformed input and unknown names cleanly', async () => {
    const { call } = handler();
    const trusted = event('app://station/');
    expect(await call(trusted, 'system.ping', { value: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call(trusted, 'nope.nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
    expect(await call(trusted, undefined, undefined)).toMatchObject({
      ok: false,
      error: { code: 'unknown_call' },
    });
  });
});
