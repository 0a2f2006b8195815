import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../src-main/paths';

/** One figure, always against a baseline measured in the same run. `ratio` = value / baselineValue. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  ratio: number;
  notes: string;
}

/** What a result must reach for `npm run bench -- --check` (CI) to pass. */
export interface Target {
  minRatio?: number;
  maxRatio?: number;
  maxValue?: number;
  why: string;
}

export interface Benchmark {
  name: string;
  description: string;
  /** Targets by result name (the "Done when" figures). */
  targets?: Record<string, Target>;
  run(): Promise<BenchResult[]> | BenchResult[];
  /**
   * A short benchmark whose ratio swings with the machine's state (a browser page, a few
   * frames): a missed target is measured once more before it counts, and both runs are reported.
   */
  remeasureOnMiss?: boolean;
}

/** The problems with a result against its target, as sentences (empty when it meets it). */
export function missedTarget(r: BenchResult, t: Target): string[] {
  const misses: string[] = [];
  if (t.minRatio !== undefined && r.ratio < t.minRatio)
    misses.push(`ratio ${r.ratio} < ${t.minRatio}`);
  if (t.maxRatio !== undefined && r.ratio > t.maxRatio)
    misses.push(`ratio ${r.ratio} > ${t.maxRatio}`);
  if (t.maxValue !== undefined && r.value > t.maxValue)
    misses.push(`${r.value} ${r.unit} > ${t.maxValue} ${r.unit}`);
  return misses.map((m) => `${r.name}: ${m} (${t.why})`);
}

export const RESULTS_FILE = join(appRoot(), 'bench', 'results.json');

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function result(r: Omit<BenchResult, 'ratio'>): BenchResult {
  return {
    ...r,
    value: round(r.value),
    baselineValue: round(r.baselineValue),
    ratio: round(r.value / r.baselineValue),
  };
}

/** Merges new results into bench/results.json (a partial run keeps the other benchmarks' figures). */
export function saveResults(results: readonly BenchResult[]): void {
  const previous: BenchResult[] = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { benchmarks: BenchResult[] }).benchmarks
    : [];
  const names = new Set(results.map((r) => r.name));
  const merged = [...previous.filter((r) => !names.has(r.name)), ...results].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ benchmarks: merged }, null, 2)}\n`);
}
