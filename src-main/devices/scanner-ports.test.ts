import { describe, expect, it } from 'vitest';
import {
  describePorts,
  describeSelector,
  findPortByUsbIds,
  likelyScannerPorts,
  matchesUsbIds,
  normaliseUsbId,
  SCANNER_USB_VENDORS,
  scannerVendor,
  type ListedPort,
} from './scanner-ports';

/** Shaped like `SerialPort.list()` on Linux (udev gives lowercase hex without 0x). */
const PORTS: ListedPort[] = [
  { path: '/dev/ttyS0' },
  { path: '/dev/ttyACM1', vendorId: '0c2e', productId: '0b61', manufacturer: 'Honeywell' },
  { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61', manufacturer: 'Honeywell' },
  { path: '/dev/ttyACM2', vendorId: '05e0', productId: '1701', manufacturer: 'Symbol' },
  { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' },
  // Windows reports uppercase ids.
  { path: 'COM7', vendorId: '1EAB', productId: '0D06' },
];

describe('normaliseUsbId', () => {
  it.each<[string | number | undefined, string | null]>([
    ['0c2e', '0c2e'],
    ['0C2E', '0c2e'],
    ['0x0C2E', '0c2e'],
    [' c2e ', '0c2e'],
    [0x0c2e, '0c2e'],
    [3118, '0c2e'],
    ['1EAB', '1eab'],
    [undefined, null],
    ['', null],
    ['12345', null],
    ['zzzz', null],
    [-1, null],
    [0x10000, null],
    [1.5, null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUsbId(input)).toBe(expected);
  });
});

describe('matching ports by USB id', () => {
  it('matches on vendor id alone, and on vendor + product id, whatever the spelling', () => {
    const acm0 = PORTS[2]!;
    expect(matchesUsbIds(acm0, { vendorId: '0x0C2E' })).toBe(true);
    expect(matchesUsbIds(acm0, { vendorId: 0x0c2e, productId: 0x0b61 })).toBe(true);
    expect(matchesUsbIds(acm0, { vendorId: '0c2e', productId: '0b62' })).toBe(false);
    expect(matchesUsbIds(acm0, { vendorId: '05e0' })).toBe(false);
    expect(matchesUsbIds(PORTS[0]!, { vendorId: '0c2e' })).toBe(false);
    expect(matchesUsbIds(PORTS[5]!, { vendorId: '1eab', productId: '0d06' })).toBe(true);
  });

  it('never matches without a valid vendor id', () => {
    expect(matchesUsbIds(PORTS[2]!, {})).toBe(false);
    expect(matchesUsbIds(PORTS[2]!, { vendorId: 'nope' })).toBe(false);
    expect(matchesUsbIds({ path: '/dev/ttyS0' }, { vendorId: '0000' })).toBe(false);
  });

  it('takes the first match by path, skipping ports other scanners hold', () => {
    expect(findPortByUsbIds(PORTS, { vendorId: '0c2e' })).toEqual({
      port: PORTS[2],
      candidates: 2,
    });
    expect(findPortByUsbIds(PORTS, { vendorId: '0c2e' }, new Set(['/dev/ttyACM0']))).toEqual({
      port: PORTS[1],
      candidates: 1,
    });
    expect(
      findPortByUsbIds(PORTS, { vendorId: '0c2e' }, new Set(['/dev/ttyACM0', '/dev/ttyACM1'])),
    ).toBeNull();
    expect(findPortByUsbIds(PORTS, { vendorId: '065a' })).toBeNull();
    expect(findPortByUsbIds([], { vendorId: '0c2e' })).toBeNull();
  });
});

describe('scanner makers', () => {
  it('has one well-formed entry per vendor id', () => {
    const ids = SCANNER_USB_VENDORS.map((v) => v.vendorId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of SCANNER_USB_VENDORS) {
      expect(v.vendorId).toMatch(/^[0-9a-f]{4}$/);
      expect(v.note.length).toBeGreaterThan(10);
    }
  });

  it('knows the big makers and marks USB-serial bridge chips as generic', () => {
    expect(scannerVendor('0C2E')?.maker).toMatch(/Honeywell/);
    expect(scannerVendor(0x05e0)?.maker).toMatch(/Zebra/);
    expect(scannerVendor('05f9')?.maker).toMatch(/Datalogic/);
    expect(scannerVendor('1eab')?.maker).toBe('Newland');
    expect(scannerVendor('065a')?.maker).toBe('Opticon');
    expect(scannerVendor('1a86')?.generic).toBe(true);
    expect(scannerVendor('067b')?.generic).toBe(true);
    expect(scannerVendor('ffff')).toBeUndefined();
    expect(scannerVendor(undefined)).toBeUndefined();
  });

  it('lists ports that look like scanners, not plain USB-serial cables', () => {
    expect(likelyScannerPorts(PORTS).map(({ port }) => port.path)).toEqual([
      '/dev/ttyACM1',
      '/dev/ttyACM0',
      '/dev/ttyACM2',
      'COM7',
    ]);
  });

  it('describes a selector for messages', () => {
    expect(describeSelector({ path: '/dev/ttyACM0', vendorId: '0c2e' })).toBe('/dev/ttyACM0');
    expect(describeSelector({ vendorId: '0x0C2E', productId: 0x0b61 })).toBe(
      'USB 0c2e:0b61 (Honeywell (Metrologic))',
    );
    expect(describeSelector({ vendorId: 'beef' })).toBe('USB beef');
  });
});

describe('describePorts (the Settings screen’s port list)', () => {
  it('sorts by path, normalises USB ids and names known scanner makers only', () => {
    expect(
      describePorts([
        { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', manufacturer: 'FTDI' },
        { path: '/dev/ttyACM0', vendorId: '0C2E', productId: '0B61' },
        { path: '/dev/ttyS0' },
      ]),
    ).toEqual([
      {
        path: '/dev/ttyACM0',
        manufacturer: null,
        vendorId: '0c2e',
        productId: '0b61',
        scannerMaker: 'Honeywell (Metrologic)',
      },
      {
        path: '/dev/ttyS0',
        manufacturer: null,
        vendorId: null,
        productId: null,
        scannerMaker: null,
      },
      {
        path: '/dev/ttyUSB0',
        manufacturer: 'FTDI',
        vendorId: '0403',
        productId: '6001',
        scannerMaker: null,
      },
    ]);
  });
});
