import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStation, type Station } from '../station';
import { callAs, valueOf, type TestRole } from '../test-support/station-calls';
import { tempDir } from '../test-support/temp-dir';

interface CsvReply {
  fileName: string;
  mimeType: string;
  base64: string;
  rows: number;
}

let dir: ReturnType<typeof tempDir>;
let station: Station;

const call = <T>(name: string, input: unknown, role: TestRole = 'qc-manager') =>
  callAs<T>(station, role, name, input);

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks) keyed by header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  const [header = [], ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The CSV of an entity as records keyed by column (the BOM stripped, CRLF checked). */
async function csv(entity: string, role: TestRole = 'qc-manager') {
  const reply = await valueOf(call<CsvReply>('export.csv', { entity }, role));
  const bytes = Buffer.from(reply.base64, 'base64');
  expect([...bytes.subarray(0, 3)], entity).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n'), entity).toBe(true);
  const records = parseCsv(text);
  expect(records, entity).toHaveLength(reply.rows);
  return { reply, text, records };
}

/** A complaint, its CAPA and a recall recorded through the API on a demo station. */
beforeAll(async () => {
  dir = tempDir();
  const now = Date.UTC(2026, 10, 28, 9, 0, 0);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
  const lot = station.repos.lots.recent(undefined, 1)[0];
  if (!lot) throw new Error('the demo has lots');
  const complaint = await valueOf(
    call<{ complaintId: string }>('complaints.record', {
      source: 'customer-service',
      description: '=HYPERLINK("x") seal broken 封口破损',
      lotId: lot.lot_id,
      counterfeitSuspected: true,
    }),
  );
  await valueOf(
    call('capa.open', {
      complaintId: complaint.complaintId,
      rootCause: 'Sealing machine out of calibration',
      actions: ['Recalibrate the sealer', 'Daily seal check'],
      dueDate: '2026-12-31',
    }),
  );
  await valueOf(
    call('recalls.open', { reason: 'Seal failures in the field', criteria: { gtin: lot.gtin } }),
  );
});
afterAll(() => {
  station.close();
  dir.cleanup();
});

describe('export.csv: after-sales registers and users', () => {
  it('exports complaints with their lot and supplier, a formula-like text defused', async () => {
    const { records, text } = await csv('complaints');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      source: 'customer-service',
      status: 'open',
      counterfeit_suspected: 'yes',
      description: `'=HYPERLINK("x") seal broken 封口破损`,
    });
    expect(records[0]?.supplier).not.toBe('');
    expect(records[0]?.lot_id).not.toBe('');
    expect(text.split('\r\n')[0]).toMatch(/^complaint_id,received_on,source,status,description,/);
  });

  it('exports corrective actions with their actions and recalls with their progress', async () => {
    const capas = await csv('capas');
    expect(capas.records).toHaveLength(1);
    expect(capas.records[0]).toMatchObject({
      status: 'open',
      root_cause: 'Sealing machine out of calibration',
      actions: 'Recalibrate the sealer; Daily seal check',
      due_date: '2026-12-31',
      opened_by: expect.stringMatching(/\S/) as unknown,
    });
    const recalls = await csv('recalls');
    expect(recalls.records).toHaveLength(1);
    expect(recalls.records[0]).toMatchObject({
      reason: 'Seal failures in the field',
      status: 'open',
    });
    expect(Number(recalls.records[0]?.lots)).toBeGreaterThan(0);
    expect(recalls.records[0]?.pulled).toBe('0');
  });

  it('exports the users for an admin only, without PIN hashes', async () => {
    const { records, text } = await csv('users', 'admin');
    expect(records.map((r) => r.badge)).toEqual(
      expect.arrayContaining(['QCS-INSP-0001', 'QCS-MGR-0001', 'QCS-ADM-0001']),
    );
    expect(records.find((r) => r.badge === 'QCS-ADM-0001')).toMatchObject({
      role: 'admin',
      active: 'yes',
      failed_attempts: '0',
      locked_until: '',
    });
    expect(text).not.toMatch(/scrypt|pin/i);
    expect(await call('export.csv', { entity: 'users' }, 'qc-manager')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call('export.csv', { entity: 'complaints' }, 'inspector')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
