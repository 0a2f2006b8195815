/**
 * Is a scanner's port there, and is an open port still the same device? Pure decisions over a
 * port listing and path probes, made once per poll by the scanner manager.
 */
import type { ScannerConfig } from './scanner-config';
import {
  describeSelector,
  findPortByUsbIds,
  matchesUsbIds,
  type ListedPort,
} from './scanner-ports';
import type { ProbePath } from './serial-port-io';

/** A port to open, or the port a scanner has open. */
export interface PortTarget {
  path: string;
  realPath: string;
  /** From the probe, or 'listed' where only the port list knows the port (Windows COM names). */
  identity: string;
}

export interface PresenceContext {
  /** The port list of this poll; null when it was not needed or failed. */
  listed: ListedPort[] | null;
  probe: ProbePath;
  platform: NodeJS.Platform;
}

/** Paths are stat'ed, except where they cannot be (COM3): there the port list decides. */
export function needsPortList(config: ScannerConfig, platform: NodeJS.Platform): boolean {
  return config.path === undefined || platform === 'win32';
}

/** The port to open for a scanner, skipping ports `others` hold; null when there is none. */
export function locatePort(
  config: ScannerConfig,
  ctx: PresenceContext,
  others: ReadonlySet<string>,
): PortTarget | null {
  const { listed, probe } = ctx;
  const path = config.path;
  if (path !== undefined) {
    const found = probe(path);
    if (found) return { path, ...found };
    const isListed = needsPortList(config, ctx.platform) && listed?.some((p) => p.path === path);
    return isListed ? { path, realPath: path, identity: 'listed' } : null;
  }
  if (listed === null) return null;
  const match = findPortByUsbIds(listed, config, others);
  if (!match) return null;
  const found = probe(match.port.path);
  // The list names the device node; another scanner may hold it through a by-id symlink.
  if (found && others.has(found.realPath)) return null;
  return found
    ? { path: match.port.path, ...found }
    : { path: match.port.path, realPath: match.port.path, identity: 'listed' };
}

export function notFoundDetail(config: ScannerConfig, listed: ListedPort[] | null): string {
  if (config.path !== undefined) return `no serial port at ${config.path} (unplugged?)`;
  if (listed === null) return `cannot list serial ports to find ${describeSelector(config)}`;
  return `no free serial port matches ${describeSelector(config)} (unplugged?)`;
}

/** Why an open port is no longer its scanner's device, or null while it still is. */
export function whyGone(
  config: ScannerConfig,
  opened: PortTarget,
  ctx: PresenceContext,
): string | null {
  const { listed } = ctx;
  if (config.path === undefined) {
    // A failed listing says nothing about the port: keep it rather than flap.
    if (listed === null) return null;
    const entry = listed.find((p) => p.path === opened.path);
    if (!entry || !matchesUsbIds(entry, config)) {
      return `${opened.path} (${describeSelector(config)}) is no longer listed (unplugged?)`;
    }
  }
  const now = ctx.probe(opened.path);
  if (now) {
    return opened.identity !== 'listed' && now.identity !== opened.identity
      ? `${opened.path} is now a different device (replugged?)`
      : null;
  }
  if (opened.identity === 'listed') {
    return listed === null || listed.some((p) => p.path === opened.path)
      ? null
      : `${opened.path} is no longer listed (unplugged?)`;
  }
  return `${opened.path} is gone (unplugged?)`;
}
