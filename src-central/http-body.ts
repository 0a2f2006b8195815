import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { MAX_BODY_BYTES, MAX_PHOTO_BYTES } from '../src-shared/sync/protocol';
import { SyncError } from './errors';

/** The largest body any route takes, after gunzip (photos are the largest). */
export const MAX_ANY_BODY = Math.max(MAX_BODY_BYTES, MAX_PHOTO_BYTES);

const tooLarge = (limit: number) =>
  new SyncError(413, 'too-large', `The body is larger than ${limit} bytes (after gunzip).`);

/**
 * Every body is kept as the exact bytes received (gunzipped when sent with Content-Encoding:
 * gzip): request signatures are over those bytes, and JSON is parsed per route afterwards. The
 * gunzip output is bounded, so a small compressed body cannot expand without limit.
 */
export function installRawBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: MAX_ANY_BODY },
    (
      request: FastifyRequest,
      body: Buffer | string,
      done: (err: Error | null, body?: Buffer) => void,
    ) => {
      const raw = typeof body === 'string' ? Buffer.from(body) : body;
      const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding === 'identity') return done(null, raw);
      if (encoding !== 'gzip') {
        return done(new SyncError(415, 'bad-request', `Unsupported Content-Encoding ${encoding}.`));
      }
      try {
        done(null, gunzipSync(raw, { maxOutputLength: MAX_ANY_BODY }));
      } catch (err) {
        const code = (err as { code?: string }).code;
        done(
          code === 'ERR_BUFFER_TOO_LARGE'
            ? tooLarge(MAX_ANY_BODY)
            : new SyncError(400, 'bad-request', 'The body is not valid gzip.'),
        );
      }
    },
  );
}

/** The request's body bytes (empty for a request without one). */
export function rawBody(request: FastifyRequest, limit = MAX_BODY_BYTES): Buffer {
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (body.length > limit) throw tooLarge(limit);
  return body;
}

export function jsonBody<S extends z.ZodType>(request: FastifyRequest, schema: S): z.infer<S> {
  const bytes = rawBody(request);
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new SyncError(400, 'bad-request', 'The body is not JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5);
    throw new SyncError(
      400,
      'bad-request',
      `The body is malformed: ${issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** Integer query parameter within [min, max], or the fallback when absent. */
export function intParam(
  value: unknown,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (
    typeof value !== 'string' ||
    !/^\d+$/.test(value) ||
    !Number.isSafeInteger(n) ||
    n < min ||
    n > max
  ) {
    throw new SyncError(
      400,
      'bad-request',
      `${name} must be a whole number from ${min} to ${max}.`,
    );
  }
  return n;
}
