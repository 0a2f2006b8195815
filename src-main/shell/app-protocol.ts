import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { appResponseHeaders, routeAppRequest } from './app-responses';
import { APP_SCHEME } from './security-policy';

/** Must run before `app.whenReady()`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/** Serves the built renderer from app://station/ (never file://), with the strict CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const route = routeAppRequest(request.url, rendererDir);
    if (route.kind === 'refused') return new Response('refused', { status: route.status });
    const response = await net.fetch(pathToFileURL(route.file).toString());
    if (!response.ok) return new Response('not found', { status: 404 });
    return new Response(response.body, { status: 200, headers: appResponseHeaders(route.file) });
  });
}
