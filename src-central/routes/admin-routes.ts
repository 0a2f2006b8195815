import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CentralDb } from '../db';
import { SyncError } from '../errors';
import { intParam, jsonBody } from '../http-body';
import { importMasterData } from '../import';
import { adminAuthorized, tokenMatches } from '../request-auth';
import { createEnrollCode } from '../store/enrollment';
import { queryEvents } from '../store/events';
import { raiseRefreshFloor } from '../store/master-data';
import { stationStats } from '../store/stations';
import { statusPage } from './status-page';

export interface AdminRoutesOptions {
  db: CentralDb;
  clock: () => number;
  adminToken: string;
}

export const importRequest = z
  .object({
    fileName: z.string().min(1).max(300),
    format: z.enum(['json', 'csv']).optional(),
    text: z.string(),
  })
  .strict();

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** Head office's own API: the CLI's admin calls, the read API for BI tools, the status page. */
export function adminRoutes(
  app: FastifyInstance,
  { db, clock, adminToken }: AdminRoutesOptions,
): void {
  // Without the token the page shows totals only; with it (header or ?token=) every station.
  app.get('/', async (request, reply) => {
    const token = text((request.query as Record<string, unknown>).token);
    const authorized =
      adminAuthorized(request, adminToken) || tokenMatches(token ?? '', adminToken);
    const html = statusPage(await stationStats(db), authorized, new Date(clock()));
    return reply.type('text/html; charset=utf-8').send(html);
  });

  void app.register((admin, _opts, done) => {
    admin.addHook('preHandler', (request: FastifyRequest) =>
      adminAuthorized(request, adminToken)
        ? Promise.resolve()
        : Promise.reject(
            new SyncError(
              401,
              'unauthenticated',
              'This endpoint needs the admin token (Authorization: Bearer …).',
            ),
          ),
    );
    admin.post('/admin/enroll-codes', () => createEnrollCode(db, new Date(clock())));
    admin.get('/admin/stats', async () => ({ stations: await stationStats(db) }));
    admin.get('/api/stations', async () => ({ stations: await stationStats(db) }));
    admin.post('/admin/import', (request) =>
      importMasterData(db, jsonBody(request, importRequest)),
    );
    admin.post('/admin/full-refresh', async () => ({ floor: await raiseRefreshFloor(db) }));
    admin.get('/api/events', async (request) => {
      const q = request.query as Record<string, unknown>;
      const limit = intParam(q.limit, 'limit', 1, 5000, 500);
      const events = await queryEvents(db, {
        station: text(q.station),
        lot: text(q.lot),
        supplier: text(q.supplier),
        type: text(q.type),
        afterStation: text(q.afterStation),
        afterSeq:
          q.afterSeq === undefined
            ? undefined
            : intParam(q.afterSeq, 'afterSeq', 0, Number.MAX_SAFE_INTEGER, 0),
        limit,
      });
      const last = events.at(-1);
      // Keyset paging: pass these back as afterStation/afterSeq for the next page.
      const next =
        events.length === limit && last
          ? { afterStation: last.stationId, afterSeq: last.seq }
          : null;
      return { events, next };
    });
    done();
  });
}
