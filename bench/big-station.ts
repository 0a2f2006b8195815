import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../src-main/store/event-log';
import { openStationCore } from '../src-main/station';

export const BIG_STATION_EVENTS = Number(process.env.QCS_BENCH_EVENTS ?? 1_000_000);

/** Fills a station's log with `count` realistic scan events (batched, signed, projected). */
export function fillLog(dataDir: string, count: number): void {
  const core = openStationCore(dataDir);
  const batch = 5_000;
  for (let from = 0; from < count; from += batch) {
    const events: NewEvent<'scan.recorded'>[] = [];
    for (let i = from; i < Math.min(count, from + batch); i += 1) {
      events.push({
        type: 'scan.recorded',
        payload: {
          scanId: `scan-${i}`,
          source: 'serial',
          data: `]C10106920001000011\u001d10LOT${i % 997}`,
          deliveryId: null,
          valid: true,
          gtin: '06920001000011',
          lot: `LOT${i % 997}`,
        },
        actor: 'usr-bench',
        subjects: [`gtin:06920001000011`],
      });
    }
    core.log.appendMany(events);
  }
  core.close();
}

let shared: { dataDir: string; fillSeconds: number; cleanup: () => void } | null = null;

/**
 * One station with a million-event log for the benchmarks of this run, filled once.
 * QCS_BENCH_STATION_DIR keeps it between runs (filling takes about 40 s).
 */
export function bigStation(): { dataDir: string; fillSeconds: number } {
  if (shared) return shared;
  const kept = process.env.QCS_BENCH_STATION_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'qcs-bench-big-'));
  const dataDir = join(dir, 'station');
  const started = performance.now();
  if (!kept || !existsSync(join(dataDir, 'station.db'))) fillLog(dataDir, BIG_STATION_EVENTS);
  const cleanup = () => {
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  shared = { dataDir, fillSeconds: (performance.now() - started) / 1000, cleanup };
  return shared;
}
