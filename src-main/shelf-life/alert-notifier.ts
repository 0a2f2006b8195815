import type { BoardRow } from '../../src-shared/api/domain-shelf-life';

export interface AlertNotice {
  title: string;
  body: string;
  lotIds: string[];
}

/**
 * The desktop notification for lots whose alert date has come: one notice naming the lots not
 * announced yet (at most three by name, then a count), so an inspector is told once per lot and
 * not every hour. Bilingual, like the paper the station prints.
 */
export function alertNotice(
  rows: readonly BoardRow[],
  announced: ReadonlySet<string>,
): AlertNotice | null {
  const fresh = rows.filter((r) => r.alerting && !announced.has(r.lotId));
  if (fresh.length === 0) return null;
  const named = fresh
    .slice(0, 3)
    .map((r) => `${r.skuName ?? r.gtin} ${r.lot} → ${r.removalDate}`)
    .join('\n');
  const more =
    fresh.length > 3 ? `\n+${fresh.length - 3} more 另有 ${fresh.length - 3} 个批次` : '';
  return {
    title: `Shelf-life alert 保质期预警: ${fresh.length} lot(s) 个批次`,
    body: `${named}${more}`,
    lotIds: fresh.map((r) => r.lotId),
  };
}

/**
 * Checks the board on start and then every `everyMs`, and shows a notice for newly alerting
 * lots through `show` (Electron's Notification in the desktop shell).
 */
export class AlertNotifier {
  private readonly announced = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly alerting: () => readonly BoardRow[],
    private readonly show: (notice: AlertNotice) => void,
    private readonly everyMs = 60 * 60_000,
  ) {}

  check(): AlertNotice | null {
    const notice = alertNotice(this.alerting(), this.announced);
    if (notice) {
      for (const id of notice.lotIds) this.announced.add(id);
      this.show(notice);
    }
    return notice;
  }

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
