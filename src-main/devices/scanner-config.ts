import type { Terminator } from './scan-framing';
import { normaliseUsbId } from './scanner-ports';

export interface ScannerConfig {
  /** Names the scanner in scans, statuses and warnings ('dock-1'). */
  id: string;
  /** Wins over vendorId/productId when given. */
  path?: string;
  vendorId?: string | number;
  productId?: string | number;
  /** Default 9600. */
  baudRate?: number;
  terminator: Terminator;
  /** Default 300 ms. */
  partialFrameTimeoutMs?: number;
}

export const DEFAULT_BAUD_RATE = 9600;

/** Throws, naming the scanner, on a configuration that could never work. */
export function validateScannerConfigs(scanners: readonly ScannerConfig[]): void {
  const ids = new Set<string>();
  const paths = new Set<string>();
  for (const s of scanners) {
    if (!s.id) throw new Error('every scanner needs an id');
    if (ids.has(s.id)) throw new Error(`two scanners are called '${s.id}'`);
    ids.add(s.id);
    if (s.path === undefined && s.vendorId === undefined) {
      throw new Error(`scanner '${s.id}' needs a path or a USB vendorId`);
    }
    if (s.path !== undefined) {
      if (paths.has(s.path)) throw new Error(`two scanners use the port ${s.path}`);
      paths.add(s.path);
    } else if (normaliseUsbId(s.vendorId) === null) {
      throw new Error(`scanner '${s.id}': vendorId ${String(s.vendorId)} is not a USB id`);
    } else if (s.productId !== undefined && normaliseUsbId(s.productId) === null) {
      throw new Error(`scanner '${s.id}': productId ${String(s.productId)} is not a USB id`);
    }
    const baud = s.baudRate ?? DEFAULT_BAUD_RATE;
    if (!Number.isInteger(baud) || baud <= 0) {
      throw new Error(`scanner '${s.id}': baudRate ${baud} is not a positive whole number`);
    }
  }
}
