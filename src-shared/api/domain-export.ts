import { z } from 'zod';
import { defineCall } from './define';
import { isoDate } from '../events/schemas';

const MANAGERS = ['qc-manager', 'admin'] as const;

/** SGLN as an EPC URI: company prefix and location reference (12 digits together), extension. */
const SGLN_URN = /^urn:epc:id:sgln:(\d{6,12})\.(\d{0,6})\.([A-Za-z0-9%!'()*+,\-.:;=_]{1,60})$/;
/** SGLN as a GS1 Digital Link URI: AI 414 (the GLN) and optionally AI 254 (its extension). */
const SGLN_DIGITAL_LINK =
  /^https:\/\/id\.gs1\.org\/414\/(\d{13})(\/254\/[A-Za-z0-9%!'()*+,\-.:;=_~]{1,60})?$/;

/** GS1 mod-10 check (GLN, GTIN): inlined so that the API contract does not load the GS1 dictionary. */
function mod10Valid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Weights 3 and 1 alternate from the right, the check digit itself weighing 1.
    sum += (digits.charCodeAt(digits.length - 1 - i) - 48) * (i % 2 === 1 ? 3 : 1);
  }
  return sum % 10 === 0;
}

/** True for an SGLN the EPCIS document can carry as it is (EPC URI or GS1 Digital Link). */
export function isSgln(value: string): boolean {
  const urn = SGLN_URN.exec(value);
  if (urn) return (urn[1] ?? '').length + (urn[2] ?? '').length === 12;
  const link = SGLN_DIGITAL_LINK.exec(value);
  if (!link) return false;
  return mod10Valid(link[1] ?? '');
}

const sgln = z
  .string()
  .trim()
  .max(120)
  .refine(
    isSgln,
    'an SGLN such as urn:epc:id:sgln:0614141.07346.1234 or https://id.gs1.org/414/9520123456788/254/1 (GLN with a valid check digit)',
  );

/**
 * Where this station's EPCIS events happen. Null leaves the location out of the export; the
 * read point then names the station itself (a URN with its id).
 */
export const epcisSettings = z.object({
  readPointSgln: sgln.nullable(),
  bizLocationSgln: sgln.nullable(),
});
export type EpcisSettings = z.infer<typeof epcisSettings>;
export const defaultEpcisSettings: EpcisSettings = { readPointSgln: null, bizLocationSgln: null };

/** What `export.csv` (and `qcs export csv`) can write: the station's tables and lists. */
export const CSV_ENTITIES = [
  'lots',
  'deliveries',
  'suppliers',
  'inspections',
  'decisions',
  'returns',
  'penalties',
  'pull-list',
  'complaints',
  'capas',
  'recalls',
  /** Admins only: the user list (no PIN hashes). */
  'users',
] as const;
export type CsvEntity = (typeof CSV_ENTITIES)[number];

export const exportCalls = {
  'export.epcis': defineCall({
    summary:
      'GS1 EPCIS 2.0 JSON-LD document of the lots received, inspected, decided and returned in a date range (local dates, inclusive).',
    access: MANAGERS,
    input: z
      .object({ since: isoDate, until: isoDate.optional() })
      .strict()
      .refine((i) => i.until === undefined || i.since <= i.until, {
        message: 'until must not be before since',
        path: ['until'],
      }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/ld+json'),
      base64: z.string(),
      /** EPCIS events in the document. */
      events: z.number().int().nonnegative(),
    }),
  }),
  'export.csv': defineCall({
    summary: 'One of the station’s tables or lists as CSV (UTF-8 with BOM, CRLF, header row).',
    access: MANAGERS,
    input: z.object({ entity: z.enum(CSV_ENTITIES) }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('text/csv'),
      base64: z.string(),
      /** Data rows (the header not counted). */
      rows: z.number().int().nonnegative(),
    }),
  }),
};
