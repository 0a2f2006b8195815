/**
 * Several serial barcode scanners at once: opens each port, turns its bytes into scans
 * (scan-framing), and keeps reconnecting across unplugs. Nothing here throws into serialport's
 * callbacks or lets a port error reach the process: a scanner that misbehaves only changes its
 * own status.
 *
 * Reconnecting: `serialport` emits 'close' when a read fails, but not for every driver and
 * unplug, so a poll (every `pollIntervalMs`, default 1 s) also checks that each open port is
 * still the same device, and opens ports that have (re)appeared (port-presence.ts).
 * - Scanners chosen by path: the path is stat'ed (following symlinks, so /dev/serial/by-id/…
 *   and socat's pty links work; `SerialPort.list()` shows neither). Its device identity
 *   (dev, inode, rdev) is remembered at open: a path that now names another device, as after a
 *   quick replug or a re-created pty pair, counts as a disconnect. Windows COM names cannot be
 *   stat'ed, so there the port list decides.
 * - Scanners chosen by USB vendor/product id: `SerialPort.list()`, called once per poll and only
 *   when such a scanner is configured (on Linux it runs `udevadm`).
 */
import {
  locatePort,
  needsPortList,
  notFoundDetail,
  whyGone,
  type PortTarget,
  type PresenceContext,
} from './port-presence';
import {
  ScanFramer,
  type FramingOutput,
  type FramingWarningCode,
  type ScanWarning,
} from './scan-framing';
import { DEFAULT_BAUD_RATE, validateScannerConfigs, type ScannerConfig } from './scanner-config';
import { describeSelector, type ListedPort } from './scanner-ports';
import {
  closePortQuietly,
  createSerialPort,
  explainOpenError,
  listSerialPorts,
  probeDevicePath,
  type CreatePort,
  type ListPorts,
  type ProbePath,
  type ScannerPort,
} from './serial-port-io';

export type { ScannerConfig } from './scanner-config';
export type { PathProbe, ScannerPort } from './serial-port-io';

export type ScannerState = 'connected' | 'disconnected' | 'error';

export interface ScannerStatus {
  device: string;
  state: ScannerState;
  /** For the admin: which port, or why not. */
  detail: string;
}

export interface ScanFrame {
  device: string;
  /** One char per byte (latin1): GS (FNC1) is '\x1d', AIM ids such as ']C1' are kept. */
  data: string;
}

export type ScannerWarningCode = FramingWarningCode | 'port-list-failed';
export type ScannerWarning = ScanWarning<ScannerWarningCode>;

export interface SerialScannersOptions {
  scanners: readonly ScannerConfig[];
  onFrame: (frame: ScanFrame) => void;
  onStatus?: (status: ScannerStatus) => void;
  onWarning?: (warning: ScannerWarning) => void;
  /** Default: `SerialPort.list()`. */
  listPorts?: ListPorts;
  /** Default: a `serialport` SerialPort, not yet open. */
  createPort?: CreatePort;
  /** Default: realpath + stat. */
  probePath?: ProbePath;
  /** Default 1000 ms. */
  pollIntervalMs?: number;
  /** Default: the platform; on 'win32' paths are checked against the port list. */
  platform?: NodeJS.Platform;
  now?: () => number;
  /** A callback above threw; default: console.error. */
  onInternalError?: (where: string, err: unknown) => void;
}

export const DEFAULT_POLL_INTERVAL_MS = 1000;
/** A port that closes right after opening is retried at the poll's pace, not in a tight loop. */
const MIN_REOPEN_MS = 500;
const STARTING = 'starting';

type Phase = 'idle' | 'opening' | 'open' | 'closing';

interface Entry {
  readonly config: Readonly<ScannerConfig> & { baudRate: number };
  readonly framer: ScanFramer;
  phase: Phase;
  port: ScannerPort | null;
  /** Bumped whenever a port is let go: events from older ports are ignored. */
  generation: number;
  opened: PortTarget | null;
  /** Settles when an open or close under way has finished (stop() waits for it). */
  pending: Promise<void> | null;
  lastOpenAt: number;
  frameTimer: NodeJS.Timeout | null;
  status: ScannerStatus;
  lastListError: string | null;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class SerialScanners {
  private readonly entries: Entry[];
  private readonly listPorts: ListPorts;
  private readonly createPort: CreatePort;
  private readonly probePath: ProbePath;
  private readonly pollIntervalMs: number;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => number;
  private started = false;
  private stopped = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private pollAgain = false;

  constructor(private readonly options: SerialScannersOptions) {
    validateScannerConfigs(options.scanners);
    this.listPorts = options.listPorts ?? listSerialPorts;
    this.createPort = options.createPort ?? createSerialPort;
    this.probePath = options.probePath ?? probeDevicePath;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    this.platform = options.platform ?? process.platform;
    this.now = options.now ?? Date.now;
    this.entries = options.scanners.map((config) => ({
      config: { ...config, baudRate: config.baudRate ?? DEFAULT_BAUD_RATE },
      framer: new ScanFramer({
        device: config.id,
        terminator: config.terminator,
        ...(config.partialFrameTimeoutMs === undefined
          ? {}
          : { partialFrameTimeoutMs: config.partialFrameTimeoutMs }),
      }),
      phase: 'idle',
      port: null,
      generation: 0,
      opened: null,
      pending: null,
      lastOpenAt: Number.NEGATIVE_INFINITY,
      frameTimer: null,
      status: { device: config.id, state: 'disconnected', detail: STARTING },
      lastListError: null,
    }));
  }

  /** Looks for every scanner once (resolving then) and keeps polling until `stop()`. */
  async start(): Promise<void> {
    if (this.started) throw new Error('SerialScanners.start() was already called');
    this.started = true;
    this.runPoll();
    await this.polling;
    await Promise.all(this.entries.map((e) => e.pending ?? Promise.resolve()));
  }

  /** Closes every port and stops every timer; no callback is called after it resolves. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    await this.polling;
    await Promise.all(
      this.entries.map(async (e) => {
        await e.pending;
        e.generation += 1;
        this.clearFrameTimer(e);
        const port = e.port;
        e.port = null;
        e.opened = null;
        e.phase = 'idle';
        if (port) await closePortQuietly(port);
        this.setStatus(e, 'disconnected', 'stopped');
      }),
    );
  }

  status(): ScannerStatus[] {
    return this.entries.map((e) => ({ ...e.status }));
  }

  // --- polling -------------------------------------------------------------------------------

  private runPoll(): void {
    this.pollTimer = null;
    this.polling = this.pollOnce()
      .catch((err: unknown) => this.internalError('poll', err))
      .finally(() => {
        this.polling = null;
        if (this.stopped) return;
        const again = this.pollAgain;
        this.pollAgain = false;
        this.schedulePoll(again ? 0 : this.pollIntervalMs);
      });
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped || !this.started) return;
    if (this.polling) {
      // The running poll may have looked before this event: look again right after it.
      if (delayMs === 0) this.pollAgain = true;
      return;
    }
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => this.runPoll(), delayMs);
  }

  private async pollOnce(): Promise<void> {
    let listed: ListedPort[] | null = null;
    let listError: string | null = null;
    if (this.entries.some((e) => needsPortList(e.config, this.platform))) {
      try {
        listed = await this.listPorts();
      } catch (err) {
        listError = errorMessage(err);
      }
    }
    if (this.stopped) return;
    // Ports other scanners hold or were given explicitly: a vendor match must not take them.
    const claimed = new Map<string, Entry>();
    for (const e of this.entries) {
      if (e.opened) claimed.set(e.opened.realPath, e);
      if (e.config.path !== undefined) {
        claimed.set(this.probePath(e.config.path)?.realPath ?? e.config.path, e);
      }
    }
    const ctx: PresenceContext = { listed, probe: this.probePath, platform: this.platform };
    for (const e of this.entries) {
      if (needsPortList(e.config, this.platform)) this.reportListError(e, listError);
      this.reconcile(e, ctx, claimed);
    }
  }

  private reportListError(e: Entry, listError: string | null): void {
    if (listError === e.lastListError) return;
    e.lastListError = listError;
    if (listError === null) return;
    this.emitWarning({
      code: 'port-list-failed',
      device: e.config.id,
      message: `Cannot list serial ports to find scanner '${e.config.id}' (${describeSelector(e.config)}): ${listError}`,
    });
  }

  private reconcile(e: Entry, ctx: PresenceContext, claimed: Map<string, Entry>): void {
    switch (e.phase) {
      case 'opening':
      case 'closing':
        return;
      case 'open': {
        const reason = e.opened ? whyGone(e.config, e.opened, ctx) : null;
        if (reason !== null) this.letGo(e, 'disconnected', reason);
        return;
      }
      case 'idle': {
        if (this.now() - e.lastOpenAt < MIN_REOPEN_MS) return;
        const others = new Set([...claimed].filter(([, owner]) => owner !== e).map(([p]) => p));
        const target = locatePort(e.config, ctx, others);
        if (target === null) {
          // Keep the more telling "lost …" detail while the scanner stays away.
          if (e.status.state !== 'disconnected' || e.status.detail === STARTING) {
            this.setStatus(e, 'disconnected', notFoundDetail(e.config, ctx.listed));
          }
          return;
        }
        claimed.set(target.realPath, e);
        this.track(e, this.open(e, target));
        return;
      }
    }
  }

  // --- one port ------------------------------------------------------------------------------

  private async open(e: Entry, target: PortTarget): Promise<void> {
    e.phase = 'opening';
    e.lastOpenAt = this.now();
    const generation = ++e.generation;
    const current = () => generation === e.generation && !this.stopped;
    let port: ScannerPort;
    try {
      port = await this.createPort({ path: target.path, baudRate: e.config.baudRate });
    } catch (err) {
      if (current()) this.openFailed(e, target, err);
      return;
    }
    if (!current()) return;
    // Listeners go on before open: an 'error' without a listener would crash the process.
    port.onError((err) =>
      this.safely('port error', () => {
        if (current() && e.phase === 'open') {
          this.letGo(e, 'error', `${target.path}: ${errorMessage(err)}`);
        }
      }),
    );
    port.onData((chunk) =>
      this.safely('port data', () => {
        if (current()) this.deliver(e, e.framer.push(chunk, this.now()));
      }),
    );
    port.onClose((err) =>
      this.safely('port close', () => {
        if (current() && e.phase === 'open') this.lost(e, err);
      }),
    );
    e.port = port;
    const err = await new Promise<Error | null>((resolve) => {
      try {
        port.open(resolve);
      } catch (thrown) {
        resolve(thrown instanceof Error ? thrown : new Error(String(thrown)));
      }
    });
    if (!current()) {
      // stop() or a newer attempt took over while this one was opening.
      if (!err) await closePortQuietly(port);
      return;
    }
    if (err) {
      e.port = null;
      this.openFailed(e, target, err);
      return;
    }
    e.phase = 'open';
    // Probe again now that it is open: the identity must be the device actually opened.
    const probe = this.probePath(target.path);
    e.opened = probe ? { path: target.path, ...probe } : target;
    const via = e.config.path === undefined ? ` (${describeSelector(e.config)})` : '';
    this.setStatus(e, 'connected', `${target.path}${via} at ${e.config.baudRate} baud`);
  }

  private openFailed(e: Entry, target: PortTarget, err: unknown): void {
    e.phase = 'idle';
    const { failure, detail } = explainOpenError(target.path, err);
    // A device that vanished between the poll and the open is absent, not faulty.
    if (failure === 'missing') this.setStatus(e, 'disconnected', `${detail} (unplugged?)`);
    else this.setStatus(e, 'error', detail);
  }

  /** serialport closed the port by itself (a failed read: usually an unplug). */
  private lost(e: Entry, err: Error | null): void {
    const path = e.opened?.path ?? describeSelector(e.config);
    e.generation += 1;
    e.port = null;
    e.opened = null;
    e.phase = 'idle';
    this.dropPartialFrame(e);
    this.setStatus(e, 'disconnected', `lost ${path}${err ? `: ${err.message}` : ''} (unplugged?)`);
    this.schedulePoll(0);
  }

  /** We close the port: it vanished, changed device, or reported an error. */
  private letGo(e: Entry, state: ScannerState, detail: string): void {
    const port = e.port;
    e.generation += 1;
    e.port = null;
    e.opened = null;
    e.phase = 'closing';
    this.dropPartialFrame(e);
    this.setStatus(e, state, detail);
    const closed = (port ? closePortQuietly(port) : Promise.resolve()).then(() => {
      if (e.phase !== 'closing') return;
      e.phase = 'idle';
      // A vanished port may already be back (a re-created pty, a fast replug): look now, not
      // in a second. After an error, the usual pause keeps a failing port out of a tight loop.
      if (state === 'disconnected') e.lastOpenAt = Number.NEGATIVE_INFINITY;
      this.schedulePoll(0);
    });
    this.track(e, closed);
  }

  private track(e: Entry, work: Promise<void>): void {
    const pending: Promise<void> = work
      .catch((err: unknown) => this.internalError('port', err))
      .finally(() => {
        if (e.pending === pending) e.pending = null;
      });
    e.pending = pending;
  }

  // --- frames --------------------------------------------------------------------------------

  private deliver(e: Entry, outputs: FramingOutput[]): void {
    for (const o of outputs) {
      if (o.kind === 'frame') {
        const frame: ScanFrame = { device: e.config.id, data: o.data };
        this.safely('onFrame', () => this.options.onFrame(frame));
      } else {
        this.emitWarning(o.warning);
      }
    }
    this.armFrameTimer(e);
  }

  private armFrameTimer(e: Entry): void {
    this.clearFrameTimer(e);
    const deadline = e.framer.deadline();
    if (deadline === null || this.stopped) return;
    const generation = e.generation;
    // +1 ms: a timer may fire a hair before the clock reaches the deadline.
    e.frameTimer = setTimeout(
      () => {
        e.frameTimer = null;
        this.safely('frame timer', () => {
          if (generation === e.generation) this.deliver(e, e.framer.tick(this.now()));
        });
      },
      Math.max(0, deadline - this.now()) + 1,
    );
  }

  private clearFrameTimer(e: Entry): void {
    if (e.frameTimer) clearTimeout(e.frameTimer);
    e.frameTimer = null;
  }

  private dropPartialFrame(e: Entry): void {
    this.clearFrameTimer(e);
    for (const o of e.framer.abandon()) if (o.kind === 'warning') this.emitWarning(o.warning);
  }

  // --- callbacks -----------------------------------------------------------------------------

  private setStatus(e: Entry, state: ScannerState, detail: string): void {
    if (e.status.state === state && e.status.detail === detail) return;
    e.status = { device: e.config.id, state, detail };
    const status = { ...e.status };
    this.safely('onStatus', () => this.options.onStatus?.(status));
  }

  private emitWarning(warning: ScannerWarning): void {
    this.safely('onWarning', () => this.options.onWarning?.(warning));
  }

  /** Runs a callback so that nothing it throws reaches serialport, a timer or the process. */
  private safely(where: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.internalError(where, err);
    }
  }

  private internalError(where: string, err: unknown): void {
    try {
      if (this.options.onInternalError) this.options.onInternalError(where, err);
      else console.error(`[scanners] ${where} failed:`, err);
    } catch {
      // The error reporter itself failed; there is nowhere left to report to.
    }
  }
}
