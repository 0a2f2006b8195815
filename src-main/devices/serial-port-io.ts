/**
 * The edge to the operating system's serial ports, behind small interfaces so that the scanner
 * manager can be tested with fakes: open a port, list ports, see where a device path leads.
 * `serialport` is imported lazily: loading this module does not load the native addon.
 */
import { realpathSync, statSync } from 'node:fs';
import type { ListedPort } from './scanner-ports';

/** The part of a `serialport` SerialPort the scanner manager uses. */
export interface ScannerPort {
  readonly isOpen: boolean;
  open(callback: (err: Error | null) => void): void;
  close(callback: (err: Error | null) => void): void;
  onData(listener: (chunk: Buffer) => void): void;
  onClose(listener: (err: Error | null) => void): void;
  onError(listener: (err: Error) => void): void;
}

export type CreatePort = (options: { path: string; baudRate: number }) => Promise<ScannerPort>;
export type ListPorts = () => Promise<ListedPort[]>;

/** Where a path leads now. */
export interface PathProbe {
  realPath: string;
  /** Equal only for the same device node: changes when a device is replugged or re-created. */
  identity: string;
}
export type ProbePath = (path: string) => PathProbe | null;

/** Follows symlinks (/dev/serial/by-id/…, socat's links); null when nothing is there. */
export const probeDevicePath: ProbePath = (path) => {
  try {
    const realPath = realpathSync(path);
    const st = statSync(realPath);
    return { realPath, identity: `${st.dev}:${st.ino}:${st.rdev}` };
  } catch {
    return null;
  }
};

export const listSerialPorts: ListPorts = async () => {
  const { SerialPort } = await import('serialport');
  // serialport's typing of list() resolves to any (its types package has no "types" export).
  const ports: unknown[] = await SerialPort.list();
  return ports.flatMap((p) => {
    if (typeof p !== 'object' || p === null || !('path' in p) || typeof p.path !== 'string') {
      return [];
    }
    const text = (key: string): string | undefined => {
      const v: unknown = Reflect.get(p, key);
      return typeof v === 'string' ? v : undefined;
    };
    return [
      {
        path: p.path,
        manufacturer: text('manufacturer'),
        serialNumber: text('serialNumber'),
        pnpId: text('pnpId'),
        vendorId: text('vendorId'),
        productId: text('productId'),
      },
    ];
  });
};

/** A `serialport` SerialPort, not yet open. */
export const createSerialPort: CreatePort = async ({ path, baudRate }) => {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  return {
    get isOpen() {
      return port.isOpen;
    },
    open: (callback) => port.open(callback),
    close: (callback) => port.close(callback),
    onData: (listener) => void port.on('data', listener),
    onClose: (listener) => void port.on('close', listener),
    onError: (listener) => void port.on('error', listener),
  };
};

/**
 * Closes a port and resolves whatever happens: a port whose device vanished may fail to close,
 * and a wedged driver may never call back, which must not hang a shutdown.
 */
export function closePortQuietly(port: ScannerPort, timeoutMs = 2000): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      if (port.isOpen) port.close(done);
      else done();
    } catch {
      done();
    }
  });
}

export type OpenFailure = 'missing' | 'permission' | 'busy' | 'not-serial' | 'other';

/** Why a port did not open, in words an admin can act on (from serialport's error text). */
export function explainOpenError(
  path: string,
  err: unknown,
): { failure: OpenFailure; detail: string } {
  const message = err instanceof Error ? err.message : String(err);
  if (/ENOENT|No such file/i.test(message)) {
    return { failure: 'missing', detail: `no serial port at ${path}` };
  }
  if (/EACCES|Permission denied|Access denied/i.test(message)) {
    return {
      failure: 'permission',
      detail: `cannot open ${path}: permission denied (on Linux, add the user to the dialout group)`,
    };
  }
  if (
    /Cannot lock port|EBUSY|Device or resource busy|Resource temporarily unavailable/i.test(message)
  ) {
    return { failure: 'busy', detail: `cannot open ${path}: another program is using it` };
  }
  if (/Inappropriate ioctl|ENOTTY/i.test(message)) {
    return { failure: 'not-serial', detail: `cannot open ${path}: it is not a serial port` };
  }
  return { failure: 'other', detail: `cannot open ${path}: ${message.replace(/^Error:? /, '')}` };
}
