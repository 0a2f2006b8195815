import { basename, extname } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../src-main/store/canonical-json';
import { hashPin, verifyPin } from '../src-main/users/pin-hash';
import { eventPayloads } from '../src-shared/events/catalogue';
import { MASTER_KINDS, masterKind, type MasterKind } from '../src-shared/sync/protocol';
import type { CentralDb } from './db';
import { parseCsv } from './csv';
import { appendChanges, bodyKey, latestBodies } from './store/master-data';

/** Which field of a body is its key (the setting's key for settings). */
const KEY_FIELD = {
  supplier: 'supplierId',
  sku: 'skuId',
  template: 'templateId',
  delivery: 'deliveryId',
  user: 'userId',
  setting: 'key',
} as const satisfies Record<MasterKind, string>;

/** Section names of the JSON object form, and file names of the CSV form (`suppliers.csv`). */
const PLURALS: Record<string, MasterKind> = {
  suppliers: 'supplier',
  skus: 'sku',
  templates: 'template',
  deliveries: 'delivery',
  users: 'user',
  settings: 'setting',
};

const PIN = /^\d{4,8}$/;
const PIN_HASH = /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/;

export interface ImportInput {
  fileName: string;
  text: string;
  format?: 'json' | 'csv' | undefined;
}

export interface RejectedRow {
  /** `line 7` (CSV) or `suppliers[2]` (JSON). */
  row: string;
  kind: string | null;
  key: string | null;
  reason: string;
}

export interface ImportReport {
  fileName: string;
  format: 'json' | 'csv';
  accepted: Partial<Record<MasterKind, number>>;
  /** Valid rows identical to the latest body for their key: nothing to send to stations. */
  unchanged: number;
  rejected: RejectedRow[];
}

interface Candidate {
  row: string;
  kind: unknown;
  raw: unknown;
}

interface Valid {
  row: string;
  kind: MasterKind;
  key: string;
  body: Record<string, unknown>;
  /** A PIN given in clear: kept only until it is compared with the stored hash, never stored. */
  pin: string | null;
}

export function formatOf(input: ImportInput): 'json' | 'csv' {
  if (input.format) return input.format;
  return extname(input.fileName).toLowerCase() === '.csv' ? 'csv' : 'json';
}

/**
 * Reads a file of master data, validates every row with the station's own event payload schema,
 * and appends the valid rows that change something as master changes, in one transaction.
 */
export async function importMasterData(db: CentralDb, input: ImportInput): Promise<ImportReport> {
  const format = formatOf(input);
  const rejected: RejectedRow[] = [];
  const candidates =
    format === 'csv' ? csvCandidates(input, rejected) : jsonCandidates(input.text, rejected);
  const valid: Valid[] = [];
  for (const c of candidates) {
    const v = validateRow(c);
    if ('reason' in v) rejected.push(v);
    else valid.push(v);
  }
  const accepted: Partial<Record<MasterKind, number>> = {};
  let unchanged = 0;
  await db.transaction(async (tx) => {
    const latest = await latestBodies(tx, valid);
    const changes: { kind: MasterKind; key: string; body: unknown }[] = [];
    for (const v of valid) {
      const k = bodyKey(v.kind, v.key);
      const previous = latest.get(k);
      const body = withPinHash(v, previous);
      if (previous !== undefined && canonicalJson(previous) === canonicalJson(body)) {
        unchanged += 1;
        continue;
      }
      latest.set(k, body);
      changes.push({ kind: v.kind, key: v.key, body });
      accepted[v.kind] = (accepted[v.kind] ?? 0) + 1;
    }
    await appendChanges(tx, changes);
  });
  return { fileName: input.fileName, format, accepted, unchanged, rejected };
}

/**
 * A clear PIN becomes an scrypt hash. When the stored user already has a hash of the same PIN,
 * that hash is kept, so re-importing the same file is a no-op rather than a new salt each time.
 */
function withPinHash(v: Valid, previous: unknown): Record<string, unknown> {
  if (v.pin === null) return v.body;
  const old = (previous as { pinHash?: unknown } | undefined)?.pinHash;
  const pinHash = typeof old === 'string' && verifyPin(v.pin, old) ? old : hashPin(v.pin);
  return { ...v.body, pinHash };
}

function jsonCandidates(text: string, rejected: RejectedRow[]): Candidate[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    rejected.push({ row: 'file', kind: null, key: null, reason: `not JSON: ${String(err)}` });
    return [];
  }
  if (Array.isArray(data)) {
    return data.map((item: unknown, i) => {
      const o = (item ?? {}) as { kind?: unknown; key?: unknown; body?: unknown };
      return { row: `[${i}]`, kind: o.kind, raw: o.body };
    });
  }
  if (data === null || typeof data !== 'object') {
    rejected.push({
      row: 'file',
      kind: null,
      key: null,
      reason: 'expected an object of sections (suppliers, skus…) or an array of {kind, body}',
    });
    return [];
  }
  const out: Candidate[] = [];
  for (const [section, rows] of Object.entries(data)) {
    const kind = PLURALS[section];
    if (!kind || !Array.isArray(rows)) {
      rejected.push({
        row: section,
        kind: null,
        key: null,
        reason: `unknown section "${section}" (expected an array under ${Object.keys(PLURALS).join(', ')})`,
      });
      continue;
    }
    rows.forEach((raw: unknown, i) => out.push({ row: `${section}[${i}]`, kind, raw }));
  }
  return out;
}

function csvCandidates(input: ImportInput, rejected: RejectedRow[]): Candidate[] {
  let records;
  try {
    records = parseCsv(input.text);
  } catch (err) {
    rejected.push({ row: 'file', kind: null, key: null, reason: (err as Error).message });
    return [];
  }
  const [header, ...rows] = records;
  if (!header) return [];
  const columns = header.cells.map((c) => c.trim());
  const stem = basename(input.fileName, extname(input.fileName)).toLowerCase();
  const fileKind = PLURALS[stem] ?? masterKind.safeParse(stem).data ?? null;
  if (!columns.includes('kind') && !fileKind) {
    rejected.push({
      row: 'file',
      kind: null,
      key: null,
      reason: `no "kind" column and the file name "${input.fileName}" names no kind (suppliers.csv, skus.csv…)`,
    });
    return [];
  }
  return rows.map((r) => {
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => (cells[c] = r.cells[i] ?? ''));
    const { kind = fileKind, ...rest } = cells;
    const parsedKind = masterKind.safeParse(PLURALS[kind ?? ''] ?? kind);
    const raw = parsedKind.success ? coerceRow(parsedKind.data, rest) : rest;
    return { row: `line ${r.line}`, kind: parsedKind.success ? parsedKind.data : kind, raw };
  });
}

/** CSV cells are text: turn each into what the payload schema expects for its column. */
function coerceRow(kind: MasterKind, cells: Record<string, string>): Record<string, unknown> {
  const shape = eventPayloads[MASTER_KINDS[kind]].shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(cells)) {
    const value = coerceCell(shape[column], cell);
    if (value !== undefined) out[column] = value;
  }
  return out;
}

function coerceCell(schema: z.ZodType | undefined, cell: string): unknown {
  if (schema instanceof z.ZodOptional)
    return cell === '' ? undefined : coerceCell(schema.unwrap() as z.ZodType, cell);
  if (schema instanceof z.ZodNullable)
    return cell === '' ? null : coerceCell(schema.unwrap() as z.ZodType, cell);
  if (schema === undefined || schema instanceof z.ZodString || schema instanceof z.ZodEnum)
    return cell;
  if (schema instanceof z.ZodNumber) return cell.trim() === '' ? cell : Number(cell);
  if (schema instanceof z.ZodBoolean) {
    const v = cell.trim().toLowerCase();
    return ['true', 'yes', '1'].includes(v)
      ? true
      : ['false', 'no', '0'].includes(v)
        ? false
        : cell;
  }
  // Arrays, objects, JSON values (supplier documents, SKU packaging, a setting's value): JSON text.
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return cell;
  }
}

function validateRow(c: Candidate): Valid | RejectedRow {
  const reject = (reason: string, kind: string | null = null, key: string | null = null) => ({
    row: c.row,
    kind,
    key,
    reason,
  });
  const kind = masterKind.safeParse(c.kind);
  if (!kind.success) {
    return reject(
      `unknown kind ${JSON.stringify(c.kind)} (expected ${masterKind.options.join(', ')})`,
    );
  }
  if (c.raw === null || typeof c.raw !== 'object' || Array.isArray(c.raw)) {
    return reject('the body is not an object', kind.data);
  }
  const raw = { ...(c.raw as Record<string, unknown>) };
  const keyValue = raw[KEY_FIELD[kind.data]];
  const key = typeof keyValue === 'string' ? keyValue : null;
  let pin: string | null = null;
  if (kind.data === 'user') {
    if ('pin' in raw && raw.pin !== undefined && raw.pin !== '') {
      if (raw.pinHash !== undefined)
        return reject('give either pin or pinHash, not both', 'user', key);
      if (typeof raw.pin !== 'string' || !PIN.test(raw.pin)) {
        return reject('pin must be 4 to 8 digits', 'user', key);
      }
      pin = raw.pin;
      // A placeholder that passes the schema; the real hash is made once we know the old one.
      raw.pinHash = 'scrypt$0$0$0$pending$pending';
    }
    delete raw.pin;
    if (pin === null && (typeof raw.pinHash !== 'string' || !PIN_HASH.test(raw.pinHash))) {
      return reject(
        'pinHash must be an scrypt hash (scrypt$N$r$p$salt$hash); or give pin',
        'user',
        key,
      );
    }
  }
  const parsed = eventPayloads[MASTER_KINDS[kind.data]].safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    return reject(issues.join('; '), kind.data, key);
  }
  if (key === null || key.length > 80)
    return reject(`${KEY_FIELD[kind.data]} is missing`, kind.data, key);
  return { row: c.row, kind: kind.data, key, body: parsed.data, pin };
}
