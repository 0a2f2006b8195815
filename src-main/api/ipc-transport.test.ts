import { describe, expect, it } from 'vitest';
import { ipcSenderAllowed } from '../shell/security-policy';
import { createIpcCallHandler, type IpcInvokeEventLike } from './ipc-transport';
import { Registry } from './registry';

const OUR_WINDOW = 7;
const event = (url: string, parent: unknown = null, id = OUR_WINDOW): IpcInvokeEventLike => ({
  sender: { id },
  senderFrame: { url, parent },
});

/** A registry whose session lookup and handler record every call that gets through. */
function handler() {
  const sessionsAsked: string[] = [];
  const handled: string[] = [];
  const registry = new Registry({
    sessions: {
      userFor: (clientId) => {
        sessionsAsked.push(clientId);
        return null;
      },
    },
  });
  registry.register({
    'system.ping': (input) => {
      handled.push(input.value);
      return { value: input.value };
    },
  });
  // The exact predicate the shell passes (electron-main.ts), with our one window.
  const call = createIpcCallHandler(registry, (e: IpcInvokeEventLike) =>
    ipcSenderAllowed(e, new Set([OUR_WINDOW])),
  );
  return { call, sessionsAsked, handled };
}

// Electron's runtime cannot run here; the IPC transport is exercised through the exact listener
// the shell registers with ipcMain.handle, given events shaped like Electron's.
describe('Electron IPC transport', () => {
  it('dispatches calls from our own top-level page, one session per window', async () => {
    const { call, sessionsAsked, handled } = handler();
    expect(await call(event('app://station/index.html'), 'system.ping', { value: 'a' })).toEqual({
      ok: true,
      value: { value: 'a' },
    });
    expect(sessionsAsked).toEqual(['ipc:7']);
    expect(handled).toEqual(['a']);
  });

  it('refuses foreign frames with forbidden, before anything reaches the registry', async () => {
    const { call, sessionsAsked, handled } = handler();
    const foreign: IpcInvokeEventLike[] = [
      event('https://evil.example/'),
      event('file:///tmp/index.html'),
      event('app://other/index.html'),
      event('app://station.evil/index.html'),
      event('app://station@evil/index.html'),
      event('http://127.0.0.1:4780/'),
      event('data:text/html,<script>station.call()</script>'),
      // An iframe inside our page, even one showing our origin.
      event('app://station/index.html', { url: 'app://station/index.html' }),
      // Our URL, but in a webContents the shell did not create (devtools, a stray window).
      event('app://station/index.html', null, 99),
      { sender: { id: OUR_WINDOW }, senderFrame: null },
      event('not a url'),
    ];
    for (const e of foreign) {
      expect(await call(e, 'system.ping', { value: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    // Not even the session lookup ran: the refusal happens before dispatch.
    expect(sessionsAsked).toEqual([]);
    expect(handled).toEqual([]);
  });

  it('answers malformed input and unknown names cleanly', async () => {
    const { call, handled } = handler();
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
    expect(handled).toEqual([]);
  });
});
