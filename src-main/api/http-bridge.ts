import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, type ApiErrorCode, type Result } from '../../src-shared/api/result';
import type { PushBus } from './push-bus';
import type { Registry } from './registry';

export interface HttpBridgeOptions {
  registry: Registry;
  bus: PushBus;
  host: string;
  port: number;
  /** Built renderer (index.html + assets); when absent only the API is served. */
  rendererDir: string | null;
  /** Per-start secret; generated when not given. */
  token?: string;
  /** Extra page origins allowed to call (the Vite dev server during `npm run dev`). */
  allowedOrigins?: readonly string[];
  /** Called once the server listens, with the real port (useful with port 0). */
  log?: (line: string) => void;
}

export interface HttpBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_call: 404,
  unauthenticated: 401,
  bad_token: 401,
  forbidden: 403,
  bad_origin: 403,
  not_found: 404,
  conflict: 409,
  refused: 422,
  locked: 423,
  unavailable: 503,
  internal: 500,
};

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Body limit of `photos.upload`: the largest photo's base64 plus room for the JSON around it. */
const PHOTO_BODY_LIMIT = 16 * 1_048_576;

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Browser mode: the same handlers as Electron IPC, over HTTP POST (calls) and a WebSocket
 * (pushed events), bound to loopback by default. Three locks keep other web pages and other
 * machines out: the Host header must name this server (DNS rebinding), a foreign Origin is
 * refused (CSRF), and every call carries the per-start token that only our served page receives.
 */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1_048_576 });
  await app.register(fastifyWebsocket, { options: { maxPayload: 65_536 } });
  const loopbackOnly = LOOPBACK_NAMES.has(options.host);
  let boundPort = options.port;

  const hostAllowed = (req: FastifyRequest): boolean => {
    const host = req.headers.host ?? '';
    if (!loopbackOnly) return host.length > 0;
    const name = host.replace(/:\d+$/, '');
    const port = host.match(/:(\d+)$/)?.[1];
    return LOOPBACK_NAMES.has(name) && port === String(boundPort);
  };
  const originAllowed = (req: FastifyRequest): boolean => {
    const origin = req.headers.origin;
    // Browsers always send Origin on POST and WebSocket; tools such as curl do not (they still need the token).
    if (origin === undefined) return true;
    return (
      origin === `http://${req.headers.host ?? ''}` ||
      (options.allowedOrigins ?? []).includes(origin)
    );
  };
  const tokenValid = (candidate: string | undefined): boolean => {
    if (!candidate) return false;
    const buf = Buffer.from(candidate);
    return buf.length === tokenBuf.length && timingSafeEqual(buf, tokenBuf);
  };
  const send = (reply: FastifyReply, result: Result<unknown>): FastifyReply =>
    reply
      .code(result.ok ? 200 : STATUS[result.error.code])
      .header('cache-control', 'no-store')
      .send(result);

  app.addHook('onRequest', async (req, reply) => {
    if (!hostAllowed(req)) {
      await send(reply, fail('bad_origin', 'This station answers only on its own address.'));
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  // Whatever goes wrong before a handler runs (bad JSON, wrong content type, unknown path) is
  // still answered in the one envelope the UI understands.
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _req, reply) => {
    const status = error.statusCode ?? 500;
    return send(
      reply,
      status < 500
        ? fail('invalid_input', `The request could not be read: ${error.message}`)
        : fail('internal', 'The station could not answer this request.'),
    ).code(status < 500 ? 400 : 500);
  });
  app.setNotFoundHandler(async (_req, reply) => send(reply, fail('not_found', 'Nothing here.')));

  app.get('/health', async (_req, reply) =>
    reply.header('cache-control', 'no-store').send({ ok: true }),
  );

  const call = async (name: string, req: FastifyRequest, reply: FastifyReply) => {
    if (!originAllowed(req))
      return send(reply, fail('bad_origin', 'Calls from other web pages are refused.'));
    const auth = req.headers.authorization;
    if (!tokenValid(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined)) {
      return send(
        reply,
        fail('bad_token', 'This screen is not connected to the station: reload the page.'),
      );
    }
    const clientId = req.headers['x-qcs-client'];
    if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
      return send(reply, fail('invalid_input', 'The X-QCS-Client header is missing or malformed.'));
    }
    const result = await options.registry.dispatch(name, req.body, {
      clientId,
      transport: 'http',
    });
    return send(reply, result);
  };
  app.post<{ Params: { name: string } }>('/api/call/:name', (req, reply) =>
    call(req.params.name, req, reply),
  );
  // A photo upload is the one call with a big body (up to 10 MiB, ~14 MB as base64). It gets
  // its own route with its own limit, so every other call keeps the 1 MiB cap and no other
  // request can make the station buffer and parse megabytes of JSON.
  app.post('/api/call/photos.upload', { bodyLimit: PHOTO_BODY_LIMIT }, (req, reply) =>
    call('photos.upload', req, reply),
  );

  app.get<{ Querystring: { token?: string; client?: string } }>(
    '/api/events',
    { websocket: true },
    (socket, req) => {
      if (!originAllowed(req) || !tokenValid(req.query.token)) {
        socket.close(4401, 'refused');
        return;
      }
      const unsubscribe = options.bus.subscribe((event, payload) => {
        socket.send(JSON.stringify({ event, payload }));
      });
      socket.on('close', unsubscribe);
      socket.on('message', () => {
        // Events flow one way; anything a page sends here is ignored.
      });
    },
  );

  if (options.rendererDir) {
    const indexHtml = readFileSync(join(options.rendererDir, 'index.html'), 'utf8');
    const page = indexHtml.replace(
      '<head>',
      `<head>\n    <meta name="qcs-token" content="${token}" />`,
    );
    const servePage = async (_req: FastifyRequest, reply: FastifyReply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', contentSecurityPolicy())
        .send(page);
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      index: false,
      // index.html is served by the routes below, with the token; never as a plain file.
      allowedPath: (pathName) => pathName !== '/index.html',
      setHeaders: (res) => {
        res.setHeader('content-security-policy', contentSecurityPolicy());
      },
    });
    app.get('/', servePage);
    app.get('/index.html', servePage);
  }

  const address = await app.listen({ host: options.host, port: options.port });
  boundPort = Number(new URL(address).port);
  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${displayHost}:${boundPort}/`,
    port: boundPort,
    token,
    close: () => app.close(),
  };
}
