import { createHash, randomBytes, sign } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { openStationCore, type StationCore } from '../../src-main/station';
import type { EventRow } from '../../src-main/store/event-log';
import { toWire } from '../../src-main/sync/sync-service';
import { tempDir } from '../../src-main/test-support/temp-dir';
import { HEADER, signingString, type WireEvent } from '../../src-shared/sync/protocol';
import { openCentralDb, type CentralDb } from '../db';
import { migrateCentral } from '../migrate';
import { startCentralServer } from '../server';
import { createEnrollCode } from '../store/enrollment';

export type Backend = 'pglite' | 'postgres';

export const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Both backends. A PostgreSQL server that cannot be reached fails the run under CI; elsewhere
 * it is left out with a loud warning (a laptop without PostgreSQL still runs the PGlite half).
 */
export async function testBackends(): Promise<Backend[]> {
  if (process.env.CI || (await postgresReachable())) return ['pglite', 'postgres'];
  console.warn(`\n!!! PostgreSQL at ${POSTGRES_URL} is unreachable: testing PGlite only.\n`);
  return ['pglite'];
}

/** A fresh database: PGlite in a temp dir, or a uniquely named database on the server. */
export async function openTestDb(
  backend: Backend,
): Promise<{ db: CentralDb; cleanup: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dir = tempDir('qcs-central-');
    const db = await openCentralDb({ dataDir: dir.path });
    return {
      db,
      cleanup: async () => {
        await db.close();
        dir.cleanup();
      },
    };
  }
  const name = `qcs_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const db = await openCentralDb({ databaseUrl: url.toString() });
  return {
    db,
    cleanup: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestCentral {
  url: string;
  db: CentralDb;
  token: string;
  /** Moves head office's clock (ms added to the real time). */
  skew: { ms: number };
  newCode(): Promise<string>;
  close(): Promise<void>;
}

export async function startTestCentral(backend: Backend): Promise<TestCentral> {
  const { db, cleanup } = await openTestDb(backend);
  await migrateCentral(db);
  const skew = { ms: 0 };
  const token = 'test-admin-token';
  const server = await startCentralServer({
    db,
    adminToken: token,
    clock: () => Date.now() + skew.ms,
  });
  return {
    url: server.url,
    db,
    token,
    skew,
    newCode: async () => (await createEnrollCode(db, new Date(Date.now() + skew.ms))).code,
    close: async () => {
      await server.close();
      await cleanup();
    },
  };
}

export interface HttpResult {
  status: number;
  json: Record<string, unknown>;
}

/** A real station (SQLite, its own key) that talks to head office over HTTP. */
export class TestStation {
  readonly core: StationCore;
  private readonly dir = tempDir('qcs-station-');

  constructor(
    private readonly central: TestCentral,
    options: { checkpointEvery?: number } = {},
  ) {
    this.core = openStationCore(this.dir.path, options);
  }

  get id(): string {
    return this.core.stationId;
  }

  /** Appends `n` events (in `n` appends: each ends signed), some about lot `lot`. */
  append(n: number, lot = 'L-1'): void {
    for (let i = 0; i < n; i += 1) {
      this.core.log.append({
        type: 'demo.seeded',
        payload: { version: i },
        actor: 'system',
        subjects: i % 2 === 0 ? [`lot:${lot}`, 'supplier:SUP-1'] : ['supplier:SUP-2'],
      });
    }
  }

  /** Appends `n` events in one transaction: only the last one is signed. */
  appendOneBatch(n: number): void {
    this.core.log.appendMany(
      Array.from({ length: n }, (_, i) => ({
        type: 'demo.seeded' as const,
        payload: { version: i },
        actor: 'system',
      })),
    );
  }

  wire(fromSeq: number, toSeq: number): WireEvent[] {
    return this.core.db
      .prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq',
      )
      .all(fromSeq, toSeq)
      .map(toWire);
  }

  async enroll(code?: string): Promise<HttpResult> {
    return this.request(
      'POST',
      '/v1/enroll',
      {
        code: code ?? (await this.central.newCode()),
        stationId: this.id,
        publicKeyPem: this.core.keys.publicKeyPem,
        name: 'Dock test',
        softwareVersion: '0.1.0',
      },
      { signed: false },
    );
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: {
      signed?: boolean;
      gzip?: boolean;
      timestamp?: number;
      stationId?: string;
      raw?: Buffer;
      contentType?: string;
      tamperSignature?: boolean;
    } = {},
  ): Promise<HttpResult> {
    const bytes =
      options.raw ?? (body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body)));
    const headers: Record<string, string> = {};
    if (bytes.length > 0 || body !== undefined)
      headers['content-type'] = options.contentType ?? 'application/json';
    if (options.signed !== false) {
      const ts = options.timestamp ?? Date.now();
      const digest = createHash('sha256').update(bytes).digest('hex');
      const signature = sign(
        null,
        Buffer.from(signingString(method, path, ts, digest)),
        this.core.keys.privateKey,
      );
      if (options.tamperSignature) signature[0] = (signature[0] ?? 0) ^ 1;
      headers[HEADER.station] = options.stationId ?? this.id;
      headers[HEADER.timestamp] = String(ts);
      headers[HEADER.signature] = signature.toString('base64');
    }
    const payload = options.gzip ? gzipSync(bytes) : bytes;
    if (options.gzip) headers['content-encoding'] = 'gzip';
    const res = await fetch(`${this.central.url}${path}`, {
      method,
      headers,
      ...(payload.length > 0 ? { body: new Uint8Array(payload) } : {}),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      json = { text };
    }
    return { status: res.status, json };
  }

  uploadEvents(events: WireEvent[], gzip = false): Promise<HttpResult> {
    const batchId = `${this.id}:${events[0]?.seq}-${events.at(-1)?.seq}`;
    return this.request('POST', '/v1/events', { batchId, events }, { gzip });
  }

  close(): void {
    try {
      this.core.close();
    } finally {
      this.dir.cleanup();
    }
  }
}

export async function adminFetch(
  central: TestCentral,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpResult> {
  const res = await fetch(`${central.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${central.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text },
  };
}
