import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGtin, unitGtin } from '../../demo/demo-data';
import { demoSscc } from '../../demo/seed';
import { openStation } from '../../station';
import { runCli } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/temp-dir';

const dir = tempDir();
const dataDir = join(dir.path, 'station');
const CASHEWS = '692000300001';

beforeAll(() => {
  // Crunch Fox's delivery: two serialised cases of cashews in lot CF1, counted at the dock.
  const station = openStation({ dataDir, mode: 'browser', demo: true });
  const scan = (data: string) =>
    station.scans.submit({ data, source: 'wedge', device: 'w', actor: 'usr-inspector-1' });
  scan(`]C100${demoSscc(102)}`);
  scan(`]C101${caseGtin(CASHEWS)}17270901${'10'}CF1\x1d21CF1-0`);
  scan(`]C101${caseGtin(CASHEWS)}17270901${'10'}CF1\x1d21CF1-1`);
  station.close();
});
afterAll(() => dir.cleanup());

describe('qcs trace lot', () => {
  it("prints a lot's timeline as one JSON object with --json, by any GTIN of its SKU", () => {
    const r = runCli([
      'trace',
      'lot',
      '--gtin',
      caseGtin(CASHEWS),
      '--lot',
      'CF1',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const page = JSON.parse(lines[0] ?? '') as {
      lot: { lot: string; gtin: string; quantity: number };
      delivery: { ssccs: string[] };
      supplier: { name: string };
      timeline: { kind: string; count: number; summary: { en: string; zh: string } }[];
    };
    expect(page.lot).toMatchObject({ lot: 'CF1', gtin: unitGtin(CASHEWS), quantity: 40 });
    expect(page.delivery.ssccs).toEqual([demoSscc(102)]);
    expect(page.supplier.name).toMatch(/Crunch Fox/);
    expect(page.timeline.map((e) => e.kind)).toEqual(['received', 'shelf-life', 'scan']);
    expect(page.timeline[2]).toMatchObject({ count: 2 });
    expect(page.timeline[2]?.summary.en).toBe('2 scans counted 40 units, serials CF1-0 … CF1-1');
  });

  it('prints it readably without --json, and exits 1 when there is no such lot', () => {
    const text = runCli([
      'trace',
      'lot',
      '--gtin',
      unitGtin(CASHEWS),
      '--lot',
      'CF1',
      '--data-dir',
      dataDir,
    ]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(
      /^Lot CF1 of 0\d{13} \(Salted Cashews 180 g\): 40 units, awaiting-inspection/,
    );
    expect(text.stdout).toMatch(/supplier Crunch Fox.*probation/);
    expect(text.stdout).toMatch(/#\d+–\d+ .* 2 scans counted 40 units/);

    const none = runCli([
      'trace',
      'lot',
      '--gtin',
      unitGtin(CASHEWS),
      '--lot',
      'NOPE',
      '--data-dir',
      dataDir,
    ]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(`No lot NOPE of GTIN ${unitGtin(CASHEWS)} at this station.\n`);

    const usage = runCli(['trace', 'lot', '--gtin', '12AB', '--lot', 'CF1', '--data-dir', dataDir]);
    expect(usage.status).toBe(2);
    const missing = runCli(['trace', 'lot', '--lot', 'CF1', '--data-dir', dataDir]);
    expect(missing.status).toBe(2);
  });
});
