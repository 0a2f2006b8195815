import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { SyncErrorBody } from '../src-shared/sync/protocol';
import type { CentralDb } from './db';
import { SyncError } from './errors';
import { installRawBodyParser, MAX_ANY_BODY } from './http-body';
import { adminRoutes } from './routes/admin-routes';
import { syncRoutes } from './routes/sync-routes';

export interface CentralServerOptions {
  db: CentralDb;
  /** Bearer token of the admin and read endpoints. */
  adminToken: string;
  clock?: () => number;
  log?: (line: string) => void;
}

export function newAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The head-office HTTP API on an already migrated database. */
export function buildCentralApp(options: CentralServerOptions): FastifyInstance {
  const clock = options.clock ?? Date.now;
  const app = Fastify({ bodyLimit: MAX_ANY_BODY, logger: false });
  installRawBodyParser(app);
  app.setErrorHandler((err: FastifyError | SyncError, _request, reply) => {
    if (err instanceof SyncError) return reply.code(err.status).send(err.body());
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return reply
        .code(413)
        .send({ error: 'too-large', message: err.message } satisfies SyncErrorBody);
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: 'bad-request', message: err.message } satisfies SyncErrorBody);
    }
    options.log?.(
      `[central] ${_request.method} ${_request.url} failed: ${err.stack ?? err.message}`,
    );
    return reply.code(503).send({
      error: 'unavailable',
      message: 'Head office could not complete the request; try again later.',
    } satisfies SyncErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: 'bad-request',
      message: `No route ${request.method} ${request.url}.`,
    } satisfies SyncErrorBody),
  );
  syncRoutes(app, { db: options.db, clock });
  adminRoutes(app, { db: options.db, clock, adminToken: options.adminToken });
  return app;
}

export interface RunningCentral {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startCentralServer(
  options: CentralServerOptions & { host?: string; port?: number },
): Promise<RunningCentral> {
  const app = buildCentralApp(options);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host =
    options.host === '0.0.0.0' || options.host === undefined ? '127.0.0.1' : options.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { url, app, close: () => app.close() };
}
