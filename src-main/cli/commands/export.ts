import { Argument, type Command } from 'commander';
import { CSV_ENTITIES, type CsvEntity } from '../../../src-shared/api/domain-export';
import { parseIsoDate } from '../../../src-shared/util/dates';
import type { ExportDeps } from '../../reports/export-handlers';
import { UsageError } from '../errors';

function isoDateOption(name: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parseIsoDate(value)) {
      throw new UsageError(`${name} must be a date as YYYY-MM-DD (got "${value}")`);
    }
    return value;
  };
}

/**
 * Opens the station of --data-dir with what the exports read: its settings (EPCIS location,
 * shelf-life rules) as the running station would see them, and today's pull list.
 */
async function withExports<R>(
  dataDir: string | undefined,
  run: (deps: ExportDeps) => Promise<R>,
): Promise<R> {
  const { openExistingStation } = await import('../open-existing');
  const { PushBus } = await import('../../api/push-bus');
  const { SettingsService } = await import('../../settings/settings-service');
  const { ShelfLifeService } = await import('../../shelf-life/shelf-life-service');
  const { localIsoDate } = await import('../../../src-shared/util/dates');
  const station = openExistingStation(dataDir);
  try {
    const settings = new SettingsService(station.repos.settings, station.log, new PushBus());
    const today = () => localIsoDate();
    const shelfLife = new ShelfLifeService({
      repos: station.repos,
      log: station.log,
      today,
      rules: () => settings.get().shelfLife,
    });
    return await run({
      repos: station.repos,
      stationId: station.stationId,
      today,
      now: Date.now,
      epcis: () => settings.get().epcis,
      pullList: () => shelfLife.pullList(),
    });
  } finally {
    station.close();
  }
}

async function write(out: string, bytes: Buffer): Promise<void> {
  const { writeFileSync } = await import('node:fs');
  try {
    writeFileSync(out, bytes);
  } catch (err) {
    const { CommandFailed } = await import('../errors');
    throw new CommandFailed(
      `Cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

export function registerExport(program: Command): void {
  const exp = program
    .command('export')
    .description('Evidence for other systems: GS1 EPCIS 2.0 (JSON-LD) and CSV');
  exp
    .command('epcis')
    .description(
      'Lots received, inspected, decided and returned on local dates SINCE…UNTIL as one EPCISDocument',
    )
    .requiredOption('--since <date>', 'first local date (YYYY-MM-DD)', isoDateOption('--since'))
    .option(
      '--until <date>',
      'last local date, inclusive (default: today)',
      isoDateOption('--until'),
    )
    .requiredOption('--out <file>', 'where to write the .jsonld document')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (opts: { since: string; until?: string; out: string; dataDir?: string }) => {
      if (opts.until !== undefined && opts.until < opts.since) {
        throw new UsageError(`--until ${opts.until} is before --since ${opts.since}`);
      }
      const { epcisFile } = await import('../../reports/export-handlers');
      const file = await withExports(opts.dataDir, (deps) =>
        epcisFile(deps, { since: opts.since, until: opts.until }),
      );
      await write(opts.out, file.bytes);
      const steps = Object.entries(file.counts)
        .map(([step, n]) => `${step} ${n}`)
        .join(', ');
      console.log(`Wrote ${file.events} EPCIS events${steps ? ` (${steps})` : ''} to ${opts.out}.`);
    });
  exp
    .command('csv')
    .description('One table or list of the station as CSV (UTF-8 with BOM, CRLF, header row)')
    .addArgument(new Argument('<entity>', 'what to export').choices(CSV_ENTITIES))
    .requiredOption('--out <file>', 'where to write the .csv file')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (entity: CsvEntity, opts: { out: string; dataDir?: string }) => {
      const { csvFile } = await import('../../reports/export-handlers');
      const file = await withExports(opts.dataDir, (deps) => csvFile(deps, entity));
      await write(opts.out, file.bytes);
      console.log(`Wrote ${file.rows} ${entity} rows to ${opts.out}.`);
    });
}
