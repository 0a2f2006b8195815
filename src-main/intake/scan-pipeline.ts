import { v7 as uuidv7 } from 'uuid';
import type { ScanResult } from '../../src-shared/api/domain-intake';
import type { ScanSource } from '../../src-shared/events/schemas';
import { interpretGs1, parseGs1 } from '../../src-shared/gs1';
import { localIsoDate } from '../../src-shared/util/dates';
import type { PushBus } from '../api/push-bus';
import type { EventLog } from '../store/event-log';

export interface ScanInput {
  data: string;
  source: ScanSource;
  /** Which scanner or screen: double reads are detected per device. */
  device: string;
  actor: string;
}

/** Same data from the same device within this window is one physical scan read twice. */
export const DOUBLE_READ_MS = 300;

/**
 * Every scan, whatever its source, goes through here: drop double reads, parse, append the
 * event (committed before anyone is told), push the result to every screen.
 */
export class ScanPipeline {
  private readonly lastByDevice = new Map<
    string,
    { data: string; at: number; result: ScanResult }
  >();

  constructor(
    private readonly log: EventLog,
    private readonly bus: PushBus,
    private readonly clock: () => number = Date.now,
  ) {}

  submit(input: ScanInput): ScanResult {
    const now = this.clock();
    const key = `${input.source}:${input.device}`;
    const last = this.lastByDevice.get(key);
    if (last && last.data === input.data && now - last.at < DOUBLE_READ_MS) {
      last.at = now;
      return { ...last.result, duplicate: true };
    }
    const today = localIsoDate(new Date(now));
    const parsed = parseGs1(input.data, { today });
    const meaning = interpretGs1(parsed.fields, { today });
    const gtin = meaning.gtin ?? null;
    const lot = meaning.lot ?? null;
    const scanId = uuidv7();
    const stored = this.log.append({
      type: 'scan.recorded',
      payload: {
        scanId,
        source: input.source,
        data: input.data,
        deliveryId: null,
        valid: parsed.valid,
        gtin,
        lot,
      },
      actor: input.actor,
      subjects: [`scan:${scanId}`, ...(gtin ? [`gtin:${gtin}`] : [])],
    });
    const firstError = parsed.errors[0];
    const result: ScanResult = {
      scanId,
      seq: stored.seq,
      source: input.source,
      data: input.data,
      valid: parsed.valid,
      gtin,
      lot,
      message: firstError ? firstError.message : describe(parsed.symbology, gtin, lot),
      severity: parsed.valid ? 'ok' : 'error',
      recordedAt: stored.recordedAt,
      duplicate: false,
    };
    this.lastByDevice.set(key, { data: input.data, at: now, result });
    this.bus.emit('scan.result', result);
    return result;
  }
}

function describe(symbology: string | null, gtin: string | null, lot: string | null): string {
  const parts = [symbology ?? 'GS1', gtin ? `GTIN ${gtin}` : null, lot ? `lot ${lot}` : null];
  return parts.filter((p) => p !== null).join(' · ');
}
