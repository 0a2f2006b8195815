import type { Command } from 'commander';
import type { TraceLotPage } from '../../../src-shared/api/domain-trace';
import { CommandFailed, UsageError } from '../errors';

export function registerTrace(program: Command): void {
  const trace = program
    .command('trace')
    .description('Trace lots back to their delivery and supplier');
  trace
    .command('lot')
    .description(
      "A lot's timeline from the log (received, scans, shelf life, inspection, decision, return, stock) with its delivery and supplier; exit 1 when no such lot",
    )
    .requiredOption('--gtin <gtin>', 'GTIN of any packaging level (8 to 14 digits)')
    .requiredOption('--lot <lot>', 'lot code (AI 10)')
    .option('--data-dir <dir>', 'station data directory')
    .option('--json', 'print one JSON object per lot: lot, delivery, supplier, timeline[]')
    .action(async (opts: { gtin: string; lot: string; dataDir?: string; json?: boolean }) => {
      if (!/^(\d{8}|\d{12,14})$/.test(opts.gtin))
        throw new UsageError(`--gtin takes 8, 12, 13 or 14 digits (got "${opts.gtin}")`);
      const { localIsoDate } = await import('../../../src-shared/util/dates');
      const { TraceService } = await import('../../trace/trace-service');
      const { openExistingStation } = await import('../open-existing');
      const station = openExistingStation(opts.dataDir);
      try {
        const service = new TraceService(station.db, station.repos, () => localIsoDate());
        const lotIds = service.lotsOf(opts.gtin, opts.lot);
        if (lotIds.length === 0)
          throw new CommandFailed(`No lot ${opts.lot} of GTIN ${opts.gtin} at this station.`);
        const pages = lotIds.map((id) => service.lot(id));
        if (opts.json) {
          for (const p of pages)
            console.log(
              JSON.stringify({
                lot: p.lot,
                delivery: p.delivery,
                supplier: p.supplier,
                whereabouts: p.whereabouts,
                timeline: p.timeline,
              }),
            );
        } else {
          console.log(pages.map(textOf).join('\n\n'));
        }
      } finally {
        station.close();
      }
    });
}

/** The lot page as a person reads it on a terminal. */
function textOf(p: TraceLotPage): string {
  const l = p.lot;
  const where = p.whereabouts;
  const head = [
    `Lot ${l.lot} of ${l.gtin}${l.skuName ? ` (${l.skuName})` : ''}: ${l.quantity} units, ${where.status}`,
    `  expiry ${l.expiry ?? '—'}, received ${l.receivedOn}; stock ${where.stockStatus}${where.locationNote ? ` at ${where.locationNote}` : ''}${where.returnedUnits ? `; ${where.returnedUnits} units returned` : ''}`,
    `  delivery ${p.delivery.number} (${p.delivery.status}), supplier ${p.supplier.name} [${p.supplier.code}, ${p.supplier.standing}]`,
    'Timeline:',
  ];
  const lines = p.timeline.map((e) => {
    const at = new Date(e.recordedAt).toISOString().replace('T', ' ').slice(0, 16);
    const seq = e.count > 1 ? `${e.seq}–${e.lastSeq}` : String(e.seq);
    const who = e.actorName ?? e.actor;
    const extra = [
      e.signOff ? `signed off by ${e.signOff.name}: ${e.signOff.meaning}` : '',
      e.photos.length ? `photos ${e.photos.map((h) => h.slice(0, 12)).join(', ')}` : '',
    ].filter(Boolean);
    return `  #${seq}  ${at}  ${e.summary.en}  (${who})${extra.length ? `\n      ${extra.join('; ')}` : ''}`;
  });
  return [...head, ...lines].join('\n');
}
