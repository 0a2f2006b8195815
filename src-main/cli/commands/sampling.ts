import type { Command } from 'commander';
import type * as SamplingModule from '../../../src-shared/sampling';
import type {
  Aql,
  InspectionLevel,
  SamplingPlan,
  Severity,
  SimulatedLot,
  SimulatedLotInput,
  SimulationResult,
  Transition,
} from '../../../src-shared/sampling';
import { parseIntOption, UsageError } from '../errors';

type Sampling = typeof SamplingModule;

const MAX_LOT_SIZE = 100_000_000;
const MAX_LOTS = 10_000;

interface PlanOptions {
  lotSize: number;
  level: string;
  aql: string;
  severity: string;
  json?: boolean;
}

interface SimulateOptions {
  lotSize: number;
  level: string;
  aql: string;
  accepted?: string;
  defects?: string;
  allowReduced?: boolean;
  json?: boolean;
}

/** The sampling domain's refusals (unknown level, AQL not in the tables…) are usage mistakes here. */
async function loadSampling(): Promise<Sampling & { usage: <T>(fn: () => T) => T }> {
  const sampling = await import('../../../src-shared/sampling');
  const usage = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (sampling.isSamplingError(err)) throw new UsageError(err.message);
      throw err;
    }
  };
  return { ...sampling, usage };
}

const count = (n: number) => n.toLocaleString('en-US');
const units = (n: number) => `${count(n)} ${n === 1 ? 'unit' : 'units'}`;

/** A plain-words account of how the plan was found: Table I, the master table, any arrow. */
function explainPlan(
  s: Sampling,
  request: { lotSize: number; level: InspectionLevel; severity: Severity },
  aql: Aql,
  plan: SamplingPlan,
): string {
  const row =
    s.TABLE_1_CODE_LETTERS.find((r) => request.lotSize <= r.maxLotSize) ??
    s.TABLE_1_CODE_LETTERS.at(-1);
  const range =
    request.lotSize < 2
      ? ', which starts at 2 units: a single unit takes code letter A'
      : !row
        ? ''
        : row.maxLotSize === Number.POSITIVE_INFINITY
          ? `, lots of ${count(row.minLotSize)} and over`
          : `, lots of ${count(row.minLotSize)} to ${count(row.maxLotSize)}`;
  const table = s.masterTableName(request.severity);
  const cell = s.masterCell(request.severity, plan.codeLetter, aql);
  const planSample = s.masterSampleSize(request.severity, plan.planCodeLetter) ?? plan.sampleSize;
  const acRe = `n = ${count(planSample)}, Ac ${plan.accept}, Re ${plan.reject}`;
  const lines = [
    `Lot of ${units(request.lotSize)}, inspection level ${request.level}: code letter ${plan.codeLetter} (Table I${range}).`,
  ];
  if (cell.kind === 'plan') {
    lines.push(`${table}, code letter ${plan.codeLetter}, AQL ${aql}: ${acRe}.`);
  } else {
    const direction = plan.planCodeLetter > plan.codeLetter ? 'down' : 'up';
    const drawn = cell.kind === 'down' ? 'down' : 'up';
    const note =
      drawn === direction ? '' : ' (the arrow points off the table, so it is read the other way)';
    lines.push(
      `${table}, code letter ${plan.codeLetter}, AQL ${aql}: an arrow ${drawn}${note}; the first plan ${direction === 'down' ? 'below' : 'above'} is at code letter ${plan.planCodeLetter}: ${acRe}.`,
    );
  }
  const rule =
    plan.accept === 0
      ? `accept the lot only if none is nonconforming, reject it with ${plan.reject} or more`
      : `accept the lot with ${plan.accept} nonconforming or fewer, reject it with ${plan.reject} or more`;
  lines.push(
    plan.inspectAll
      ? `The plan's sample (${count(planSample)}) is at least the lot: inspect ${request.lotSize === 1 ? 'the single unit' : `all ${units(request.lotSize)}`} (100 %); ${rule}.`
      : `Inspect ${units(plan.sampleSize)}: ${rule}.`,
  );
  return `${lines.join('\n')}\n`;
}

function parseList(option: string, text: string): string[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.length > MAX_LOTS) throw new UsageError(`${option} takes at most ${MAX_LOTS} lots`);
  return items;
}

/** --accepted 1,0,1 or --defects 0,3,1: one lot per item, in the order they were inspected. */
function readLots(opts: SimulateOptions): SimulatedLotInput[] {
  if (opts.accepted !== undefined && opts.defects !== undefined) {
    throw new UsageError('give the lots with --accepted or with --defects, not both');
  }
  if (opts.accepted !== undefined) {
    return parseList('--accepted', opts.accepted).map((item, i) => {
      if (item === '1' || item === 'true') return { accepted: true };
      if (item === '0' || item === 'false') return { accepted: false };
      throw new UsageError(
        `--accepted takes 1 (accepted) or 0 (not accepted) per lot; lot ${i + 1} is "${item}"`,
      );
    });
  }
  if (opts.defects !== undefined) {
    return parseList('--defects', opts.defects).map((item, i) => {
      const defects = Number(item);
      if (!/^\d+$/.test(item) || !Number.isSafeInteger(defects)) {
        throw new UsageError(
          `--defects takes a whole number of nonconforming units per lot; lot ${i + 1} is "${item}"`,
        );
      }
      return { defects };
    });
  }
  throw new UsageError('give the lots with --accepted 1,0,1,… or --defects 0,3,1,…');
}

/** Why the severity changed after a lot, read from the rows (simulate keeps the state inside). */
function transitionAfter(
  lot: SimulatedLot,
  next: Severity | 'discontinued' | undefined,
): Transition | null {
  if (next === undefined || next === lot.severity) return null;
  if (next === 'discontinued') {
    return { from: lot.severity, to: next, reason: 'five-not-accepted-on-tightened' };
  }
  if (lot.severity === 'normal') {
    return next === 'tightened'
      ? { from: 'normal', to: next, reason: 'two-of-five-not-accepted' }
      : { from: 'normal', to: next, reason: 'switching-score-reached-30' };
  }
  if (lot.severity === 'tightened') {
    return { from: 'tightened', to: next, reason: 'five-consecutive-accepted-on-tightened' };
  }
  return {
    from: 'reduced',
    to: next,
    reason: lot.accepted ? 'lot-between-ac-and-re-on-reduced' : 'lot-not-accepted-on-reduced',
  };
}

function formatSimulation(
  s: Sampling,
  result: SimulationResult,
  after: Severity | 'discontinued',
  given: number,
): string {
  const header = ['Lot', 'Severity', 'n', 'Ac', 'Re', 'Result', 'Score'];
  const rows = result.lots.map((l) => [
    String(l.lot),
    l.severity,
    count(l.sampleSize),
    String(l.accept),
    String(l.reject),
    l.accepted ? 'accepted' : 'not accepted',
    String(l.switchingScore),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header)];
  result.lots.forEach((lot, i) => {
    out.push(line(rows[i] ?? []));
    const next = result.lots[i + 1]?.severity ?? after;
    const transition = transitionAfter(lot, next);
    if (transition) out.push(`     ↳ ${s.explainTransition(transition)}`);
  });
  const accepted = result.lots.filter((l) => l.accepted).length;
  out.push(
    `${result.lots.length} lots: ${accepted} accepted, ${result.lots.length - accepted} not accepted; ${
      after === 'discontinued'
        ? `inspection discontinued after lot ${result.discontinuedAfterLot ?? result.lots.length}${
            given > result.lots.length
              ? ` (${given - result.lots.length === 1 ? 'the lot given after it was' : `the ${count(given - result.lots.length)} lots given after it were`} not inspected)`
              : ''
          }.`
        : `the next lot is inspected on ${after} inspection.`
    }`,
  );
  return `${out.join('\n')}\n`;
}

export function registerSampling(program: Command): void {
  const sampling = program
    .command('sampling')
    .description('ISO 2859-1 (ANSI/ASQ Z1.4) single sampling: plans and switching rules');

  sampling
    .command('plan')
    .description(
      'The sampling plan for one lot: Table I code letter, then the master table of the severity, arrows followed',
    )
    .requiredOption(
      '--lot-size <n>',
      'units in the lot',
      parseIntOption('--lot-size', 1, MAX_LOT_SIZE),
    )
    .requiredOption('--level <level>', 'inspection level: S-1, S-2, S-3, S-4, I, II or III')
    .requiredOption('--aql <aql>', 'AQL column, percent nonconforming: 0.010 to 10 (e.g. 1.0)')
    .option('--severity <severity>', 'normal, tightened or reduced', 'normal')
    .option(
      '--json',
      'print {"codeLetter","sampleSize","accept","reject","inspectAll"} on one line',
    )
    .action(async (opts: PlanOptions) => {
      const s = await loadSampling();
      const level = s.usage(() => s.parseInspectionLevel(opts.level));
      const aql = s.usage(() => s.parseAql(opts.aql));
      const severity = s.usage(() => s.parseSeverity(opts.severity));
      const plan = s.usage(() => s.planFor({ lotSize: opts.lotSize, level, aql, severity }));
      if (opts.json) {
        const { codeLetter, sampleSize, accept, reject, inspectAll } = plan;
        process.stdout.write(
          `${JSON.stringify({ codeLetter, sampleSize, accept, reject, inspectAll })}\n`,
        );
        return;
      }
      process.stdout.write(explainPlan(s, { lotSize: opts.lotSize, level, severity }, aql, plan));
    });

  sampling
    .command('simulate')
    .description(
      'Run a series of lots through the plans and the switching rules, starting on normal inspection',
    )
    .requiredOption(
      '--lot-size <n>',
      'units in each lot',
      parseIntOption('--lot-size', 1, MAX_LOT_SIZE),
    )
    .requiredOption('--level <level>', 'inspection level: S-1, S-2, S-3, S-4, I, II or III')
    .requiredOption('--aql <aql>', 'AQL column, percent nonconforming: 0.010 to 10 (e.g. 1.0)')
    .option('--accepted <list>', 'result of each lot: 1 accepted, 0 not accepted (e.g. 1,0,1)')
    .option('--defects <list>', 'nonconforming units found in each lot (e.g. 0,3,1)')
    .option(
      '--allow-reduced',
      'switch to reduced inspection once the switching score reaches 30 (steady production, manager approval assumed)',
    )
    .option('--json', 'print the lots and whether inspection was discontinued as one JSON object')
    .action(async (opts: SimulateOptions) => {
      const s = await loadSampling();
      const level = s.usage(() => s.parseInspectionLevel(opts.level));
      const aql = s.usage(() => s.parseAql(opts.aql));
      const lots = readLots(opts);
      const request = {
        lotSize: opts.lotSize,
        level,
        aql,
        allowReduced: opts.allowReduced ?? false,
      };
      const result = s.usage(() => s.simulate({ ...request, lots }));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      // The severity the next lot would get: one more (accepted) lot shows the state simulate
      // ends in, without a second copy of the switching rules here.
      const probe = result.discontinued
        ? null
        : s.simulate({ ...request, lots: [...lots, { accepted: true }] });
      const after = probe?.lots.at(-1)?.severity ?? 'discontinued';
      process.stdout.write(formatSimulation(s, result, after, lots.length));
    });
}
