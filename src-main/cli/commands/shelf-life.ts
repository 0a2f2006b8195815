import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { ShelfLifeEvaluation } from '../../../src-shared/shelf-life';
import type { ShelfLifeSettings } from '../../../src-shared/shelf-life/settings';
import { CommandFailed, parseIntOption, UsageError } from '../errors';

/** The longest total shelf life the settings accept (100 years). */
const MAX_SHELF_LIFE_DAYS = 36_500;

interface EvaluateOptions {
  shelfLifeDays: number;
  expiry?: string;
  production?: string;
  received?: string;
  category?: string;
  dataDir?: string;
  json?: boolean;
}

interface LoadedSettings {
  settings: ShelfLifeSettings;
  /** Where the rules came from, in words, for the human-readable output. */
  source: string;
}

/**
 * The `shelfLife` setting: head office's defaults without --data-dir (or when that directory
 * holds no station), else the station's stored value, read without writing to the database.
 * A stored value that no longer fits the schema is ignored, as the settings service does.
 */
async function loadSettings(dataDirOption: string | undefined): Promise<LoadedSettings> {
  const { defaultShelfLifeSettings, shelfLifeSettings } =
    await import('../../../src-shared/shelf-life/settings');
  if (dataDirOption === undefined) {
    return { settings: defaultShelfLifeSettings, source: 'head-office defaults' };
  }
  const { databaseFile, resolveDataDir } = await import('../../paths');
  const dataDir = resolveDataDir(dataDirOption);
  const file = databaseFile(dataDir);
  // Like the other commands: a mistyped directory must not pass for the station's own rules.
  if (!existsSync(file)) throw new UsageError(`no station data in ${dataDir}`);
  const { openDatabase } = await import('../../store/database');
  const { createSettingsRepo } = await import('../../store/repos/settings-repo');
  let stored: unknown;
  try {
    const db = openDatabase(file, { readonly: true });
    try {
      stored = createSettingsRepo(db).all()['shelfLife'];
    } finally {
      db.close();
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new CommandFailed(`Cannot read the station settings in ${dataDir}: ${message}`);
  }
  if (stored === undefined) {
    return { settings: defaultShelfLifeSettings, source: `station settings in ${dataDir}` };
  }
  const parsed = shelfLifeSettings.safeParse(stored);
  return parsed.success
    ? { settings: parsed.data, source: `station settings in ${dataDir}` }
    : {
        settings: defaultShelfLifeSettings,
        source: `head-office defaults (the shelf-life setting in ${dataDir} is invalid)`,
      };
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

function formatEvaluation(
  e: ShelfLifeEvaluation,
  reason: string,
  given: { shelfLifeDays: number; rules: string },
): string {
  const expiry =
    e.expiryBasis === 'production-plus-shelf-life'
      ? `${e.expiry} (production + ${days(e.totalDays)})`
      : e.expiry;
  const total =
    e.totalDaysBasis === 'production-to-expiry'
      ? `${days(e.totalDays)} (production to expiry${
          e.totalDays === given.shelfLifeDays
            ? ''
            : `; --shelf-life-days ${given.shelfLifeDays} not used`
        })`
      : days(e.totalDays);
  const rows: [string, string][] = [
    ...(e.production === null ? [] : [['Production', e.production] as [string, string]]),
    ['Expiry', expiry],
    ['Total shelf life', total],
    ['Received', e.received],
    ['Removal window', days(e.removalWindowDays)],
    ['Removal date', e.removalDate],
    ['Alert date', e.alertDate],
    ['Remaining', days(e.remainingDays)],
    ['Minimum remaining', days(e.minRemainingDays)],
    ['Rules', given.rules],
    ['Reason', reason],
    ['Verdict', e.acceptable ? 'ACCEPT' : 'REFUSE'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}

export function registerShelfLife(program: Command): void {
  const shelfLife = program
    .command('shelf-life')
    .description('Shelf-life rules: removal and alert dates, acceptance at receipt');

  shelfLife
    .command('evaluate')
    .description(
      'Evaluate one lot at receipt: expiry, removal and alert dates, remaining life, ACCEPT or REFUSE',
    )
    .requiredOption(
      '--shelf-life-days <days>',
      'total shelf life of the SKU in days (master data)',
      parseIntOption('--shelf-life-days', 1, MAX_SHELF_LIFE_DAYS),
    )
    .option(
      '--expiry <date>',
      'expiry date: YYYY-MM-DD, or a month (YYYY-MM, MM/YYYY) = its last day',
    )
    .option(
      '--production <date>',
      'production date, same forms; with --expiry the total shelf life is expiry − production',
    )
    .option('--received <date>', 'receipt date YYYY-MM-DD (default: today, local time)')
    .option('--category <category>', "apply this category's override of the rules")
    .option('--data-dir <dir>', 'station data directory: use its shelf-life rules (read only)')
    .option(
      '--json',
      'print one JSON line: expiry, totalDays, removalWindowDays, removalDate, alertDate, remainingDays, minRemainingDays, acceptable, reason',
    )
    .action(async (opts: EvaluateOptions) => {
      const { evaluateShelfLife, toCalendarDate, toShelfLifeJson } =
        await import('../../../src-shared/shelf-life');
      const { localIsoDate, parseIsoDate } = await import('../../../src-shared/util/dates');
      const { rulesForSku } = await import('../../../src-shared/shelf-life/settings');
      for (const [option, text] of [
        ['--expiry', opts.expiry],
        ['--production', opts.production],
      ] as const) {
        if (text !== undefined && toCalendarDate(text) === null) {
          throw new UsageError(
            `${option} takes a date as YYYY-MM-DD, YYYY-MM or MM/YYYY (got "${text}")`,
          );
        }
      }
      if (opts.expiry === undefined && opts.production === undefined) {
        throw new UsageError(
          'give the expiry date (--expiry) or the production date (--production)',
        );
      }
      if (opts.received !== undefined && parseIsoDate(opts.received) === null) {
        throw new UsageError(`--received takes a date as YYYY-MM-DD (got "${opts.received}")`);
      }
      const { settings, source } = await loadSettings(opts.dataDir);
      const category = opts.category?.trim() ?? '';
      const rules = rulesForSku(settings, category || null, null);
      const result = evaluateShelfLife({
        expiry: opts.expiry ?? null,
        production: opts.production ?? null,
        shelfLifeDays: opts.shelfLifeDays,
        received: opts.received ?? localIsoDate(),
        rules,
        dateSource: 'manual',
      });
      if (!result.ok) throw new CommandFailed(result.error.message);
      const json = toShelfLifeJson(result.value);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(json)}\n`);
        return;
      }
      const override =
        category === ''
          ? ''
          : settings.categories[category]
            ? `, category "${category}" override`
            : `, no override for category "${category}"`;
      process.stdout.write(
        formatEvaluation(result.value, json.reason, {
          shelfLifeDays: opts.shelfLifeDays,
          rules: `${source}${override}`,
        }),
      );
    });
}
