import type { DeviceStatus } from '../../src-shared/api/domain-devices';
import type { SerialScannerSetting } from '../../src-shared/api/domain-settings';
import type { PushBus } from '../api/push-bus';
import type { ScanPipeline } from '../intake/scan-pipeline';
import type { SerialScanners } from './serial-scanners';

export interface ScannerServiceOptions {
  bus: PushBus;
  scans: ScanPipeline;
  /** Scanners from the station's settings. */
  configured: () => readonly SerialScannerSetting[];
  /** Scanners given on the command line (`qcs serve --scanner PATH`), not saved. */
  extra?: readonly SerialScannerSetting[];
  /** Who the serial scans are attributed to (the user working at the station). */
  actor: () => string;
  log?: (line: string) => void;
}

/**
 * Runs the serial scanners of the station: opens them from the settings, feeds every frame into
 * the one scan pipeline (source 'serial'), reports their state to every screen, and restarts
 * them when the settings change.
 */
export class ScannerService {
  private manager: SerialScanners | null = null;
  private statuses = new Map<string, DeviceStatus>();
  private restarting: Promise<void> = Promise.resolve();

  constructor(private readonly options: ScannerServiceOptions) {}

  status(): DeviceStatus[] {
    return [...this.statuses.values()];
  }

  /** (Re)starts with the current configuration; safe to call again after a settings change. */
  restart(): Promise<void> {
    this.restarting = this.restarting
      .then(() => this.doRestart())
      .catch((err: unknown) => {
        this.options.log?.(
          `serial scanners could not start: ${err instanceof Error ? err.message : String(err)}`,
        );
      });
    return this.restarting;
  }

  async stop(): Promise<void> {
    await this.restarting;
    await this.manager?.stop();
    this.manager = null;
  }

  private async doRestart(): Promise<void> {
    await this.manager?.stop();
    this.manager = null;
    this.statuses = new Map();
    const scanners = [...this.options.configured(), ...(this.options.extra ?? [])];
    if (scanners.length === 0) return;
    // Loaded only when a scanner is configured: the native addon stays out of plain starts.
    const { SerialScanners } = await import('./serial-scanners');
    const { bus, scans } = this.options;
    this.manager = new SerialScanners({
      scanners: scanners.map((s) => ({
        id: s.id,
        ...(s.path ? { path: s.path } : {}),
        ...(s.vendorId ? { vendorId: s.vendorId } : {}),
        ...(s.productId ? { productId: s.productId } : {}),
        baudRate: s.baudRate,
        terminator: s.terminator,
      })),
      onFrame: (frame) => {
        scans.submit({
          data: frame.data,
          source: 'serial',
          device: frame.device,
          actor: this.options.actor(),
        });
      },
      onStatus: (status) => {
        const view: DeviceStatus = {
          device: status.device,
          kind: 'scanner',
          state: status.state,
          detail: status.detail ?? null,
        };
        this.statuses.set(status.device, view);
        bus.emit('device.status', view);
      },
      onWarning: (warning) => {
        bus.emit('device.warning', {
          device: warning.device,
          code: warning.code,
          message: warning.message,
        });
        this.options.log?.(warning.message);
      },
    });
    await this.manager.start();
  }
}
