/**
 * GS1 EPCIS 2.0 export: what happened to lots at this dock, as ObjectEvents in one
 * EPCISDocument (JSON-LD), for trading partners, head office and regulators.
 *
 * One station event becomes at most one EPCIS event, with the same identity: `eventID` is the
 * station event's UUID (`urn:uuid:…`) and the extension fields `qcs:seq` / `qcs:hash` name its
 * place in the hash-chained log, so anything in an export can be checked against the
 * tamper-evident log (`qcs log verify`). We do not use the CBV `ni:///sha-256` event hash: that
 * is a hash of the EPCIS event's own canonical form, and a reader recomputing it must match.
 *
 *   station event                      bizStep      disposition            what
 *   lot.received                       receiving    in_progress            LGTIN (+ units when known)
 *   scan.recorded, counted             receiving    in_progress            LGTIN × units; SGTIN / SSCC
 *   scan.recorded, pallet SSCC         receiving    in_progress            SSCC
 *   inspection.completed               inspecting   conformant | non_conformant | non_sellable_other
 *                                                   (the proposal: accept | reject | hold)
 *   lot.decided accept                 accepting    sellable_not_accessible
 *   lot.decided hold                   holding      non_sellable_other
 *   lot.decided reject                 holding      non_conformant         (set apart for return)
 *   lot.returned                       shipping     returned               LGTIN × returned units
 *
 * CBV 2.0 has no `returning` step: goods going back are `shipping` with disposition `returned`.
 * No station event destroys goods, so `destroying` never appears. Quantities are consumer units
 * (no `uom`: a count of instances); a lot's quantity on the later events is what its receipt and
 * scans had counted by then. Identifiers are GS1 Digital Link URIs; what has no GS1 key here
 * (the station, a delivery number, a return, a supplier) gets a URN under `urn:intake-qc-station:`.
 */
import type { EpcisSettings } from '../../src-shared/api/domain-export';
import type { EventPayload } from '../../src-shared/events/catalogue';
import { classifyScan } from '../../src-shared/intake/scan-classify';
import { addDays, localIsoDate } from '../../src-shared/util/dates';
import type { EventRow } from '../store/event-log';
import type { Repos } from '../store/repos';

/** The normative EPCIS 2.0 JSON-LD context (named, never fetched). */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/epcis-context.jsonld';
/** Our URNs: the station and what has no GS1 key. */
export const QCS_URN = 'urn:intake-qc-station:';
/** The JSON-LD namespace of our extension fields (`qcs:seq`…). */
export const QCS_NAMESPACE = `${QCS_URN}epcis:`;

export type BizStep = 'receiving' | 'inspecting' | 'accepting' | 'holding' | 'shipping';
export type Disposition =
  | 'in_progress'
  | 'conformant'
  | 'non_conformant'
  | 'non_sellable_other'
  | 'sellable_not_accessible'
  | 'returned';

export interface QuantityElement {
  epcClass: string;
  /** Consumer units; absent when not known yet (a lot opened by a scan counts on its scans). */
  quantity?: number;
}

export interface EpcisObjectEvent {
  type: 'ObjectEvent';
  eventID: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  action: 'OBSERVE';
  bizStep: BizStep;
  disposition?: Disposition;
  epcList?: string[];
  quantityList?: QuantityElement[];
  readPoint: { id: string };
  bizLocation?: { id: string };
  bizTransactionList?: { type: 'desadv' | 'rma'; bizTransaction: string }[];
  sourceList?: { type: 'owning_party'; source: string }[];
  destinationList?: { type: 'owning_party'; destination: string }[];
  'qcs:eventType': string;
  'qcs:seq': number;
  'qcs:hash': string;
}

export interface EpcisDocument {
  '@context': [string, { qcs: string }];
  type: 'EPCISDocument';
  schemaVersion: '2.0';
  creationDate: string;
  'qcs:stationId': string;
  /** The local dates exported (inclusive) and the log's head when the export was made. */
  'qcs:range': { since: string; until: string };
  'qcs:logHead': { seq: number; hash: string };
  epcisBody: { eventList: EpcisObjectEvent[] };
}

export interface EpcisRequest {
  since: string;
  until: string;
  stationId: string;
  settings: EpcisSettings;
  now: Date;
}

export interface EpcisExport {
  document: EpcisDocument;
  /** Events per bizStep, for the summary line. */
  counts: Partial<Record<BizStep, number>>;
}

/** GS1 Digital Link value: percent-encode all but RFC 3986's unreserved characters. */
function dlValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Class-level identifier: GTIN + lot (LGTIN), or the GTIN alone when the barcode had no lot. */
export const lgtinUri = (gtin: string, lot: string): string =>
  lot ? `https://id.gs1.org/01/${gtin}/10/${dlValue(lot)}` : `https://id.gs1.org/01/${gtin}`;
export const sgtinUri = (gtin: string, serial: string): string =>
  `https://id.gs1.org/01/${gtin}/21/${dlValue(serial)}`;
export const ssccUri = (sscc: string): string => `https://id.gs1.org/00/${sscc}`;
const qcsUrn = (kind: string, value: string) => `${QCS_URN}${kind}:${encodeURIComponent(value)}`;

/** The station's UTC offset at that instant, as EPCIS writes it (`+08:00`). */
export function timeZoneOffset(ms: number): string {
  const minutes = -new Date(ms).getTimezoneOffset();
  const abs = Math.abs(minutes);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** Midnight at the start of a local date, in ms. */
const localMidnight = (date: string): number => new Date(`${date}T00:00:00`).getTime();

interface LotFacts {
  gtin: string;
  lot: string;
  deliveryId: string;
  /** Consumer units counted so far (receipt + counted scans), in log order. */
  units: number;
}

/** An EPCIS event before the lookups (delivery number, supplier) that follow the log scan. */
interface Draft {
  row: EventRow;
  bizStep: BizStep;
  disposition?: Disposition | undefined;
  epcList?: string[];
  quantityList?: QuantityElement[];
  deliveryId: string | null;
  returnId?: string;
  /** The supplier as the goods' owner they come from (receipt) or go back to (return). */
  supplier?: { id: string; role: 'source' | 'destination' };
}

const INSPECTION_DISPOSITION = {
  accept: 'conformant',
  reject: 'non_conformant',
  hold: 'non_sellable_other',
} as const satisfies Record<string, Disposition>;

const DECISION_STEP = {
  accept: { bizStep: 'accepting', disposition: 'sellable_not_accessible' },
  hold: { bizStep: 'holding', disposition: 'non_sellable_other' },
  reject: { bizStep: 'holding', disposition: 'non_conformant' },
} as const satisfies Record<string, { bizStep: BizStep; disposition: Disposition }>;

/** A scan counted units into a lot (scans recorded before outcomes existed: a lot and units). */
export function scanCounted(p: EventPayload<'scan.recorded'>): boolean {
  return p.outcome === 'counted' || (p.outcome === undefined && !!p.lotId && !!p.units);
}

const parse = <T>(row: EventRow) => JSON.parse(row.payload) as T;

/**
 * Builds the EPCIS document for the events recorded on local dates `since`…`until`. Reads the
 * whole log once, in order: a lot's GTIN, lot code and running unit count come from its own
 * events, so the export says what the log says even if a projection were stale.
 */
export function buildEpcisDocument(repos: Repos, request: EpcisRequest): EpcisExport {
  const from = localMidnight(request.since);
  const to = localMidnight(addDays(request.until, 1));
  const lots = new Map<string, LotFacts>();
  const drafts: Draft[] = [];
  let head = { seq: 0, hash: '' };
  const lotDraft = (
    row: EventRow,
    lotId: string,
    step: { bizStep: BizStep; disposition?: Disposition | undefined },
  ): Draft | null => {
    const lot = lots.get(lotId);
    if (!lot) return null; // Every lot is received before anything else happens to it.
    return {
      row,
      ...step,
      quantityList: [{ epcClass: lgtinUri(lot.gtin, lot.lot), quantity: lot.units }],
      deliveryId: lot.deliveryId,
    };
  };

  for (const row of repos.events.iterateAll()) {
    head = { seq: row.seq, hash: row.hash };
    const inRange = row.recorded_at >= from && row.recorded_at < to;
    let draft: Draft | null = null;
    switch (row.type) {
      case 'lot.received': {
        const p = parse<EventPayload<'lot.received'>>(row);
        lots.set(p.lotId, {
          gtin: p.gtin,
          lot: p.lot,
          deliveryId: p.deliveryId,
          units: p.quantity,
        });
        if (inRange) {
          const epcClass = lgtinUri(p.gtin, p.lot);
          draft = {
            row,
            bizStep: 'receiving',
            disposition: 'in_progress',
            quantityList: [p.quantity > 0 ? { epcClass, quantity: p.quantity } : { epcClass }],
            deliveryId: p.deliveryId,
          };
        }
        break;
      }
      case 'scan.recorded': {
        const p = parse<EventPayload<'scan.recorded'>>(row);
        const counted = scanCounted(p);
        const lot = p.lotId ? lots.get(p.lotId) : undefined;
        if (counted && lot && p.units) lot.units += p.units;
        if (inRange) draft = scanDraft(row, p, counted, lot);
        break;
      }
      case 'inspection.completed': {
        if (!inRange) break;
        const p = parse<EventPayload<'inspection.completed'>>(row);
        // History imported without a proposal states no verdict: the disposition is left out.
        const disposition = p.proposal
          ? INSPECTION_DISPOSITION[p.proposal]
          : p.counterfeitSuspected
            ? 'non_conformant'
            : undefined;
        draft = lotDraft(row, p.lotId, { bizStep: 'inspecting', disposition });
        break;
      }
      case 'lot.decided': {
        if (!inRange) break;
        const p = parse<EventPayload<'lot.decided'>>(row);
        draft = lotDraft(row, p.lotId, DECISION_STEP[p.decision]);
        break;
      }
      case 'lot.returned': {
        if (!inRange) break;
        const p = parse<EventPayload<'lot.returned'>>(row);
        const lot = lots.get(p.lotId);
        if (!lot) break;
        draft = {
          row,
          bizStep: 'shipping',
          disposition: 'returned',
          quantityList: [{ epcClass: lgtinUri(lot.gtin, lot.lot), quantity: p.quantity }],
          deliveryId: p.deliveryId,
          returnId: p.returnId,
          supplier: { id: p.supplierId, role: 'destination' },
        };
        break;
      }
      default:
        break;
    }
    if (draft) drafts.push(draft);
  }

  // Deliveries and suppliers are looked up once each, for the events exported only.
  const locate = locator(repos, request);
  const eventList = drafts.map(locate);
  const counts: Partial<Record<BizStep, number>> = {};
  for (const e of eventList) counts[e.bizStep] = (counts[e.bizStep] ?? 0) + 1;
  return {
    document: {
      '@context': [EPCIS_CONTEXT, { qcs: QCS_NAMESPACE }],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: request.now.toISOString(),
      'qcs:stationId': request.stationId,
      'qcs:range': { since: request.since, until: request.until },
      'qcs:logHead': head,
      epcisBody: { eventList },
    },
    counts,
  };
}

/** A receiving event for a counted scan or a pallet's SSCC; null for any other scan. */
function scanDraft(
  row: EventRow,
  p: EventPayload<'scan.recorded'>,
  counted: boolean,
  lot: LotFacts | undefined,
): Draft | null {
  const pallet = counted || p.outcome === 'opened-delivery' || p.outcome === 'pallet';
  let sscc: string | null = null;
  if (pallet) {
    const { meaning } = classifyScan(p.data, localIsoDate(new Date(row.recorded_at)));
    if (meaning.kind === 'pallet' || meaning.kind === 'pallet-content') sscc = meaning.sscc;
  }
  const epcList: string[] = [];
  if (sscc) epcList.push(ssccUri(sscc));
  if (counted && p.serial && p.gtin) epcList.push(sgtinUri(p.gtin, p.serial));
  const gtin = lot?.gtin ?? p.skuGtin ?? p.gtin;
  const quantityList =
    counted && gtin && p.units
      ? [{ epcClass: lgtinUri(gtin, lot?.lot ?? p.lot ?? ''), quantity: p.units }]
      : [];
  if (epcList.length === 0 && quantityList.length === 0) return null;
  return {
    row,
    bizStep: 'receiving',
    disposition: 'in_progress',
    ...(epcList.length > 0 ? { epcList } : {}),
    ...(quantityList.length > 0 ? { quantityList } : {}),
    deliveryId: p.deliveryId,
  };
}

/** Turns drafts into events: location, delivery (despatch advice), return, supplier. */
function locator(repos: Repos, request: EpcisRequest): (d: Draft) => EpcisObjectEvent {
  const readPoint = {
    id: request.settings.readPointSgln ?? qcsUrn('station', request.stationId),
  };
  const bizLocation = request.settings.bizLocationSgln
    ? { id: request.settings.bizLocationSgln }
    : null;
  const deliveries = new Map<string, { number: string; supplierId: string } | null>();
  const delivery = (id: string) => {
    if (!deliveries.has(id)) {
      const row = repos.deliveries.byId(id);
      deliveries.set(id, row ? { number: row.number, supplierId: row.supplier_id } : null);
    }
    return deliveries.get(id) ?? null;
  };
  const suppliers = new Map<string, string>();
  const supplierUrn = (id: string) => {
    let urn = suppliers.get(id);
    if (!urn) {
      urn = qcsUrn('supplier', repos.suppliers.byId(id)?.code ?? id);
      suppliers.set(id, urn);
    }
    return urn;
  };
  return (d) => {
    const dlv = d.deliveryId ? delivery(d.deliveryId) : null;
    const transactions: NonNullable<EpcisObjectEvent['bizTransactionList']> = [];
    if (dlv) transactions.push({ type: 'desadv', bizTransaction: qcsUrn('desadv', dlv.number) });
    if (d.returnId)
      transactions.push({ type: 'rma', bizTransaction: qcsUrn('return', d.returnId) });
    const supplierId =
      d.supplier?.id ?? (d.row.type === 'lot.received' ? dlv?.supplierId : undefined);
    const role = d.supplier?.role ?? 'source';
    return {
      type: 'ObjectEvent',
      eventID: `urn:uuid:${d.row.id}`,
      eventTime: new Date(d.row.recorded_at).toISOString(),
      eventTimeZoneOffset: timeZoneOffset(d.row.recorded_at),
      action: 'OBSERVE',
      bizStep: d.bizStep,
      ...(d.disposition ? { disposition: d.disposition } : {}),
      ...(d.epcList ? { epcList: d.epcList } : {}),
      ...(d.quantityList ? { quantityList: d.quantityList } : {}),
      readPoint,
      ...(bizLocation ? { bizLocation } : {}),
      ...(transactions.length > 0 ? { bizTransactionList: transactions } : {}),
      ...(supplierId && role === 'source'
        ? { sourceList: [{ type: 'owning_party' as const, source: supplierUrn(supplierId) }] }
        : {}),
      ...(supplierId && role === 'destination'
        ? {
            destinationList: [
              { type: 'owning_party' as const, destination: supplierUrn(supplierId) },
            ],
          }
        : {}),
      'qcs:eventType': d.row.type,
      'qcs:seq': d.row.seq,
      'qcs:hash': d.row.hash,
    };
  };
}

/** The document as a file: UTF-8 JSON, indented for people who open it. */
export function renderEpcis(document: EpcisDocument): Buffer {
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
