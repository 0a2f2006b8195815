import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  checkpointUpload,
  enrollRequest,
  eventBatch,
  MASTER_PAGE_SIZE,
  MAX_PHOTO_BYTES,
} from '../../src-shared/sync/protocol';
import type { CentralDb } from '../db';
import { SyncError } from '../errors';
import { intParam, jsonBody, rawBody } from '../http-body';
import { ingestBatch } from '../ingest';
import { signer, verifySignedRequest } from '../request-auth';
import { enroll, stationState, uploadCheckpoints } from '../station-service';
import { hasPhoto, storePhoto } from '../store/photos';
import { masterPage } from '../store/master-data';

export interface SyncRoutesOptions {
  db: CentralDb;
  clock: () => number;
}

const SHA256 = /^[0-9a-f]{64}$/;

function photoHash(params: unknown): string {
  const sha = (params as { sha256?: string }).sha256 ?? '';
  if (!SHA256.test(sha))
    throw new SyncError(400, 'bad-request', 'A photo is named by its SHA-256 in lowercase hex.');
  return sha;
}

/** The station-facing API (docs/sync-protocol.md). */
export function syncRoutes(app: FastifyInstance, { db, clock }: SyncRoutesOptions): void {
  const now = () => new Date(clock());

  // Unsigned: a station whose clock is off learns head office's time here.
  app.get('/v1/time', () => ({ serverTime: clock() }));

  app.post('/v1/enroll', (request) => enroll(db, jsonBody(request, enrollRequest), now()));

  // Everything else is signed by an enrolled station.
  void app.register((signed, _opts, done) => {
    signed.addHook('preHandler', (request) => verifySignedRequest(db, request, clock()));

    signed.get('/v1/station', (request) => stationState(db, signer(request).stationId, now()));

    signed.post('/v1/events', (request) => {
      const station = signer(request);
      return ingestBatch(
        db,
        station.stationId,
        station.publicKeyPem,
        jsonBody(request, eventBatch),
        now(),
      );
    });

    signed.post('/v1/checkpoints', (request) => {
      const station = signer(request);
      const { checkpoints } = jsonBody(request, checkpointUpload);
      return uploadCheckpoints(db, station.stationId, station.publicKeyPem, checkpoints);
    });

    signed.head('/v1/photos/:sha256', async (request, reply) => {
      const found = await hasPhoto(db, photoHash(request.params));
      return reply.code(found ? 200 : 404).send();
    });

    signed.put('/v1/photos/:sha256', async (request, reply) => {
      const sha = photoHash(request.params);
      const bytes = rawBody(request, MAX_PHOTO_BYTES);
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== sha) {
        throw new SyncError(422, 'photo-mismatch', `The bytes hash to ${actual}, not to ${sha}.`);
      }
      const created = await storePhoto(db, sha, bytes);
      return reply.code(created ? 201 : 200).send({ sha256: sha, size: bytes.length, created });
    });

    signed.get('/v1/master-data', (request) => {
      const query = request.query as Record<string, unknown>;
      const after = intParam(query.after, 'after', 0, Number.MAX_SAFE_INTEGER, 0);
      const limit = intParam(query.limit, 'limit', 1, 5000, MASTER_PAGE_SIZE);
      return masterPage(db, after, limit, query.refresh === '1');
    });
    done();
  });
}
