import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../api/http-bridge';
import { appResponseHeaders, routeAppRequest } from './app-responses';

const root = '/opt/qcs/out/renderer';

describe('app:// responses', () => {
  it('carry the strict Content-Security-Policy, the same as browser mode', () => {
    const headers = appResponseHeaders(join(root, 'index.html'));
    const csp = headers['content-security-policy'] ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'media-src': "'self' blob: mediastream:",
      'connect-src': "'self'",
      'worker-src': "'self' blob:",
      'font-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'none'",
    });
    // No inline script or eval anywhere in the policy.
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(csp).toBe(contentSecurityPolicy());
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('types wasm and scripts for the barcode worker', () => {
    expect(appResponseHeaders('/x/zxing_reader.wasm')['content-type']).toBe('application/wasm');
    expect(appResponseHeaders('/x/a.js')['content-type']).toBe('text/javascript');
    expect(appResponseHeaders('/x/unknown.bin')['content-type']).toBe('application/octet-stream');
  });

  it('maps app://station/ paths into the renderer folder and nowhere else', () => {
    expect(routeAppRequest('app://station/', root)).toEqual({
      kind: 'file',
      file: join(root, 'index.html'),
    });
    expect(routeAppRequest('app://station/assets/a.js?v=1', root)).toEqual({
      kind: 'file',
      file: join(root, 'assets', 'a.js'),
    });
    // The URL parser resolves encoded dots itself: this one stays inside the renderer folder.
    expect(routeAppRequest('app://station/%2e%2e/%2e%2e/secret', root)).toEqual({
      kind: 'file',
      file: join(root, 'secret'),
    });
    expect(routeAppRequest('app://station/..%2f..%2fsecret', root)).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect(routeAppRequest('app://station/%E0%A4%A', root)).toEqual({
      kind: 'refused',
      status: 400,
    });
    expect(routeAppRequest('app://other/index.html', root)).toEqual({
      kind: 'refused',
      status: 404,
    });
    expect(routeAppRequest('app://station.evil/index.html', root)).toEqual({
      kind: 'refused',
      status: 404,
    });
    expect(routeAppRequest('app://station@evil/index.html', root)).toEqual({
      kind: 'refused',
      status: 404,
    });
  });
});
