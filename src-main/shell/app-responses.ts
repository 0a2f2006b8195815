/**
 * What the `app://` protocol answers, decided without Electron: which file a URL names (never
 * outside the built renderer), and the headers every response carries. app-protocol.ts only
 * reads the file and hands Electron the result.
 */
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security-policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The headers of every app:// response. The policy is written out as one literal (rather than
 * composed) so Electronegativity's CSP check can read and grade it; app-responses.test.ts checks
 * it equals the browser-mode bridge's policy, so both transports serve the page under the same
 * rules. 'wasm-unsafe-eval' is for zxing-wasm
 * (compiling WebAssembly, not eval of strings); blob: workers and media are the barcode worker
 * and the camera preview.
 */
export function appResponseHeaders(file: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };
  headers['content-security-policy'] =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'; worker-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
  return headers;
}

export type AppRoute =
  { kind: 'file'; file: string } | { kind: 'refused'; status: 400 | 403 | 404 };

/** Maps `app://station/<path>` to a file under `rendererDir`; `/` is index.html. */
export function routeAppRequest(rawUrl: string, rendererDir: string): AppRoute {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '')
    return { kind: 'refused', status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(
      url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname,
    );
  } catch {
    return { kind: 'refused', status: 400 };
  }
  // Decoding may reveal "..": resolve, then insist the result is still inside the renderer.
  const root = normalize(rendererDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root) || relative.includes('\0')) return { kind: 'refused', status: 403 };
  return { kind: 'file', file };
}
