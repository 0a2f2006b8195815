import {
  defaultSettings,
  stationSettings,
  type StationSettings,
} from '../../src-shared/api/domain-settings';
import type { PushBus } from '../api/push-bus';
import type { EventLog } from '../store/event-log';
import type { SettingsRepo } from '../store/repos/settings-repo';

export class SettingsService {
  private cache: StationSettings | null = null;

  constructor(
    private readonly repo: SettingsRepo,
    private readonly log: EventLog,
    private readonly bus: PushBus,
  ) {}

  /** Stored values over the defaults; a stored value that no longer fits the schema is ignored. */
  get(): StationSettings {
    if (this.cache) return this.cache;
    const stored = this.repo.all();
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const [key, value] of Object.entries(stored)) {
      if (!(key in defaultSettings)) continue;
      const candidate = { ...merged, [key]: value };
      if (stationSettings.safeParse(candidate).success) merged[key] = value;
    }
    this.cache = stationSettings.parse(merged);
    return this.cache;
  }

  /** Settings changed by events appended elsewhere (head office's master data): re-read them. */
  invalidate(keys: readonly string[]): void {
    this.cache = null;
    this.bus.emit('settings.changed', { keys: [...keys] });
  }

  /** One `settings.changed` event per key whose value actually changes. */
  update(changes: Partial<StationSettings>, actor: string): StationSettings {
    const current = this.get();
    const changed = Object.entries(changes).filter(
      ([key, value]) =>
        value !== undefined &&
        JSON.stringify(current[key as keyof StationSettings]) !== JSON.stringify(value),
    );
    if (changed.length > 0) {
      this.log.appendMany(
        changed.map(([key, value]) => ({
          type: 'settings.changed' as const,
          payload: { key, value },
          actor,
          subjects: [`setting:${key}`],
        })),
      );
      this.cache = null;
      this.bus.emit('settings.changed', { keys: changed.map(([key]) => key) });
    }
    return this.get();
  }
}
