import { describe, expect, it } from 'vitest';
import {
  locatePort,
  needsPortList,
  notFoundDetail,
  whyGone,
  type PresenceContext,
} from './port-presence';
import type { ScannerConfig } from './scanner-config';
import type { PathProbe } from './serial-port-io';

const nodes = new Map<string, PathProbe>([
  ['/dev/ttyACM0', { realPath: '/dev/ttyACM0', identity: '1:100:42' }],
  // A udev by-id link to the same device.
  ['/dev/serial/by-id/usb-Honeywell-if00', { realPath: '/dev/ttyACM0', identity: '1:100:42' }],
]);
const ctx = (over: Partial<PresenceContext> = {}): PresenceContext => ({
  listed: null,
  probe: (path) => nodes.get(path) ?? null,
  platform: 'linux',
  ...over,
});
const byPath = (path: string): ScannerConfig => ({ id: 'dock-1', path, terminator: 'CR' });
const byUsb: ScannerConfig = { id: 'dock-1', vendorId: '0c2e', terminator: 'CR' };
const honeywell = { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61' };

describe('locatePort', () => {
  it('finds a path by stat, following symlinks, without the port list', () => {
    expect(needsPortList(byPath('/dev/ttyACM0'), 'linux')).toBe(false);
    expect(locatePort(byPath('/dev/serial/by-id/usb-Honeywell-if00'), ctx(), new Set())).toEqual({
      path: '/dev/serial/by-id/usb-Honeywell-if00',
      realPath: '/dev/ttyACM0',
      identity: '1:100:42',
    });
    expect(locatePort(byPath('/dev/ttyACM9'), ctx(), new Set())).toBeNull();
  });

  it('on Windows finds a COM port by the port list', () => {
    expect(needsPortList(byPath('COM3'), 'win32')).toBe(true);
    const win = ctx({ platform: 'win32', listed: [{ path: 'COM3' }] });
    expect(locatePort(byPath('COM3'), win, new Set())).toEqual({
      path: 'COM3',
      realPath: 'COM3',
      identity: 'listed',
    });
    expect(locatePort(byPath('COM4'), win, new Set())).toBeNull();
  });

  it('finds a USB scanner in the list, unless another scanner holds that device', () => {
    const c = ctx({ listed: [honeywell] });
    expect(locatePort(byUsb, c, new Set())).toMatchObject({ path: '/dev/ttyACM0' });
    expect(locatePort(byUsb, c, new Set(['/dev/ttyACM0']))).toBeNull();
    expect(locatePort(byUsb, ctx({ listed: null }), new Set())).toBeNull();
  });

  it('explains why nothing was found', () => {
    expect(notFoundDetail(byPath('/dev/ttyACM9'), null)).toBe(
      'no serial port at /dev/ttyACM9 (unplugged?)',
    );
    expect(notFoundDetail(byUsb, null)).toMatch(/cannot list serial ports/);
    expect(notFoundDetail(byUsb, [])).toMatch(/no free serial port matches USB 0c2e/);
  });
});

describe('whyGone', () => {
  const opened = { path: '/dev/ttyACM0', realPath: '/dev/ttyACM0', identity: '1:100:42' };

  it('keeps a port whose path still leads to the same device', () => {
    expect(whyGone(byPath('/dev/ttyACM0'), opened, ctx())).toBeNull();
  });

  it('drops a port whose path vanished or now leads to another device', () => {
    expect(whyGone(byPath('/dev/ttyACM0'), opened, ctx({ probe: () => null }))).toBe(
      '/dev/ttyACM0 is gone (unplugged?)',
    );
    const replugged = ctx({
      probe: () => ({ realPath: '/dev/ttyACM0', identity: '1:101:42' }),
    });
    expect(whyGone(byPath('/dev/ttyACM0'), opened, replugged)).toMatch(/different device/);
  });

  it('drops a USB scanner that left the list, but not when the list failed', () => {
    expect(whyGone(byUsb, opened, ctx({ listed: [honeywell] }))).toBeNull();
    expect(whyGone(byUsb, opened, ctx({ listed: [] }))).toMatch(/no longer listed/);
    expect(whyGone(byUsb, opened, ctx({ listed: null }))).toBeNull();
  });

  it('on Windows follows the list for a COM port', () => {
    const com = { path: 'COM3', realPath: 'COM3', identity: 'listed' };
    const win = (listed: PresenceContext['listed']) =>
      ctx({ platform: 'win32', listed, probe: () => null });
    expect(whyGone(byPath('COM3'), com, win([{ path: 'COM3' }]))).toBeNull();
    expect(whyGone(byPath('COM3'), com, win([]))).toMatch(/no longer listed/);
    expect(whyGone(byPath('COM3'), com, win(null))).toBeNull();
  });
});
