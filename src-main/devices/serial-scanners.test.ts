import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListedPort } from './scanner-ports';
import {
  SerialScanners,
  type PathProbe,
  type ScanFrame,
  type ScannerConfig,
  type ScannerPort,
  type ScannerStatus,
  type ScannerWarning,
  type SerialScannersOptions,
} from './serial-scanners';

/** A serial port in memory: the test plays the device and the driver. */
class FakePort implements ScannerPort {
  isOpen = false;
  closeCalls = 0;
  private data: Array<(chunk: Buffer) => void> = [];
  private closeListeners: Array<(err: Error | null) => void> = [];
  private errorListeners: Array<(err: Error) => void> = [];

  constructor(
    readonly path: string,
    private readonly openError: Error | null,
  ) {}

  open(callback: (err: Error | null) => void): void {
    setImmediate(() => {
      this.isOpen = this.openError === null;
      callback(this.openError);
    });
  }
  close(callback: (err: Error | null) => void): void {
    this.closeCalls += 1;
    this.isOpen = false;
    setImmediate(() => {
      callback(null);
      for (const l of this.closeListeners) l(null);
    });
  }
  onData(listener: (chunk: Buffer) => void): void {
    this.data.push(listener);
  }
  onClose(listener: (err: Error | null) => void): void {
    this.closeListeners.push(listener);
  }
  onError(listener: (err: Error) => void): void {
    this.errorListeners.push(listener);
  }
  /** The device sends bytes. */
  send(s: string): void {
    for (const l of this.data) l(Buffer.from(s, 'latin1'));
  }
  /** The driver notices the unplug and closes the port by itself. */
  driverClose(message = 'Input/output error'): void {
    this.isOpen = false;
    for (const l of this.closeListeners) l(new Error(message));
  }
  get listenerCount(): number {
    return this.data.length + this.closeListeners.length + this.errorListeners.length;
  }
}

/** The machine: which device nodes exist (path → identity), what the port list shows. */
class FakeMachine {
  readonly nodes = new Map<string, string>();
  listed: ListedPort[] = [];
  listError: Error | null = null;
  openErrors = new Map<string, Error>();
  readonly ports: FakePort[] = [];

  probePath = (path: string): PathProbe | null => {
    const identity = this.nodes.get(path);
    return identity === undefined ? null : { realPath: path, identity };
  };
  listPorts = (): Promise<ListedPort[]> =>
    this.listError ? Promise.reject(this.listError) : Promise.resolve([...this.listed]);
  createPort = ({ path }: { path: string; baudRate: number }): Promise<ScannerPort> => {
    const port = new FakePort(path, this.openErrors.get(path) ?? null);
    this.ports.push(port);
    return Promise.resolve(port);
  };
  openPorts(path: string): FakePort[] {
    return this.ports.filter((p) => p.path === path && p.isOpen);
  }
  current(path: string): FakePort {
    const open = this.openPorts(path);
    expect(open).toHaveLength(1);
    return open[0]!;
  }
}

let running: SerialScanners | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

function setup(scanners: ScannerConfig[], extra: Partial<SerialScannersOptions> = {}) {
  const machine = new FakeMachine();
  const frames: ScanFrame[] = [];
  const statuses: ScannerStatus[] = [];
  const warnings: ScannerWarning[] = [];
  const internalErrors: string[] = [];
  const manager = new SerialScanners({
    scanners,
    onFrame: (f) => frames.push(f),
    onStatus: (s) => statuses.push(s),
    onWarning: (w) => warnings.push(w),
    listPorts: machine.listPorts,
    createPort: machine.createPort,
    probePath: machine.probePath,
    pollIntervalMs: 20,
    platform: 'linux',
    onInternalError: (where) => internalErrors.push(where),
    ...extra,
  });
  running = manager;
  const stateOf = (device: string) => manager.status().find((s) => s.device === device)?.state;
  const until = (check: () => unknown) => vi.waitFor(check, { timeout: 3000, interval: 5 });
  return { machine, manager, frames, statuses, warnings, internalErrors, stateOf, until };
}

const GS1 = ']C1010950600013435210ABC\x1d17261231';

describe('SerialScanners with a port chosen by path', () => {
  it('connects at start, and turns bytes into scans with GS and AIM ids intact', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    expect(t.manager.status()).toEqual([
      { device: 'dock-1', state: 'connected', detail: '/dev/ttyACM0 at 9600 baud' },
    ]);
    const port = t.machine.current('/dev/ttyACM0');
    port.send(GS1.slice(0, 10));
    port.send(`${GS1.slice(10)}\r4006381333931\r`);
    expect(t.frames).toEqual([
      { device: 'dock-1', data: GS1 },
      { device: 'dock-1', data: '4006381333931' },
    ]);
  });

  it('reports a missing port, then connects when it appears', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    await t.manager.start();
    expect(t.manager.status()[0]).toEqual({
      device: 'dock-1',
      state: 'disconnected',
      detail: 'no serial port at /dev/ttyACM0 (unplugged?)',
    });
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.until(() => expect(t.stateOf('dock-1')).toBe('connected'));
  });

  it('reconnects after the driver closes the port, dropping the partial frame with a warning', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    const first = t.machine.current('/dev/ttyACM0');
    first.send('HALF');
    t.machine.nodes.delete('/dev/ttyACM0');
    first.driverClose();
    expect(t.stateOf('dock-1')).toBe('disconnected');
    expect(t.manager.status()[0]?.detail).toMatch(/lost \/dev\/ttyACM0: Input\/output error/);
    expect(t.warnings).toMatchObject([{ code: 'partial-frame-abandoned', bytes: 4 }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-2');
    await t.until(() => expect(t.stateOf('dock-1')).toBe('connected'));
    const second = t.machine.current('/dev/ttyACM0');
    expect(second).not.toBe(first);
    // Bytes from the old port (if any straggle in) are ignored; the new port's arrive once.
    first.send('OLD\r');
    second.send('NEW\r');
    expect(t.frames.map((f) => f.data)).toEqual(['NEW']);
    expect(t.statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('notices a port that vanished without a close event, and closes it', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    const first = t.machine.current('/dev/ttyACM0');
    t.machine.nodes.delete('/dev/ttyACM0');
    await t.until(() => expect(t.stateOf('dock-1')).toBe('disconnected'));
    expect(t.manager.status()[0]?.detail).toBe('/dev/ttyACM0 is gone (unplugged?)');
    expect(first.closeCalls).toBe(1);
    t.machine.nodes.set('/dev/ttyACM0', 'node-2');
    await t.until(() => expect(t.stateOf('dock-1')).toBe('connected'));
  });

  it('reconnects when the path now names a different device (a replug faster than a poll)', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    const first = t.machine.current('/dev/ttyACM0');
    t.machine.nodes.set('/dev/ttyACM0', 'node-2');
    await t.until(() => expect(t.machine.ports).toHaveLength(2));
    await t.until(() => expect(t.stateOf('dock-1')).toBe('connected'));
    expect(first.closeCalls).toBe(1);
    expect(t.statuses.map((s) => s.detail)).toContain(
      '/dev/ttyACM0 is now a different device (replugged?)',
    );
  });

  it('reports a permission problem as an error with the fix, and retries', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    t.machine.openErrors.set(
      '/dev/ttyACM0',
      new Error('Error: Permission denied, cannot open /dev/ttyACM0'),
    );
    await t.manager.start();
    expect(t.stateOf('dock-1')).toBe('error');
    expect(t.manager.status()[0]?.detail).toMatch(/permission denied .*dialout/);
    t.machine.openErrors.clear();
    await t.until(() => expect(t.stateOf('dock-1')).toBe('connected'));
    // The same error on every retry is reported once, not once a second.
    expect(t.statuses.filter((s) => s.state === 'error')).toHaveLength(1);
  });

  it('discards a partial frame after the timeout, then takes the next scan', async () => {
    const t = setup([
      { id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR', partialFrameTimeoutMs: 30 },
    ]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    const port = t.machine.current('/dev/ttyACM0');
    port.send('PARTIAL');
    await t.until(() => expect(t.warnings).toMatchObject([{ code: 'partial-frame-timeout' }]));
    port.send('4006381333931\r');
    expect(t.frames.map((f) => f.data)).toEqual(['4006381333931']);
  });

  it('ends frames by silence in none mode', async () => {
    const t = setup([
      { id: 'dock-1', path: '/dev/ttyACM0', terminator: 'none', partialFrameTimeoutMs: 20 },
    ]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    t.machine.current('/dev/ttyACM0').send(']E04006381333931');
    await t.until(() => expect(t.frames.map((f) => f.data)).toEqual([']E04006381333931']));
  });

  it('keeps working when a callback throws', async () => {
    const seen: string[] = [];
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }], {
      onFrame: (f) => {
        if (f.data === 'BOOM') throw new Error('handler failed');
        seen.push(f.data);
      },
      onStatus: () => {
        throw new Error('status handler failed');
      },
    });
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    const port = t.machine.current('/dev/ttyACM0');
    expect(() => port.send('BOOM\rAFTER\r')).not.toThrow();
    expect(seen).toEqual(['AFTER']);
    expect(t.internalErrors).toEqual(['onStatus', 'onFrame']);
  });

  it('stop() closes the port, stops its timers and calls nothing afterwards', async () => {
    const t = setup([
      { id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR', partialFrameTimeoutMs: 20 },
    ]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    await t.manager.start();
    const port = t.machine.current('/dev/ttyACM0');
    port.send('HALF');
    await t.manager.stop();
    expect(port.isOpen).toBe(false);
    expect(t.manager.status()[0]).toMatchObject({ state: 'disconnected', detail: 'stopped' });
    const seen = [t.frames.length, t.warnings.length, t.statuses.length];
    t.machine.nodes.set('/dev/ttyACM0', 'node-2');
    port.send('MORE\r');
    await new Promise((r) => setTimeout(r, 80));
    expect([t.frames.length, t.warnings.length, t.statuses.length]).toEqual(seen);
    expect(t.machine.ports).toHaveLength(1);
  });

  it('stop() during an open closes the port once it has opened', async () => {
    const t = setup([{ id: 'dock-1', path: '/dev/ttyACM0', terminator: 'CR' }]);
    t.machine.nodes.set('/dev/ttyACM0', 'node-1');
    const started = t.manager.start();
    await t.manager.stop();
    await started;
    expect(t.machine.ports.every((p) => !p.isOpen)).toBe(true);
  });
});

describe('SerialScanners with ports chosen by USB id', () => {
  const honeywell = (path: string): ListedPort => ({
    path,
    vendorId: '0c2e',
    productId: '0b61',
  });

  it('gives two identical scanners a port each and reconnects the one unplugged', async () => {
    const t = setup([
      { id: 'dock-1', vendorId: '0x0C2E', productId: '0b61', terminator: 'CR' },
      { id: 'dock-2', vendorId: 0x0c2e, terminator: 'CRLF', baudRate: 115200 },
    ]);
    t.machine.listed = [honeywell('/dev/ttyACM0'), honeywell('/dev/ttyACM1')];
    t.machine.nodes.set('/dev/ttyACM0', 'a');
    t.machine.nodes.set('/dev/ttyACM1', 'b');
    await t.manager.start();
    expect(t.manager.status()).toEqual([
      {
        device: 'dock-1',
        state: 'connected',
        detail: '/dev/ttyACM0 (USB 0c2e:0b61 (Honeywell (Metrologic))) at 9600 baud',
      },
      {
        device: 'dock-2',
        state: 'connected',
        detail: '/dev/ttyACM1 (USB 0c2e (Honeywell (Metrologic))) at 115200 baud',
      },
    ]);
    t.machine.current('/dev/ttyACM1').send('TWO\r\n');
    expect(t.frames).toEqual([{ device: 'dock-2', data: 'TWO' }]);

    t.machine.listed = [honeywell('/dev/ttyACM0')];
    t.machine.nodes.delete('/dev/ttyACM1');
    await t.until(() => expect(t.stateOf('dock-2')).toBe('disconnected'));
    expect(t.stateOf('dock-1')).toBe('connected');
    t.machine.listed = [honeywell('/dev/ttyACM0'), honeywell('/dev/ttyACM2')];
    t.machine.nodes.set('/dev/ttyACM2', 'c');
    await t.until(() => expect(t.stateOf('dock-2')).toBe('connected'));
    expect(t.machine.openPorts('/dev/ttyACM0')).toHaveLength(1);
    expect(t.machine.openPorts('/dev/ttyACM2')).toHaveLength(1);
  });

  it('does not take a port another scanner names by path', async () => {
    const t = setup([
      { id: 'by-usb', vendorId: '0c2e', terminator: 'CR' },
      { id: 'by-path', path: '/dev/ttyACM0', terminator: 'CR' },
    ]);
    t.machine.listed = [honeywell('/dev/ttyACM0')];
    t.machine.nodes.set('/dev/ttyACM0', 'a');
    await t.manager.start();
    expect(t.stateOf('by-path')).toBe('connected');
    expect(t.manager.status()[0]).toMatchObject({
      state: 'disconnected',
      detail: 'no free serial port matches USB 0c2e (Honeywell (Metrologic)) (unplugged?)',
    });
  });

  it('warns once when the port list fails, and keeps open ports open', async () => {
    const t = setup([{ id: 'dock-1', vendorId: '0c2e', terminator: 'CR' }]);
    t.machine.listed = [honeywell('/dev/ttyACM0')];
    t.machine.nodes.set('/dev/ttyACM0', 'a');
    await t.manager.start();
    t.machine.listError = new Error('udevadm exited with code 1');
    await new Promise((r) => setTimeout(r, 120));
    expect(t.warnings).toEqual([
      {
        code: 'port-list-failed',
        device: 'dock-1',
        message:
          "Cannot list serial ports to find scanner 'dock-1' (USB 0c2e (Honeywell (Metrologic))): udevadm exited with code 1",
      },
    ]);
    expect(t.stateOf('dock-1')).toBe('connected');
  });
});

describe('SerialScanners configuration', () => {
  const make = (scanners: ScannerConfig[]) =>
    new SerialScanners({ scanners, onFrame: () => undefined });

  it('refuses configurations it cannot honour', () => {
    expect(() => make([{ id: '', path: '/x', terminator: 'CR' }])).toThrow(/needs an id/);
    expect(() =>
      make([
        { id: 'a', path: '/x', terminator: 'CR' },
        { id: 'a', path: '/y', terminator: 'CR' },
      ]),
    ).toThrow(/two scanners are called 'a'/);
    expect(() =>
      make([
        { id: 'a', path: '/x', terminator: 'CR' },
        { id: 'b', path: '/x', terminator: 'CR' },
      ]),
    ).toThrow(/two scanners use the port \/x/);
    expect(() => make([{ id: 'a', terminator: 'CR' }])).toThrow(/needs a path or a USB vendorId/);
    expect(() => make([{ id: 'a', vendorId: 'honeywell', terminator: 'CR' }])).toThrow(
      /not a USB id/,
    );
    expect(() => make([{ id: 'a', path: '/x', terminator: 'CR', baudRate: 0 }])).toThrow(
      /baudRate 0/,
    );
  });
});
