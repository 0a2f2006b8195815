import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, localIsoDate } from '../src-shared/util/dates';
import { demoSkus, demoUsers, unitGtin } from '../src-main/demo/demo-data';
import { seedDemo } from '../src-main/demo/seed';
import { demoShelfLifeEvent } from '../src-main/demo/seed-stock';
import { openStationCore } from '../src-main/station';
import type { NewEvent } from '../src-main/store/event-log';

/** Events in the trace benchmark's log (QCS_BENCH_TRACE_EVENTS lowers it for a quick run). */
export const TRACE_EVENTS = Number(process.env.QCS_BENCH_TRACE_EVENTS ?? 5_000_000);
/** Scans counted into each lot: with received, shelf life, decision and stock, ~100 events a lot. */
export const SCANS_PER_LOT = 96;
const LOTS_PER_DELIVERY = 20;
/** Events per appendMany: as fillLog, big enough that the commit (fsync) is amortised. */
const BATCH = 5_000;

/** The id of the n-th lot (1-based) of the trace station. */
export const traceLotId = (n: number): string => `lot-trace-${n}`;

/**
 * Fills a station through its event log, batched as fillLog: the demo, then deliveries of 20
 * lots each, every lot received, counted by 96 serialised case scans, evaluated for shelf
 * life, accepted and put on a shelf — about 100 events a lot (each with `lot:` and
 * `delivery:` subjects) until the log holds `events`. Returns the number of lots made.
 */
export function fillTraceStation(dataDir: string, events: number): number {
  const core = openStationCore(dataDir);
  try {
    const today = localIsoDate();
    seedDemo(core.log, core.repos, today);
    const dated = demoSkus.filter((s) => s.shelfLifeDays !== null && s.shelfLifeDays > 60);
    const inspector = demoUsers.find((u) => u.role === 'inspector')?.id ?? 'system';
    const perLot = SCANS_PER_LOT + 4;
    const lots = Math.max(1, Math.floor((events - core.repos.events.count()) / perLot));
    let pending: NewEvent[] = [];
    const flush = () => {
      if (pending.length > 0) core.log.appendMany(pending);
      pending = [];
    };
    for (let n = 1; n <= lots; n += 1) {
      const d = Math.ceil(n / LOTS_PER_DELIVERY);
      const deliveryId = `dlv-trace-${d}`;
      const sku = dated[n % dated.length] ?? dated[0];
      if (!sku) throw new Error('the demo has no SKU with a shelf life');
      const received = addDays(today, -(d % 200));
      if ((n - 1) % LOTS_PER_DELIVERY === 0) {
        // A delivery's lots must reach the log after it (lots reference deliveries).
        const subjects = [`delivery:${deliveryId}`, `supplier:${sku.supplierId}`];
        pending.push(
          {
            type: 'delivery.expected',
            payload: {
              deliveryId,
              number: `ASN-TRACE-${d}`,
              supplierId: sku.supplierId,
              expectedDate: received,
              ssccs: [`3${String(69200010 + d).padStart(16, '0')}`.slice(0, 17) + '0'],
              lines: [],
            },
            actor: 'system',
            subjects,
          },
          {
            type: 'delivery.opened',
            payload: { deliveryId, via: 'list' },
            actor: inspector,
            subjects,
          },
        );
      }
      const lotId = traceLotId(n);
      const gtin = unitGtin(sku.ean12);
      const lot = `T${n}`;
      const expiry = addDays(received, (sku.shelfLifeDays ?? 365) - 10);
      const production = addDays(received, -10);
      const lotSubjects = [`lot:${lotId}`, `delivery:${deliveryId}`];
      pending.push({
        type: 'lot.received',
        payload: {
          lotId,
          deliveryId,
          gtin,
          lot,
          quantity: 0,
          expiry,
          production,
          receivedOn: received,
        },
        actor: 'system',
        subjects: [...lotSubjects, `gtin:${gtin}`],
      });
      for (let s = 0; s < SCANS_PER_LOT; s += 1) {
        const serial = `S${n}-${s}`;
        pending.push({
          type: 'scan.recorded',
          payload: {
            scanId: `scan-${n}-${s}`,
            source: 'serial',
            data: `]C101${gtin}10${lot}\u001d21${serial}`,
            deliveryId,
            valid: true,
            gtin,
            lot,
            lotId,
            units: sku.unitsPerCase,
            skuGtin: gtin,
            serial,
            outcome: 'counted',
          },
          actor: inspector,
          subjects: lotSubjects,
        });
      }
      const verdict = demoShelfLifeEvent(
        lotId,
        received,
        { expiry, production },
        sku.shelfLifeDays,
      );
      if (verdict) pending.push(verdict);
      pending.push(
        {
          type: 'lot.decided',
          payload: {
            lotId,
            decision: 'accept',
            reason: 'Sample within AQL limits',
            decidedOn: received,
          },
          actor: inspector,
          subjects: lotSubjects,
        },
        {
          type: 'lot.stock-changed',
          payload: {
            lotId,
            status: 'in-stock',
            locationNote: `Aisle ${n % 24}, shelf A`,
            on: received,
          },
          actor: inspector,
          subjects: [`lot:${lotId}`],
        },
      );
      if (pending.length >= BATCH) flush();
    }
    flush();
    return lots;
  } finally {
    core.close();
  }
}

/**
 * The trace benchmark's station, filled once (minutes for 5,000,000 events).
 * QCS_BENCH_TRACE_DIR keeps it between runs.
 */
export function traceStation(): {
  dataDir: string;
  fillSeconds: number | null;
  cleanup: () => void;
} {
  const kept = process.env.QCS_BENCH_TRACE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'qcs-bench-trace-'));
  const dataDir = join(dir, 'station');
  let fillSeconds: number | null = null;
  if (!kept || !existsSync(join(dataDir, 'station.db'))) {
    const started = performance.now();
    fillTraceStation(dataDir, TRACE_EVENTS);
    fillSeconds = (performance.now() - started) / 1000;
  }
  const cleanup = () => {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  return { dataDir, fillSeconds, cleanup };
}
