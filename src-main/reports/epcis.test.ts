/**
 * The EPCIS export against the EPCIS 2.0 JSON Schema (../shared/epcis, draft-07, validated with
 * ajv + ajv-formats), on a demo station driven through the scan pipeline and the API. The
 * standard's own examples must pass first: that proves the validator is set up right.
 */
// The station's local offset is part of every event: pin it (not UTC, to see it written).
process.env.TZ = 'Asia/Shanghai';

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src-shared/events/catalogue';
import { parseGs1 } from '../../src-shared/gs1';
import { addDays } from '../../src-shared/util/dates';
import { caseGtin, unitGtin } from '../demo/demo-data';
import { demoSscc } from '../demo/seed';
import { openStation, type Station } from '../station';
import { passingResults } from '../test-support/inspection-results';
import { tempDir } from '../test-support/temp-dir';
import {
  lgtinUri,
  scanCounted,
  sgtinUri,
  ssccUri,
  type EpcisDocument,
  type EpcisObjectEvent,
} from './epcis';
import { sharedPath } from '../test-support/shared-dir';
import { callAs, valueOf, type TestRole } from '../test-support/station-calls';

const EPCIS_DIR = sharedPath('epcis');
const SCHEMA_FILE = resolve(EPCIS_DIR, 'EPCIS-JSON-Schema.json');
const EXAMPLES_DIR = resolve(EPCIS_DIR, 'examples');

/**
 * Two validators over the same schema. `strict`: RFC 3986 URIs (ajv-formats, full mode), for
 * our documents. `examples`: the same, and a JSON-LD blank node id (`_:document1`) where a URI
 * is required — the standard's Digital Link examples name their document that way, which is
 * JSON-LD but not RFC 3986; nothing else is relaxed.
 */
function validators(): { strict: ValidateFunction; examples: ValidateFunction } {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
  const rfc3986 = fullFormats.uri;
  if (typeof rfc3986 !== 'function') throw new Error('ajv-formats: no uri check');
  const make = (blankNodes: boolean) => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    if (blankNodes) ajv.addFormat('uri', (s: string) => /^_:\S+$/.test(s) || rfc3986(s));
    return ajv.compile(schema);
  };
  return { strict: make(false), examples: make(true) };
}

const TODAY = '2026-11-25';
const DAY2 = addDays(TODAY, 1);
let now = 0;
let dir: ReturnType<typeof tempDir>;
let station: Station;
const INSPECTOR = 'usr-inspector-1';
const MANAGER_SIGN_OFF = { badge: 'QCS-MGR-0001', pin: '5678' };

const call = <T>(name: string, input: unknown, role: TestRole = 'qc-manager') =>
  callAs<T>(station, role, name, input);
const ok = valueOf;
const scan = (data: string) => {
  now += 1000;
  return station.scans.submit({ data, source: 'wedge', device: 'w', actor: INSPECTOR });
};
const lotIdOf = (lot: string) =>
  station.intake.active()?.lots.find((l) => l.lot === lot)?.lotId ?? '';

/** Inspects a lot with one sampled unit failing `check`, completes it, returns the proposal. */
function inspectFailing(lotId: string, check: string): string | undefined {
  const started = station.inspection.start(lotId, INSPECTOR);
  const template = station.inspection.templateOf(started);
  station.inspection.recordUnit(
    started.inspection_id,
    { results: passingResults(template, [check]), photos: [PHOTO] },
    INSPECTOR,
  );
  station.inspection.complete(started.inspection_id, INSPECTOR);
  return station.repos.inspections.byId(started.inspection_id)?.proposal ?? undefined;
}
let PHOTO = '';

const CASHEWS = caseGtin('692000300001');
const CRISPS = caseGtin('692000300003');
const JERKY = caseGtin('692000300004');
const PALLET_SSCC = demoSscc(777);

/**
 * Day 1 (after the demo's history): Crunch Fox's pallet opens its delivery; three serialised
 * cases of cashews (lot CF1) fail on a critical defect and are returned; a pallet-content label
 * counts six cases of jerky (lot CF3). Day 2: two cases of crisps (CF2) fail a label check and
 * a QC manager holds them instead; the jerky is accepted by a manager without inspection.
 */
async function runDock(): Promise<void> {
  const jpeg = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
  PHOTO = (await station.photos.put(jpeg)).sha256;
  expect(scan(`]C100${demoSscc(102)}`).outcome).toBe('opened-delivery');
  for (let i = 0; i < 3; i += 1)
    expect(scan(`]C101${CASHEWS}17270901` + `10CF1\x1d21CF1-${i}`).outcome).toBe('counted');
  expect(scan(`]C100${PALLET_SSCC}02${JERKY}3706\x1d17270514` + '10CF3').outcome).toBe('counted');
  expect(inspectFailing(lotIdOf('CF1'), 'inner-seal')).toBe('reject');
  await ok(call('inspection.decide', { lotId: lotIdOf('CF1'), decision: 'reject' }, 'inspector'));

  now = Date.parse(`${DAY2}T10:00:00`);
  for (let i = 0; i < 2; i += 1)
    expect(scan(`]C101${CRISPS}17270901` + `10CF2\x1d21CF2-${i}`).outcome).toBe('counted');
  expect(inspectFailing(lotIdOf('CF2'), 'label-matches-barcode')).toBe('reject');
  const decide = (lot: string, decision: string, reason: string) =>
    ok(
      call(
        'inspection.decide',
        { lotId: lotIdOf(lot), decision, reason, signOff: MANAGER_SIGN_OFF },
        'inspector',
      ),
    );
  await decide('CF2', 'hold', 'Label misprint: supplier to confirm the batch');
  await decide('CF3', 'accept', 'Pallet label and cartons checked at the dock');
}

async function exportEpcis(since: string, until?: string) {
  const out = await ok(
    call<{ fileName: string; mimeType: string; base64: string; events: number }>(
      'export.epcis',
      until ? { since, until } : { since },
    ),
  );
  const document = JSON.parse(Buffer.from(out.base64, 'base64').toString('utf8')) as EpcisDocument;
  return { out, document, events: document.epcisBody.eventList };
}

/** The station's own events in a local date range, counted as the mapping promises. */
function expectedCounts(since: string, until: string): Record<string, number> {
  const from = Date.parse(`${since}T00:00:00`);
  const to = Date.parse(`${addDays(until, 1)}T00:00:00`);
  const counts: Record<string, number> = {};
  const add = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const row of station.repos.events.iterateAll()) {
    if (row.recorded_at < from || row.recorded_at >= to) continue;
    const payload: unknown = JSON.parse(row.payload);
    switch (row.type) {
      case 'lot.received':
        add('receiving');
        break;
      case 'scan.recorded': {
        const p = payload as EventPayload<'scan.recorded'>;
        const sscc = parseGs1(p.data).fields.some((f) => f.ai === '00');
        if (scanCounted(p) || (sscc && ['opened-delivery', 'pallet'].includes(p.outcome ?? '')))
          add('receiving');
        break;
      }
      case 'inspection.completed':
        add('inspecting');
        break;
      case 'lot.decided': {
        const p = payload as EventPayload<'lot.decided'>;
        add(p.decision === 'accept' ? 'accepting' : 'holding');
        add(`decided:${p.decision}`);
        break;
      }
      case 'lot.returned':
        add('shipping');
        break;
      default:
        break;
    }
  }
  return counts;
}

function exportedCounts(events: readonly EpcisObjectEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  const decision = {
    sellable_not_accessible: 'accept',
    non_sellable_other: 'hold',
    non_conformant: 'reject',
  } as Record<string, string>;
  for (const e of events) {
    add(e.bizStep);
    if (e.bizStep === 'accepting' || e.bizStep === 'holding')
      add(`decided:${decision[e.disposition ?? ''] ?? '?'}`);
  }
  return counts;
}

describe.skipIf(!existsSync(SCHEMA_FILE))('EPCIS 2.0 export', () => {
  const { strict, examples } = validators();

  it('sets the validator up right: the standard examples pass, broken documents fail', () => {
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.jsonld'));
    expect(files).toHaveLength(4);
    for (const file of files) {
      const example = JSON.parse(readFileSync(resolve(EXAMPLES_DIR, file), 'utf8')) as {
        id: string;
      };
      expect(examples(example), `${file}: ${JSON.stringify(examples.errors)}`).toBe(true);
      // Strictly, only the blank node document id of the Digital Link examples is not a URI.
      const strictlyValid: boolean = strict(example);
      if (strictlyValid) continue;
      expect(example.id).toBe('_:document1');
      expect(strict.errors?.[0]).toMatchObject({ instancePath: '/id', keyword: 'format' });
    }
    const valid = JSON.parse(
      readFileSync(resolve(EXAMPLES_DIR, 'Example_9.6.2-ObjectEvent.jsonld'), 'utf8'),
    ) as { epcisBody: { eventList: Record<string, unknown>[] } };
    const event = valid.epcisBody.eventList[0] ?? {};
    const broken = (change: Record<string, unknown>, drop?: string) => {
      const e: Record<string, unknown> = { ...event, ...change };
      if (drop) delete e[drop];
      return { ...valid, epcisBody: { eventList: [e] } };
    };
    // CBV 2.0 has no `returning` step, and every event needs its time zone offset.
    expect(strict(broken({ bizStep: 'returning' }))).toBe(false);
    expect(strict(broken({}, 'eventTimeZoneOffset'))).toBe(false);
    expect(strict(broken({ eventTime: '2026-11-25 09:00' }))).toBe(false);
    expect(strict(broken({ 'not a uri': 1 }))).toBe(false);
    expect(strict(broken({ bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving' }))).toBe(true);
  });

  describe('on a demo station', () => {
    beforeEach(() => {
      dir = tempDir();
      now = Date.parse(`${TODAY}T09:00:00`);
      station = openStation({
        dataDir: dir.path,
        mode: 'browser',
        demo: true,
        clock: () => now,
        validateOutput: true,
      });
    });
    afterEach(() => {
      station.close();
      dir.cleanup();
    });

    it('exports a valid EPCISDocument whose event counts per bizStep match the log', async () => {
      await runDock();
      const since = addDays(TODAY, -5);
      const { out, document, events } = await exportEpcis(since, DAY2);
      expect(strict(document), JSON.stringify(strict.errors?.slice(0, 3))).toBe(true);
      expect(out.mimeType).toBe('application/ld+json');
      expect(out.fileName).toBe(`epcis-${station.stationId}-${since}_${DAY2}.jsonld`);
      expect(out.events).toBe(events.length);

      const counts = exportedCounts(events);
      expect(counts).toEqual(expectedCounts(since, DAY2));
      // The demo's history holds one held and two rejected lots (recorded without returns);
      // today's dock rejects and returns CF1, tomorrow's holds CF2.
      expect(counts).toMatchObject({ shipping: 1, 'decided:hold': 2, 'decided:reject': 3 });

      // Every event is tied back to the log: same UUID, seq and hash.
      const rows = new Map([...station.repos.events.iterateAll()].map((r) => [r.seq, r]));
      for (const e of events) {
        const row = rows.get(e['qcs:seq']);
        expect(e.eventID).toBe(`urn:uuid:${row?.id ?? ''}`);
        expect(e['qcs:hash']).toBe(row?.hash);
        expect(e['qcs:eventType']).toBe(row?.type);
        expect(e.eventTime).toBe(new Date(row?.recorded_at ?? 0).toISOString());
        expect(e.eventTimeZoneOffset).toBe('+08:00');
        expect(e.readPoint.id).toBe(`urn:intake-qc-station:station:${station.stationId}`);
        expect(e.bizLocation).toBeUndefined();
      }
      expect(document['qcs:logHead']).toEqual({
        seq: station.log.head().seq,
        hash: station.log.head().hash,
      });
      expect(document['@context']).toEqual([
        'https://ref.gs1.org/standards/epcis/epcis-context.jsonld',
        { qcs: 'urn:intake-qc-station:epcis:' },
      ]);
    });

    it('names lots, serialised cases and pallets with GS1 Digital Link URIs', async () => {
      await runDock();
      const { events } = await exportEpcis(TODAY, TODAY);
      const cf1 = lgtinUri(unitGtin('692000300001'), 'CF1');
      expect(cf1).toBe(`https://id.gs1.org/01/${unitGtin('692000300001')}/10/CF1`);
      const cf3 = lgtinUri(unitGtin('692000300004'), 'CF3');
      const ofType = (type: string) => events.filter((e) => e['qcs:eventType'] === type);
      const scans = ofType('scan.recorded');
      expect(scans.map((e) => e.epcList ?? [])).toEqual([
        [ssccUri(demoSscc(102))],
        [sgtinUri(CASHEWS, 'CF1-0')],
        [sgtinUri(CASHEWS, 'CF1-1')],
        [sgtinUri(CASHEWS, 'CF1-2')],
        [ssccUri(PALLET_SSCC)],
      ]);
      // Cases count as consumer units of the SKU's unit GTIN: 20 per case of cashews and jerky.
      expect(scans.slice(1).map((e) => e.quantityList)).toEqual([
        [{ epcClass: cf1, quantity: 20 }],
        [{ epcClass: cf1, quantity: 20 }],
        [{ epcClass: cf1, quantity: 20 }],
        [{ epcClass: cf3, quantity: 120 }],
      ]);
      const received = ofType('lot.received').at(-1);
      expect(received).toMatchObject({
        bizStep: 'receiving',
        disposition: 'in_progress',
        quantityList: [{ epcClass: cf3 }],
        bizTransactionList: [
          { type: 'desadv', bizTransaction: 'urn:intake-qc-station:desadv:ASN-20261125-02' },
        ],
        sourceList: [{ type: 'owning_party', source: 'urn:intake-qc-station:supplier:SUP-003' }],
      });
      expect(ofType('inspection.completed').at(-1)).toMatchObject({
        bizStep: 'inspecting',
        disposition: 'non_conformant',
        quantityList: [{ epcClass: cf1, quantity: 60 }],
      });
      const returned = ofType('lot.returned');
      expect(returned).toHaveLength(1);
      expect(returned[0]).toMatchObject({
        bizStep: 'shipping',
        disposition: 'returned',
        quantityList: [{ epcClass: cf1, quantity: 60 }],
        destinationList: [
          { type: 'owning_party', destination: 'urn:intake-qc-station:supplier:SUP-003' },
        ],
      });
      expect(returned[0]?.bizTransactionList?.[1]).toMatchObject({ type: 'rma' });
      // Every identifier is a Digital Link the station's own GS1 parser reads back.
      for (const e of events) {
        for (const uri of [...(e.epcList ?? []), ...(e.quantityList ?? []).map((q) => q.epcClass)])
          expect(parseGs1(uri), uri).toMatchObject({ valid: true, form: 'digital-link' });
      }
      // A lot code with characters a URI reserves is percent-encoded, and reads back as it was.
      const odd = lgtinUri('09506000134352', 'A/B%C');
      expect(odd).toBe('https://id.gs1.org/01/09506000134352/10/A%2FB%25C');
      expect(parseGs1(odd).fields.find((f) => f.ai === '10')?.value).toBe('A/B%C');
    });

    it('exports only the local dates asked for', async () => {
      await runDock();
      const { document, events } = await exportEpcis(DAY2, DAY2);
      expect(strict(document)).toBe(true);
      expect(exportedCounts(events)).toEqual(expectedCounts(DAY2, DAY2));
      expect(exportedCounts(events)).toEqual({
        receiving: 3,
        inspecting: 1,
        holding: 1,
        accepting: 1,
        'decided:hold': 1,
        'decided:accept': 1,
      });
      const before = await exportEpcis(addDays(TODAY, -30), addDays(TODAY, -1));
      expect(before.events).toEqual([]);
      expect(strict(before.document)).toBe(true);
    });

    it('takes the read point and business location from the settings; managers only', async () => {
      await runDock();
      const epcis = {
        readPointSgln: 'urn:epc:id:sgln:0614141.07346.1234',
        bizLocationSgln: 'https://id.gs1.org/414/9520123456788/254/DOCK1',
      };
      const asInspector = await call('settings.update', { epcis }, 'inspector');
      expect(asInspector).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const badGln = await call('settings.update', {
        epcis: { ...epcis, bizLocationSgln: 'https://id.gs1.org/414/9520123456789' },
      });
      expect(badGln).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      await ok(call('settings.update', { epcis }));
      const { document, events } = await exportEpcis(DAY2);
      expect(strict(document)).toBe(true);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        expect(e.readPoint).toEqual({ id: epcis.readPointSgln });
        expect(e.bizLocation).toEqual({ id: epcis.bizLocationSgln });
      }
      const refused = await call('export.epcis', { since: TODAY }, 'inspector');
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const backwards = await call('export.epcis', { since: DAY2, until: TODAY });
      expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    });

    it('exports every CSV entity with a BOM, CRLF and a header row', async () => {
      await runDock();
      const all = expectedCounts('2000-01-01', '2100-01-01');
      const expectRows: Record<string, number> = {
        decisions: (all['accepting'] ?? 0) + (all['holding'] ?? 0),
        returns: all['shipping'] ?? 0,
      };
      for (const entity of [
        'lots',
        'deliveries',
        'suppliers',
        'inspections',
        'decisions',
        'returns',
        'penalties',
        'pull-list',
      ]) {
        const out = await ok(
          call<{ fileName: string; mimeType: string; base64: string; rows: number }>('export.csv', {
            entity,
          }),
        );
        const bytes = Buffer.from(out.base64, 'base64');
        expect([...bytes.subarray(0, 3)], entity).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.subarray(3).toString('utf8');
        expect(text.endsWith('\r\n'), entity).toBe(true);
        expect(text.replaceAll('\r\n', '').includes('\n'), entity).toBe(false);
        expect(out.mimeType).toBe('text/csv');
        expect(out.fileName).toBe(`${entity}-${station.stationId}-${DAY2}.csv`);
        const expected = expectRows[entity];
        if (expected !== undefined) expect(out.rows, entity).toBe(expected);
        if (entity !== 'pull-list' && entity !== 'penalties')
          expect(out.rows, entity).toBeGreaterThan(0);
      }
      const lots = await ok(call<{ base64: string }>('export.csv', { entity: 'lots' }));
      const lines = Buffer.from(lots.base64, 'base64').subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe(
        'lot_id,received_on,delivery,supplier,gtin,sku,category,lot,quantity,expiry,status,shelf_life_ok,removal_date',
      );
      expect(lines.find((l) => l.includes(',CF1,'))).toMatch(/,60,2027-09-01,rejected,/);
      const refused = await call('export.csv', { entity: 'lots' }, 'inspector');
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });
});
