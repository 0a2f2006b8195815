import type { TraceLotPage } from '../src-shared/api/domain-trace';
import { demoUsers } from '../src-main/demo/demo-data';
import { databaseFile } from '../src-main/paths';
import { openStation } from '../src-main/station';
import { openDatabase } from '../src-main/store/database';
import { percentile, result, type Benchmark } from './harness';
import { traceLotId, traceStation } from './trace-station';

/** Lots whose page is asked for, spread over the whole log; each measured once per round. */
const SAMPLE_LOTS = 300;
const ROUNDS = 3;
const INSPECTOR = demoUsers.find((u) => u.role === 'inspector') ?? demoUsers[0];

/** The baseline: the lot's events, selected through event_subjects, as better-sqlite3 returns them. */
export const TIMELINE_SQL = `SELECT e.* FROM event_subjects s JOIN events e ON e.seq = s.seq
  WHERE s.subject = ? ORDER BY s.seq`;

export const traceQuery: Benchmark = {
  name: 'trace-query',
  description:
    "a lot's page (trace.lot via the registry) with 5,000,000 events in the log, against the raw SQL of its events",
  targets: {
    'trace-query': { maxRatio: 1.5, why: 'issue 7: a lot page costs at most 1.5x its raw query' },
  },
  async run() {
    const { dataDir, fillSeconds } = traceStation();
    const station = openStation({ dataDir, mode: 'browser', validateOutput: false });
    const plainDb = openDatabase(databaseFile(dataDir), { readonly: true });
    try {
      const events = station.repos.events.count();
      const lots =
        plainDb
          .prepare<[], { n: number }>(
            "SELECT count(*) AS n FROM lots WHERE lot_id LIKE 'lot-trace-%'",
          )
          .get()?.n ?? 0;
      if (lots === 0) throw new Error(`no trace lots in ${dataDir}`);
      const clientId = 'bench-trace';
      station.sessions.signIn(clientId, {
        userId: INSPECTOR?.id ?? 'usr-inspector-1',
        name: INSPECTOR?.name ?? 'Inspector',
        role: 'inspector',
      });
      const plain = plainDb.prepare<[string], { seq: number }>(TIMELINE_SQL);
      // Lots spread evenly over the log (old pages as much as new ones).
      const sample = Array.from({ length: SAMPLE_LOTS }, (_, i) =>
        traceLotId(1 + Math.floor(((i + 0.5) * lots) / SAMPLE_LOTS)),
      );
      const callMs: number[] = [];
      const sqlMs: number[] = [];
      let entries = 0;
      let rows = 0;
      for (let round = -1; round < ROUNDS; round += 1) {
        for (const [i, lotId] of sample.entries()) {
          // Alternate which goes first, so that neither always finds the other's pages cached.
          const timeSql = () => {
            const started = performance.now();
            const got = plain.all(`lot:${lotId}`);
            const ms = performance.now() - started;
            rows = got.length;
            return ms;
          };
          const timeCall = async () => {
            const started = performance.now();
            const r = await station.registry.dispatch(
              'trace.lot',
              { lotId },
              { clientId, transport: 'ipc' },
            );
            const ms = performance.now() - started;
            if (!r.ok) throw new Error(`trace.lot failed: ${r.error.code}: ${r.error.message}`);
            entries = (r.value as TraceLotPage).timeline.reduce((n, e) => n + e.count, 0);
            return ms;
          };
          let sql: number;
          let call: number;
          if ((i + round) % 2 === 0) {
            sql = timeSql();
            call = await timeCall();
          } else {
            call = await timeCall();
            sql = timeSql();
          }
          if (entries !== rows) throw new Error(`${lotId}: ${entries} entries, ${rows} rows`);
          if (round >= 0) {
            callMs.push(call);
            sqlMs.push(sql);
          }
        }
      }
      const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
      const callP95 = percentile(sorted(callMs), 95);
      const sqlP95 = percentile(sorted(sqlMs), 95);
      const fill =
        fillSeconds === null
          ? 'kept station (QCS_BENCH_TRACE_DIR)'
          : `filled in ${fillSeconds.toFixed(0)} s`;
      return [
        result({
          name: 'trace-query',
          value: callP95,
          unit: 'ms (p95)',
          baseline: 'raw SQL of the lot events (event_subjects JOIN events, .all())',
          baselineValue: sqlP95,
          notes: `${events} events in the log, ${lots} lots of ~${rows} events each (${fill}); trace.lot dispatched through the registry (output validation off, as in production: timeline with bilingual lines, scans in a row as one entry, lot, delivery, supplier, other lots, whereabouts) against \`${TIMELINE_SQL.replace(/\s+/g, ' ')}\` on its own read connection; ${SAMPLE_LOTS} lots spread over the log x ${ROUNDS} interleaved rounds after a warm-up. p50 call ${percentile(sorted(callMs), 50).toFixed(3)} ms, SQL ${percentile(sorted(sqlMs), 50).toFixed(3)} ms; target ratio <= 1.5`,
        }),
      ];
    } finally {
      plainDb.close();
      station.close();
    }
  },
};
