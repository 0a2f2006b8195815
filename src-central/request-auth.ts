import { createHash, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HEADER, MAX_CLOCK_SKEW_MS, signingString } from '../src-shared/sync/protocol';
import type { CentralDb } from './db';
import { SyncError, VerificationError } from './errors';
import { rawBody, MAX_ANY_BODY } from './http-body';
import {
  findStation,
  recordVerificationFailure,
  touchStation,
  type StationRow,
} from './store/stations';

const signers = new WeakMap<FastifyRequest, StationRow>();

/** The station that signed this request (set by `verifySignedRequest`). */
export function signer(request: FastifyRequest): StationRow {
  const station = signers.get(request);
  if (!station) throw new Error('this route is not behind verifySignedRequest');
  return station;
}

const header = (request: FastifyRequest, name: string): string | null => {
  const v = request.headers[name];
  return typeof v === 'string' && v.length > 0 ? v : null;
};

/**
 * Checks a station's request signature: Ed25519 over signingString(method, path+query,
 * timestamp, SHA-256 of the body bytes after gunzip), with the key it enrolled. The signature is
 * checked before the clock so that only a genuine station learns that its clock is off.
 */
export async function verifySignedRequest(
  db: CentralDb,
  request: FastifyRequest,
  now: number,
): Promise<void> {
  const stationId = header(request, HEADER.station);
  const timestamp = header(request, HEADER.timestamp);
  const signature = header(request, HEADER.signature);
  if (!stationId || !timestamp || !signature) {
    throw new SyncError(
      401,
      'unauthenticated',
      `A signed request needs the ${HEADER.station}, ${HEADER.timestamp} and ${HEADER.signature} headers.`,
    );
  }
  const station = await findStation(db, stationId);
  if (!station) {
    throw new SyncError(401, 'unknown-station', `Station ${stationId} is not enrolled here.`);
  }
  const ts = Number(timestamp);
  const bodyHash = createHash('sha256').update(rawBody(request, MAX_ANY_BODY)).digest('hex');
  const signed = signingString(request.method, request.url, ts, bodyHash);
  let holds = false;
  try {
    holds =
      /^\d{1,16}$/.test(timestamp) &&
      verify(
        null,
        Buffer.from(signed),
        createPublicKey(station.publicKeyPem),
        Buffer.from(signature, 'base64'),
      );
  } catch {
    holds = false;
  }
  if (!holds) {
    const err = new VerificationError(
      401,
      'unauthenticated',
      "The request signature does not verify with the station's key.",
      stationId,
      'request-signature',
    );
    await recordVerificationFailure(db, stationId, err.reason, `${request.method} ${request.url}`);
    throw err;
  }
  if (Math.abs(now - ts) > MAX_CLOCK_SKEW_MS) {
    throw new SyncError(
      401,
      'replay',
      `The request was signed at ${new Date(ts).toISOString()}, more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes from head office's clock (${new Date(now).toISOString()}): correct the clock with GET /v1/time and sign again.`,
    );
  }
  await touchStation(db, stationId, new Date(now));
  signers.set(request, station);
}

/** Bearer token of the admin endpoints, compared in constant time. */
export function adminAuthorized(request: FastifyRequest, token: string): boolean {
  const auth = request.headers.authorization ?? '';
  return tokenMatches(auth.startsWith('Bearer ') ? auth.slice(7) : '', token);
}

export function tokenMatches(given: string, token: string): boolean {
  // Digests have equal lengths, so timingSafeEqual never throws and leaks no length.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return given.length > 0 && timingSafeEqual(a, b);
}
