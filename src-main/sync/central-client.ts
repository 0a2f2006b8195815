import { createHash, sign, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import {
  batchAck,
  EMPTY_BODY_SHA256,
  HEADER,
  masterDataPage,
  signingString,
  stationState,
  syncErrorBody,
  type BatchAck,
  type EnrollRequest,
  type EventBatch,
  type LogCheckpoint,
  type MasterDataPage,
  type StationState,
  type SyncErrorBody,
} from '../../src-shared/sync/protocol';

/**
 * A failed exchange with head office. `status` is null when no HTTP answer came at all
 * (connection refused or reset, timeout, an answer that was not what the protocol promises).
 */
export class CentralError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: SyncErrorBody['error'] | 'network' | 'http',
    message: string,
    readonly body: SyncErrorBody | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CentralError';
  }

  /** Worth trying again as it is: the network, head office overloaded or restarting. */
  get retryable(): boolean {
    return this.status === null || this.status >= 500 || this.status === 429;
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  stationId: string;
  privateKey: KeyObject;
  clock?: () => number;
  /** Added to the clock when signing: head office's time minus ours, learnt after a 401. */
  clockOffsetMs?: () => number;
  timeoutMs?: number;
}

/** A request body ready to send: its bytes as sent, their content type, and the signed digest. */
export interface PreparedBody {
  /** What goes on the wire (gzip-compressed when `gzip`). */
  wire: Buffer;
  contentType: string;
  gzip: boolean;
  /** SHA-256 of the body before compression: what the signature covers. */
  digest: string;
}

const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The station's HTTP client for the sync protocol (docs/sync-protocol.md). */
export class CentralClient {
  private readonly base: string;
  private readonly clock: () => number;
  private readonly offset: () => number;
  private readonly timeoutMs: number;

  constructor(private readonly options: CentralClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.clock = options.clock ?? Date.now;
    this.offset = options.clockOffsetMs ?? (() => 0);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async serverTime(): Promise<number> {
    const res = await this.send('GET', '/v1/time', null, false);
    const json = (await this.json(res)) as { serverTime?: unknown };
    if (typeof json.serverTime !== 'number') {
      throw new CentralError(null, 'network', 'Head office answered /v1/time without a time.');
    }
    return json.serverTime;
  }

  async enroll(request: EnrollRequest): Promise<StationState> {
    return this.parse(
      stationState,
      await this.send('POST', '/v1/enroll', jsonBody(request), false),
    );
  }

  async station(): Promise<StationState> {
    return this.parse(stationState, await this.send('GET', '/v1/station', null));
  }

  /** Encodes a batch (JSON, gzip, digest) so that it can be prepared while another is in flight. */
  static prepareBatch(batch: EventBatch): PreparedBody {
    return jsonBody(batch, true);
  }

  async uploadBatch(batch: EventBatch | PreparedBody): Promise<BatchAck> {
    const body = 'wire' in batch ? batch : jsonBody(batch, true);
    return this.parse(batchAck, await this.send('POST', '/v1/events', body));
  }

  async uploadCheckpoints(checkpoints: readonly LogCheckpoint[]): Promise<void> {
    await this.send('POST', '/v1/checkpoints', jsonBody({ checkpoints }));
  }

  /** True when head office already holds the photo (HEAD answers 200), false on 404. */
  async hasPhoto(sha256: string): Promise<boolean> {
    try {
      await this.send('HEAD', `/v1/photos/${sha256}`, null);
      return true;
    } catch (err) {
      if (err instanceof CentralError && err.status === 404) return false;
      throw err;
    }
  }

  async putPhoto(sha256: string, bytes: Buffer): Promise<void> {
    await this.send('PUT', `/v1/photos/${sha256}`, {
      wire: bytes,
      contentType: 'application/octet-stream',
      gzip: false,
      digest: sha256Hex(bytes),
    });
  }

  async masterData(after: number, limit: number, refresh = false): Promise<MasterDataPage> {
    const query = `after=${after}&limit=${limit}${refresh ? '&refresh=1' : ''}`;
    const res = await this.send('GET', `/v1/master-data?${query}`, null);
    return this.parse(masterDataPage, res);
  }

  /**
   * One request. Signed requests carry the station id, a timestamp and an Ed25519 signature
   * over method, path, timestamp and the SHA-256 of the body as sent before gzip. Any answer
   * but 2xx becomes a CentralError with head office's error body when it sent one.
   */
  private async send(
    method: string,
    path: string,
    body: PreparedBody | null,
    signed = true,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (body) {
      headers['content-type'] = body.contentType;
      if (body.gzip) headers['content-encoding'] = 'gzip';
    }
    if (signed) {
      const timestamp = Math.round(this.clock() + this.offset());
      const digest = body ? body.digest : EMPTY_BODY_SHA256;
      const text = signingString(method, path, timestamp, digest);
      headers[HEADER.station] = this.options.stationId;
      headers[HEADER.timestamp] = String(timestamp);
      headers[HEADER.signature] = sign(null, Buffer.from(text), this.options.privateKey).toString(
        'base64',
      );
    }
    const payload = body?.wire;
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(payload ? { body: new Uint8Array(payload) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const cause =
        err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      throw new CentralError(
        null,
        'network',
        `Head office at ${this.base} cannot be reached (${err instanceof Error ? err.message : String(err)}${cause}).`,
      );
    }
    if (res.ok) return res;
    const text = method === 'HEAD' ? '' : await res.text().catch(() => '');
    let parsed: SyncErrorBody | null = null;
    try {
      const candidate = syncErrorBody.safeParse(JSON.parse(text));
      if (candidate.success) parsed = candidate.data;
    } catch {
      // Not JSON (a proxy's error page): the status alone has to do.
    }
    const retryAfter = Number(res.headers.get('retry-after'));
    throw new CentralError(
      res.status,
      parsed?.error ?? 'http',
      parsed?.message ??
        `Head office answered ${res.status} ${res.statusText} to ${method} ${path}.`,
      parsed,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null,
    );
  }

  private async json(res: Response): Promise<unknown> {
    try {
      return await res.json();
    } catch {
      // A cut connection mid-body or a proxy's HTML: nothing the protocol promised.
      throw new CentralError(null, 'network', `Head office's answer to ${res.url} was not JSON.`);
    }
  }

  private async parse<S extends z.ZodType>(schema: S, res: Response): Promise<z.infer<S>> {
    const json = await this.json(res);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CentralError(
        null,
        'network',
        `Head office's answer to ${new URL(res.url).pathname} does not follow the protocol: ${parsed.error.issues[0]?.message ?? 'unknown shape'}.`,
      );
    }
    return parsed.data;
  }
}

function jsonBody(value: unknown, gzip = false): PreparedBody {
  const bytes = Buffer.from(JSON.stringify(value));
  return {
    // Level 1: event JSON still shrinks about 5-fold, at a fraction of the default level's CPU.
    wire: gzip ? gzipSync(bytes, { level: 1 }) : bytes,
    contentType: 'application/json',
    gzip,
    digest: sha256Hex(bytes),
  };
}
