import { v7 as uuidv7 } from 'uuid';
import type { Bilingual, ScanResult } from '../../src-shared/api/domain-intake';
import type { EventPayload } from '../../src-shared/events/catalogue';
import type { ScanSource } from '../../src-shared/events/schemas';
import { classifyScan, type ScanMeaning } from '../../src-shared/intake/scan-classify';
import { localIsoDate } from '../../src-shared/util/dates';
import { AppError } from '../api/app-error';
import type { PushBus } from '../api/push-bus';
import type { EventLog, NewEvent } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { ShelfLifeService } from '../shelf-life/shelf-life-service';
import type { IntakeService } from './intake-service';

export interface ScanInput {
  data: string;
  source: ScanSource;
  /** Which scanner or screen: double reads are detected per device. */
  device: string;
  actor: string;
}

/** Same data from the same device within this window is one physical scan read twice. */
export const DOUBLE_READ_MS = 300;

type Outcome = NonNullable<EventPayload<'scan.recorded'>['outcome']>;

interface Decision {
  outcome: Outcome;
  deliveryId: string | null;
  gtin: string | null;
  lot: string | null;
  serial: string | null;
  skuGtin: string | null;
  skuName: string | null;
  lotId: string | null;
  units: number;
  /** Events that go into the log before the scan's own (a new lot). */
  before: NewEvent[];
  text: Bilingual;
  warnings: Bilingual[];
  severity: ScanResult['severity'];
  /** The barcode had no usable date: the inspector is asked for one. */
  promptDates?: boolean;
}

const bi = (en: string, zh: string): Bilingual => ({ en, zh });

/** The storage guard as the pipeline sees it (src-main/backup/storage-guard.ts). */
export interface StorageGate {
  /** Throws the "disk full, not recorded" refusal while there is no room to write. */
  assertWritable(): void;
  /** That refusal, for a write that failed on the disk; null for any other failure. */
  refusalFor(err: unknown): AppError | null;
}

/**
 * Every scan, whatever its source (keyboard wedge, serial scanner, camera, simulator), goes
 * through here: drop double reads, parse and classify, decide what it means for the open
 * delivery, append the events in one transaction (committed before anyone is told), push the
 * result to every screen.
 */
export class ScanPipeline {
  private readonly lastByDevice = new Map<
    string,
    { data: string; at: number; result: ScanResult }
  >();

  constructor(
    private readonly log: EventLog,
    private readonly repos: Repos,
    private readonly intake: IntakeService,
    private readonly bus: PushBus,
    private readonly clock: () => number = Date.now,
    private readonly shelfLife: ShelfLifeService | null = null,
    private readonly storage: StorageGate | null = null,
  ) {}

  /**
   * A full disk refuses the scan up front, until the guard finds room again. A scan whose
   * transaction fails on the disk (SQLITE_FULL, an I/O error) was rolled back whole — no
   * event, no projection, nothing pushed — and gets the same clear "not recorded" refusal.
   */
  submit(input: ScanInput): ScanResult {
    this.storage?.assertWritable();
    try {
      return this.submitNow(input);
    } catch (err) {
      throw this.storage?.refusalFor(err) ?? err;
    }
  }

  private submitNow(input: ScanInput): ScanResult {
    const now = this.clock();
    const key = `${input.source}:${input.device}`;
    const last = this.lastByDevice.get(key);
    if (last && last.data === input.data && now - last.at < DOUBLE_READ_MS) {
      last.at = now;
      return { ...last.result, duplicate: true };
    }
    const today = localIsoDate(new Date(now));
    const { meaning, parse } = classifyScan(input.data, today);
    const scanId = uuidv7();
    const { decision, stored } = this.log.transaction(() => {
      const d = this.decide(meaning, input.actor, today);
      const payload: EventPayload<'scan.recorded'> = {
        scanId,
        source: input.source,
        device: input.device.slice(0, 80),
        data: input.data,
        deliveryId: d.deliveryId,
        valid: parse.valid,
        gtin: d.gtin,
        lot: d.lot,
        lotId: d.lotId,
        units: d.units,
        skuGtin: d.skuGtin,
        serial: d.serial,
        outcome: d.outcome,
        message: [d.text.en, ...d.warnings.map((w) => w.en)].join(' '),
      };
      // A counted scan is found through its lot (which knows its GTIN) and its delivery; the
      // GTIN itself is a subject only when there is no lot (quarantine, no delivery open).
      // Every subject row is one more page written in the scan's commit.
      const gtinSubject = d.lotId ? null : (d.skuGtin ?? d.gtin);
      const subjects = [
        ...(d.deliveryId ? [`delivery:${d.deliveryId}`] : []),
        ...(d.lotId ? [`lot:${d.lotId}`] : []),
        ...(gtinSubject ? [`gtin:${gtinSubject}`] : []),
      ];
      this.log.appendMany(d.before);
      return {
        decision: d,
        stored: this.log.append({ type: 'scan.recorded', payload, actor: input.actor, subjects }),
      };
    });
    const result: ScanResult = {
      scanId,
      seq: stored.seq,
      source: input.source,
      data: input.data,
      valid: parse.valid,
      gtin: decision.gtin,
      lot: decision.lot,
      message: [decision.text.en, ...decision.warnings.map((w) => w.en)].join(' '),
      messageZh: [decision.text.zh, ...decision.warnings.map((w) => w.zh)].join(' '),
      severity: decision.severity,
      recordedAt: stored.recordedAt,
      duplicate: false,
      outcome: decision.outcome,
      deliveryId: decision.deliveryId,
      skuName: decision.skuName,
      units: decision.units,
      warnings: decision.warnings,
      lotId: decision.lotId,
      promptDates: decision.promptDates === true,
    };
    this.lastByDevice.set(key, { data: input.data, at: now, result });
    this.bus.emit('scan.result', result);
    return result;
  }

  private decide(meaning: ScanMeaning, actor: string, today: string): Decision {
    const base = {
      gtin: null,
      lot: null,
      serial: null,
      skuGtin: null,
      skuName: null,
      lotId: null,
      units: 0,
      before: [],
      warnings: [],
    };
    const active = this.repos.deliveries.active() ?? null;
    switch (meaning.kind) {
      case 'invalid': {
        const reason = meaning.parse.errors[0]?.message ?? 'not a barcode the station can read';
        return {
          ...base,
          outcome: 'invalid',
          deliveryId: active?.delivery_id ?? null,
          severity: 'error',
          text: bi(`Not counted: ${reason}.`, `未计数：${reason}。`),
        };
      }
      case 'code':
      case 'pallet': {
        const code = meaning.kind === 'code' ? meaning.text : meaning.sscc;
        const found = this.intake.findByCode(code);
        if (found) return this.openFromScan(found.delivery.delivery_id, found.via, actor, base);
        if (meaning.kind === 'pallet' && active) {
          return {
            ...base,
            outcome: 'pallet',
            deliveryId: active.delivery_id,
            severity: 'warning',
            text: bi(
              `Pallet ${code} is not on the shipping notice of ${active.number}.`,
              `托盘 ${code} 不在到货单 ${active.number} 的发货通知中。`,
            ),
          };
        }
        return {
          ...base,
          outcome: 'not-understood',
          deliveryId: active?.delivery_id ?? null,
          severity: 'error',
          text: bi(
            `"${code}" is not a delivery, pallet or product this station knows.`,
            `“${code}”不是本站已知的到货单、托盘或商品。`,
          ),
        };
      }
      case 'product':
      case 'pallet-content':
        return this.count(meaning, active, today, base);
    }
  }

  private openFromScan(
    deliveryId: string,
    via: 'number' | 'sscc' | 'list' | 'ad-hoc',
    actor: string,
    base: Omit<Decision, 'outcome' | 'deliveryId' | 'severity' | 'text'>,
  ): Decision {
    const delivery = this.repos.deliveries.byId(deliveryId);
    if (!delivery) throw new AppError('not_found', 'delivery vanished');
    if (delivery.status === 'closed') {
      return {
        ...base,
        outcome: 'not-understood',
        deliveryId,
        severity: 'error',
        text: bi(
          `Delivery ${delivery.number} is already closed.`,
          `到货单 ${delivery.number} 已完成收货。`,
        ),
      };
    }
    const opened = this.intake.openDelivery(delivery, via, actor);
    if (opened.status === 'refused') {
      const why = opened.detail.refusal ?? [];
      return {
        ...base,
        outcome: 'refused-delivery',
        deliveryId,
        severity: 'error',
        text: bi(
          `Delivery ${delivery.number} REFUSED. ${why.map((r) => r.en).join(' ')} Print the refusal slip.`,
          `到货单 ${delivery.number} 拒收。${why.map((r) => r.zh).join('')}请打印拒收通知。`,
        ),
      };
    }
    const warnings = opened.detail.gate.reasons.map((r) => bi(r.en, r.zh));
    return {
      ...base,
      outcome: 'opened-delivery',
      deliveryId,
      severity: warnings.length > 0 ? 'warning' : 'ok',
      warnings,
      text: bi(
        `Delivery ${delivery.number} open: ${opened.detail.delivery.supplierName}.`,
        `到货单 ${delivery.number} 已开始收货：${opened.detail.delivery.supplierName}。`,
      ),
    };
  }

  private count(
    meaning: Extract<ScanMeaning, { kind: 'product' | 'pallet-content' }>,
    active: ReturnType<Repos['deliveries']['active']> | null,
    today: string,
    base: Omit<Decision, 'outcome' | 'deliveryId' | 'severity' | 'text'>,
  ): Decision {
    const scannedGtin = meaning.kind === 'product' ? meaning.gtin : meaning.contentGtin;
    const lot = meaning.lot;
    const serial = meaning.kind === 'product' ? meaning.serial : null;
    if (!active) {
      return {
        ...base,
        gtin: scannedGtin,
        lot,
        serial,
        outcome: 'no-open-delivery',
        deliveryId: null,
        severity: 'warning',
        text: bi(
          'Not counted: open a delivery first (scan its pallet SSCC or number, or pick it from today’s list).',
          '未计数：请先开始收货（扫描托盘 SSCC 或到货单号，或从今日列表中选择）。',
        ),
      };
    }
    const deliveryId = active.delivery_id;
    const match = this.repos.skus.byAnyGtin(scannedGtin);
    const perItem =
      meaning.kind === 'product'
        ? (meaning.variableCount ?? match?.unitsPer ?? 1)
        : meaning.count * (match?.unitsPer ?? 1);
    if (!match) {
      return {
        ...base,
        gtin: scannedGtin,
        lot,
        serial,
        units: perItem,
        outcome: 'quarantined',
        deliveryId,
        severity: 'warning',
        text: bi(
          `Unknown GTIN ${scannedGtin}: put it in quarantine and identify it.`,
          `未知 GTIN ${scannedGtin}：请隔离并识别商品。`,
        ),
      };
    }
    const skuGtin = match.sku.gtin;
    const skuName = match.sku.name;
    if (serial && this.repos.deliveries.serialSeenAt(deliveryId, skuGtin, serial) !== null) {
      return {
        ...base,
        gtin: scannedGtin,
        lot,
        serial,
        skuGtin,
        skuName,
        outcome: 'duplicate-serial',
        deliveryId,
        severity: 'warning',
        text: bi(
          `Already counted: ${skuName}, serial ${serial} was scanned before in this delivery.`,
          `已计数：${skuName}（序列号 ${serial}）本次收货中已扫描过。`,
        ),
      };
    }
    const warnings: Bilingual[] = [];
    const lotCode = lot ?? '';
    if (!lot)
      warnings.push(
        bi('No lot in the barcode: counted under "no lot".', '条码中没有批号：计入“无批号”。'),
      );
    const existing = this.repos.lots.byKey(deliveryId, skuGtin, lotCode);
    const expiry = meaning.dates.expiry ?? meaning.dates.bestBefore ?? meaning.dates.sellBy;
    const before: NewEvent[] = [];
    let lotId: string;
    if (existing) {
      lotId = existing.lot_id;
      if (expiry && existing.expiry && expiry !== existing.expiry) {
        // One lot, two printed expiries: a classic sign of relabelled or counterfeit goods.
        warnings.push(
          bi(
            `Expiry ${expiry} differs from earlier scans of lot ${lotCode} (${existing.expiry}): check the labels.`,
            `有效期 ${expiry} 与本批次 ${lotCode} 之前扫描的（${existing.expiry}）不一致：请核对标签。`,
          ),
        );
      }
    } else {
      lotId = `lot-${uuidv7()}`;
      before.push({
        type: 'lot.received',
        payload: {
          lotId,
          deliveryId,
          gtin: skuGtin,
          lot: lotCode,
          quantity: 0,
          expiry: expiry ?? null,
          production: meaning.dates.production,
          bestBefore: meaning.dates.bestBefore,
          sellBy: meaning.dates.sellBy,
          packaging: meaning.dates.packaging,
          receivedOn: today,
        },
        actor: 'system',
        subjects: [`lot:${lotId}`, `delivery:${deliveryId}`, `gtin:${skuGtin}`],
      });
    }
    let promptDates: string | null = null;
    if (this.shelfLife && (!existing || existing.removal_date === null)) {
      const sku = {
        gtin: skuGtin,
        category: match.sku.category,
        shelfLifeDays: match.sku.shelf_life_days,
      };
      const verdict = this.shelfLife.atReceipt(lotId, sku, meaning.dates, today);
      if (verdict) {
        before.push(verdict.event);
        const why = verdict.event.payload.reason;
        if (!verdict.evaluation.acceptable)
          warnings.push(
            bi(
              `Shelf life too short: ${why.en}. Proposed for rejection.`,
              `保质期不足：${why.zh}。建议拒收。`,
            ),
          );
      } else if (!existing && sku.shelfLifeDays !== null) {
        promptDates = lotId;
        warnings.push(
          bi(
            `No date in the barcode: enter the expiry or production date of lot ${lotCode || '(no lot)'}.`,
            `条码中没有日期：请输入批次 ${lotCode || '（无批号）'} 的有效期或生产日期。`,
          ),
        );
      }
    }
    const line = this.repos.deliveries.lineFor(deliveryId, skuGtin);
    if (!line || line.unexpected === 1) {
      warnings.push(
        bi(
          `${skuName} is not on the shipping notice of ${active.number}.`,
          `${skuName} 不在到货单 ${active.number} 的发货通知中。`,
        ),
      );
    } else if (line.received_qty + perItem > line.expected_qty) {
      warnings.push(
        bi(
          `Over the notice: ${line.received_qty + perItem} of ${line.expected_qty} ${skuName}.`,
          `超出发货通知：${skuName} ${line.received_qty + perItem}/${line.expected_qty}。`,
        ),
      );
    }
    const lotText = lot ? ` lot ${lot}` : '';
    return {
      ...base,
      gtin: scannedGtin,
      lot,
      serial,
      skuGtin,
      skuName,
      lotId,
      units: perItem,
      before,
      promptDates: promptDates !== null,
      outcome: 'counted',
      deliveryId,
      warnings,
      severity: warnings.length > 0 ? 'warning' : 'ok',
      text: bi(
        `+${perItem} ${skuName}${lotText}${expiry ? `, expires ${expiry}` : ''}.`,
        `+${perItem} ${match.sku.name_zh ?? skuName}${lot ? ` 批号 ${lot}` : ''}${expiry ? `，有效期至 ${expiry}` : ''}。`,
      ),
    };
  }
}
