import { request as httpRequest, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request. */
export type Fault =
  | 'pass'
  /** The connection is cut before anything reaches head office. */
  | 'reset-before'
  /** Head office answers (it has committed); the station never hears it. */
  | 'reset-after'
  | 'status-500'
  | 'status-503'
  | 'status-429'
  /** No answer for longer than the station waits; then the connection is cut. */
  | 'stall'
  /** The request reaches head office twice; the station hears the second answer. */
  | 'duplicate'
  /** An older request replayed to head office first (batches out of order), then this one. */
  | 'replay-older';

export const FAULTS: readonly Fault[] = [
  'reset-before',
  'reset-after',
  'status-500',
  'status-503',
  'status-429',
  'stall',
  'duplicate',
  'replay-older',
];

interface Captured {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An HTTP proxy between a station and head office that misbehaves on purpose: it cuts
 * connections before and after head office commits, answers 500/503/429 itself, stalls,
 * delivers a request twice, and replays older batches out of order. `faultRate` of the
 * requests get a fault; `counts` says which, for the test's report.
 */
export class FaultProxy {
  private server: Server | null = null;
  readonly counts = new Map<Fault, number>();
  private readonly older: Captured[] = [];
  faultRate: number;

  constructor(
    private readonly upstream: () => string,
    private readonly random: () => number,
    options: { faultRate: number; stallMs: number },
    private readonly stallMs = options.stallMs,
  ) {
    this.faultRate = options.faultRate;
  }

  get faults(): number {
    let n = 0;
    for (const [fault, count] of this.counts) if (fault !== 'pass') n += count;
    return n;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const captured: Captured = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: Buffer.concat(chunks),
        };
        void this.handle(captured, res.socket, (u) => {
          res.writeHead(u.status, u.headers);
          res.end(u.body);
        }).catch(() => res.socket?.destroy());
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private pick(): Fault {
    if (this.random() >= this.faultRate) return 'pass';
    return FAULTS[Math.floor(this.random() * FAULTS.length)] ?? 'pass';
  }

  private async handle(
    c: Captured,
    socket: IncomingMessage['socket'] | null,
    reply: (u: Upstream) => void,
  ): Promise<void> {
    const fault = this.pick();
    this.counts.set(fault, (this.counts.get(fault) ?? 0) + 1);
    const isBatch = c.method === 'POST' && c.path === '/v1/events';
    switch (fault) {
      case 'reset-before':
        socket?.destroy();
        return;
      case 'status-500':
      case 'status-503':
      case 'status-429': {
        const status = Number(fault.slice(-3));
        reply({
          status,
          headers: {
            'content-type': 'text/plain',
            ...(status === 429 ? { 'retry-after': '0' } : {}),
          },
          body: Buffer.from('proxy says no'),
        });
        return;
      }
      case 'stall':
        await new Promise((r) => setTimeout(r, this.stallMs));
        socket?.destroy();
        return;
      case 'reset-after':
        await this.forward(c);
        socket?.destroy();
        return;
      case 'duplicate':
        await this.forward(c).catch(() => undefined);
        reply(await this.forward(c));
        return;
      case 'replay-older': {
        const old = this.older[Math.floor(this.random() * this.older.length)];
        if (old) await this.forward(old).catch(() => undefined);
        reply(await this.forward(c));
        break;
      }
      case 'pass':
        reply(await this.forward(c));
        break;
    }
    if (isBatch) {
      this.older.push(c);
      if (this.older.length > 50) this.older.shift();
    }
  }

  private forward(c: Captured): Promise<Upstream> {
    const url = new URL(c.path, this.upstream());
    return new Promise<Upstream>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: c.method, headers: { ...c.headers, host: url.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(c.body);
    });
  }
}
