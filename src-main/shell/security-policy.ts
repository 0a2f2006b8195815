/**
 * Every security decision the Electron shell makes, as pure functions of URLs and request
 * details. electron-main.ts only wires them to Electron's events; this module imports no
 * electron, so each decision is unit-tested here with real URLs (security-policy.test.ts).
 */
import type { IpcInvokeEventLike } from '../api/ipc-transport';

export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
/** The UI's only origin: the built renderer served by our protocol handler (never file://). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Pages the station may open in the system browser, by exact host and https only. Matching
 * parsed hosts (not string prefixes) keeps out `https://www.gs1.org.evil/` and
 * `https://www.gs1.org@evil/`.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['www.gs1.org', 'ref.gs1.org']);

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True for `app://station/…` only. Custom schemes have an opaque origin ("null") in the URL
 * standard, so scheme, host, port and credentials are compared one by one: `app://station.evil/`,
 * `app://station@evil/` (host "evil") and `app://station:1/` are all someone else.
 */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** `will-navigate` / `will-redirect`: the window stays on our pages; everything else is cancelled. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * `setWindowOpenHandler`: no new window is ever created. A link on the allow-list is handed to
 * the system browser (the normalised URL is returned), anything else is just dropped.
 */
export function windowOpenDecision(raw: string): { action: 'deny'; openExternal: string | null } {
  const url = parse(raw);
  const allowed =
    url !== null &&
    url.protocol === 'https:' &&
    EXTERNAL_HOSTS.has(url.hostname) &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return { action: 'deny', openExternal: allowed ? url.href : null };
}

/** What `setPermissionRequestHandler` is told about a request (Electron's names). */
export interface PermissionRequestLike {
  permission: string;
  requestingUrl: string;
  /** For `media`: what getUserMedia asked for. */
  mediaTypes?: readonly string[];
  isMainFrame: boolean;
}

/**
 * The camera for our own top-level page, and nothing else: no microphone (video only), no
 * notifications, geolocation, clipboard, HID/serial/USB, fullscreen requests or pointer lock.
 */
export function permissionRequestAllowed(request: PermissionRequestLike): boolean {
  const media = request.mediaTypes ?? [];
  return (
    request.permission === 'media' &&
    request.isMainFrame &&
    isAppUrl(request.requestingUrl) &&
    media.length > 0 &&
    media.every((t) => t === 'video')
  );
}

/**
 * `setPermissionCheckHandler` (synchronous checks such as enumerateDevices' labels): the same
 * rule, given an origin (`app://station`) and Electron's single `mediaType`.
 */
export function permissionCheckAllowed(
  permission: string,
  requestingOrigin: string,
  mediaType: string | undefined,
): boolean {
  return permission === 'media' && isAppUrl(requestingOrigin) && mediaType === 'video';
}

/**
 * Which IPC senders may call the station: the main frame (not an iframe) of one of our own
 * windows, showing a page from our origin. `windowContentsIds` are the webContents ids of the
 * windows the shell created; a webContents the shell did not create (a devtools page, a stray
 * window) is refused even if it shows our URL.
 */
export function ipcSenderAllowed(
  event: IpcInvokeEventLike,
  windowContentsIds: ReadonlySet<number>,
): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!windowContentsIds.has(event.sender.id)) return false;
  return isAppUrl(frame.url);
}
