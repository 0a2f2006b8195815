import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  ipcSenderAllowed,
  isAppUrl,
  navigationAllowed,
  permissionCheckAllowed,
  permissionRequestAllowed,
  windowOpenDecision,
} from './security-policy';

/** URLs that look like ours, or like nothing, and are not ours. */
const FOREIGN = [
  'app://station.evil/index.html',
  'app://station@evil/index.html',
  'app://evil@station.evil/',
  'app://user:pw@station/index.html',
  'app://station:8080/index.html',
  'app://other/index.html',
  'apps://station/index.html',
  'javascript:alert(1)',
  'javascript://station/%0Aalert(1)',
  'file:///etc/passwd',
  'file://station/index.html',
  'data:text/html,<h1>hi</h1>',
  'blob:app://station/123',
  'http://127.0.0.1:4780/',
  'http://localhost/',
  'https://station/',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  '',
  'not a url',
];

describe('our origin', () => {
  it('is app://station and its paths only', () => {
    expect(APP_ORIGIN).toBe('app://station');
    for (const url of ['app://station/', 'app://station/index.html', 'app://station/a/b?x=1#y'])
      expect(isAppUrl(url), url).toBe(true);
    for (const url of FOREIGN) expect(isAppUrl(url), url).toBe(false);
  });
});

describe('navigation', () => {
  it('stays on our pages: every other origin is blocked', () => {
    expect(navigationAllowed('app://station/index.html#/intake')).toBe(true);
    for (const url of [...FOREIGN, 'https://www.gs1.org/', 'https://evil.example/'])
      expect(navigationAllowed(url), url).toBe(false);
  });
});

describe('window.open', () => {
  it('never opens a window; only allow-listed https pages go to the system browser', () => {
    expect(windowOpenDecision('https://www.gs1.org/standards/barcodes')).toEqual({
      action: 'deny',
      openExternal: 'https://www.gs1.org/standards/barcodes',
    });
    expect(windowOpenDecision('https://ref.gs1.org/ai/')).toEqual({
      action: 'deny',
      openExternal: 'https://ref.gs1.org/ai/',
    });
    for (const url of [
      ...FOREIGN,
      // Our own page in a new window is refused too: the station has one window.
      'app://station/index.html',
      'http://www.gs1.org/',
      'https://www.gs1.org.evil.example/',
      'https://www.gs1.org@evil.example/',
      'https://evil.example/?https://www.gs1.org/',
      'https://gs1.org/',
      'https://www.gs1.org:8443/',
      'https://user@www.gs1.org/',
    ]) {
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternal: null });
    }
  });
});

describe('permissions', () => {
  const camera = {
    permission: 'media',
    requestingUrl: 'app://station/index.html',
    mediaTypes: ['video'],
    isMainFrame: true,
  };

  it('grants the camera to our page', () => {
    expect(permissionRequestAllowed(camera)).toBe(true);
  });

  it('denies the microphone, other origins, subframes and every other permission', () => {
    const denied = [
      { ...camera, mediaTypes: ['audio'] },
      { ...camera, mediaTypes: ['video', 'audio'] },
      { ...camera, mediaTypes: [] },
      { ...camera, mediaTypes: undefined },
      { ...camera, isMainFrame: false },
      ...FOREIGN.map((requestingUrl) => ({ ...camera, requestingUrl })),
      ...[
        'geolocation',
        'notifications',
        'midi',
        'midiSysex',
        'pointerLock',
        'fullscreen',
        'openExternal',
        'clipboard-read',
        'clipboard-sanitized-write',
        'display-capture',
        'hid',
        'serial',
        'usb',
        'idle-detection',
        'mediaKeySystem',
        'window-management',
        'unknown',
      ].map((permission) => ({ ...camera, permission })),
    ];
    for (const request of denied)
      expect(permissionRequestAllowed(request), JSON.stringify(request)).toBe(false);
  });

  it('answers permission checks the same way: camera for our origin only', () => {
    expect(permissionCheckAllowed('media', 'app://station', 'video')).toBe(true);
    expect(permissionCheckAllowed('media', 'app://station/', 'video')).toBe(true);
    expect(permissionCheckAllowed('media', 'app://station', 'audio')).toBe(false);
    expect(permissionCheckAllowed('media', 'app://station', 'unknown')).toBe(false);
    expect(permissionCheckAllowed('media', 'app://station', undefined)).toBe(false);
    expect(permissionCheckAllowed('media', 'http://127.0.0.1:4780', 'video')).toBe(false);
    expect(permissionCheckAllowed('media', 'app://station.evil', 'video')).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'usb'])
      expect(permissionCheckAllowed(p, 'app://station', 'video'), p).toBe(false);
  });
});

describe('IPC senders', () => {
  const ours = new Set([3]);
  const sender = (url: string, parent: unknown = null, id = 3) => ({
    sender: { id },
    senderFrame: { url, parent },
  });

  it('accepts the main frame of our window on our origin', () => {
    expect(ipcSenderAllowed(sender('app://station/index.html'), ours)).toBe(true);
  });

  it('refuses foreign origins, subframes, other webContents and vanished frames', () => {
    for (const url of FOREIGN) expect(ipcSenderAllowed(sender(url), ours), url).toBe(false);
    expect(
      ipcSenderAllowed(sender('app://station/index.html', { url: 'app://station/' }), ours),
    ).toBe(false);
    expect(ipcSenderAllowed(sender('app://station/index.html', null, 4), ours)).toBe(false);
    expect(ipcSenderAllowed({ sender: { id: 3 }, senderFrame: null }, ours)).toBe(false);
  });
});
