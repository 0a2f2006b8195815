import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_ENTITIES } from '../../../src-shared/api/domain-export';
import { addDays, localIsoDate } from '../../../src-shared/util/dates';
import type { EpcisDocument } from '../../reports/epcis';
import { runCli } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/temp-dir';
import { sharedPath } from '../../test-support/shared-dir';

const SCHEMA_FILE = sharedPath('epcis', 'EPCIS-JSON-Schema.json');

let dir: ReturnType<typeof tempDir>;
let dataDir: string;

beforeAll(() => {
  dir = tempDir();
  dataDir = join(dir.path, 'station');
  const seeded = runCli(['demo', 'seed', '--data-dir', dataDir]);
  expect(seeded.status, seeded.stderr).toBe(0);
});
afterAll(() => dir.cleanup());

/** A usage mistake: exit code 2 and one line on stderr. */
function usage(args: readonly string[]): string {
  const r = runCli(args);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr;
}

describe('qcs export epcis', () => {
  it('writes an EPCISDocument that the EPCIS 2.0 schema accepts, and says what it holds', () => {
    const out = join(dir.path, 'events.jsonld');
    const since = addDays(localIsoDate(), -7);
    const r = runCli(['export', 'epcis', '--since', since, '--out', out, '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const document = JSON.parse(readFileSync(out, 'utf8')) as EpcisDocument;
    const events = document.epcisBody.eventList;
    expect(document['qcs:range']).toEqual({ since, until: localIsoDate() });
    // "Wrote 61 EPCIS events (receiving 16, inspecting 11, accepting …) to FILE."
    const counts: Record<string, number> = {};
    for (const e of events) counts[e.bizStep] = (counts[e.bizStep] ?? 0) + 1;
    const said = Object.entries(counts)
      .map(([step, n]) => `${step} ${n}`)
      .join(', ');
    expect(r.stdout).toBe(`Wrote ${events.length} EPCIS events (${said}) to ${out}.\n`);
    expect(counts['receiving']).toBeGreaterThan(0);
    expect(counts['accepting']).toBeGreaterThan(0);
    if (existsSync(SCHEMA_FILE)) {
      const ajv = new Ajv({ allErrors: true });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
      expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    }
  });

  it('exports nothing before the station had events, and still a valid document', () => {
    const out = join(dir.path, 'empty.jsonld');
    const r = runCli([
      'export',
      'epcis',
      '--since',
      '2020-01-01',
      '--until',
      '2020-01-31',
      '--out',
      out,
      '--data-dir',
      dataDir,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`Wrote 0 EPCIS events to ${out}.\n`);
    const document = JSON.parse(readFileSync(out, 'utf8')) as EpcisDocument;
    expect(document.epcisBody.eventList).toEqual([]);
  });

  it('refuses bad dates and ranges with exit code 2', () => {
    const out = join(dir.path, 'x.jsonld');
    expect(usage(['export', 'epcis', '--out', out, '--data-dir', dataDir])).toContain('--since');
    expect(
      usage(['export', 'epcis', '--since', '2026-02-30', '--out', out, '--data-dir', dataDir]),
    ).toContain('--since must be a date as YYYY-MM-DD (got "2026-02-30")');
    expect(
      usage([
        'export',
        'epcis',
        '--since',
        '2026-03-02',
        '--until',
        '2026-03-01',
        '--out',
        out,
        '--data-dir',
        dataDir,
      ]),
    ).toContain('--until 2026-03-01 is before --since 2026-03-02');
    expect(usage(['export', 'epcis', '--since', '2026-03-01', '--data-dir', dataDir])).toContain(
      '--out',
    );
    expect(
      usage([
        'export',
        'epcis',
        '--since',
        '2026-03-01',
        '--out',
        out,
        '--data-dir',
        join(dir.path, 'nothing-here'),
      ]),
    ).toContain('no station data in');
    expect(existsSync(out)).toBe(false);
  });
});

describe('qcs export csv', () => {
  it('writes every entity as CSV: BOM, CRLF, a header row, the row count on stdout', () => {
    for (const entity of CSV_ENTITIES) {
      const out = join(dir.path, `${entity}.csv`);
      const r = runCli(['export', 'csv', entity, '--out', out, '--data-dir', dataDir]);
      expect(r.stderr, entity).toBe('');
      expect(r.status, entity).toBe(0);
      const bytes = readFileSync(out);
      expect([...bytes.subarray(0, 3)], entity).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.endsWith('\r\n'), entity).toBe(true);
      // No quoted field of the demo spans lines: records are lines.
      const records = text.slice(0, -2).split('\r\n');
      expect(r.stdout).toBe(`Wrote ${records.length - 1} ${entity} rows to ${out}.\n`);
      if (entity === 'suppliers') {
        expect(records[0]).toMatch(/^supplier_id,code,name,standing,/);
        expect(records).toHaveLength(10); // the demo's 9 suppliers and the header
        expect(text).toContain('脆狐食品');
      }
    }
  });

  it('refuses an unknown entity with exit code 2', () => {
    const out = join(dir.path, 'x.csv');
    expect(usage(['export', 'csv', 'secrets', '--out', out, '--data-dir', dataDir])).toContain(
      'secrets',
    );
    expect(existsSync(out)).toBe(false);
  });
});
