/**
 * Which serial port is which scanner: by explicit path, or by USB vendor/product id from the
 * port list. Pure: the port list comes in as a value (from `SerialPort.list()` in production).
 */

/** What `SerialPort.list()` reports for a port; only `path` is guaranteed. */
export interface ListedPort {
  path: string;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  pnpId?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

export interface PortSelector {
  /** Wins when given: /dev/ttyACM0, /dev/serial/by-id/…, COM3. */
  path?: string;
  /** USB vendor id, hex ('0c2e', '0x0C2E') or a number (0x0c2e). */
  vendorId?: string | number;
  productId?: string | number;
}

export interface ScannerVendor {
  /** Four lowercase hex digits, as Linux's udev and `SerialPort.list()` report it. */
  vendorId: string;
  maker: string;
  /** A USB-serial bridge chip used by many devices: a match says nothing about the device. */
  generic: boolean;
  note: string;
}

/**
 * USB vendor ids of scanner makers whose scanners can present a serial (CDC-ACM / virtual COM)
 * port. Sources: linux-usb.org's usb.ids as shipped in systemd's hwdb
 * (/usr/lib/udev/hwdb.d/20-usb-vendor-model.hwdb), makers' manuals where cited. Deliberately
 * absent because no source could be checked: Unitech and CipherLab (configure those by
 * path or by explicit vendorId/productId read from `lsusb`). For The Code Corporation we found
 * no source for 0x1d82; Code's own interface document says 0x11fa, which is listed here.
 */
export const SCANNER_USB_VENDORS: readonly ScannerVendor[] = [
  {
    vendorId: '0c2e',
    maker: 'Honeywell (Metrologic)',
    generic: false,
    note: 'usb.ids "Metrologic Instruments" (Honeywell since 2008): Voyager 1400g, Vuquest 3310g, MS7120 serial modes',
  },
  {
    vendorId: '0536',
    maker: 'Honeywell (Hand Held Products)',
    generic: false,
    note: 'usb.ids "Hand Held Products (Welch Allyn, Inc.)", Honeywell since 2007; older imagers',
  },
  {
    vendorId: '067e',
    maker: 'Honeywell (Intermec)',
    generic: false,
    note: 'usb.ids "Intermec Technologies Corp.", Honeywell since 2013',
  },
  {
    vendorId: '05e0',
    maker: 'Zebra (Symbol)',
    generic: false,
    note: 'usb.ids "Symbol Technologies" incl. "Bar Code Scanner (CDC)"; Zebra scanners keep this id (0a5f is Zebra printers)',
  },
  {
    vendorId: '05f9',
    maker: 'Datalogic (PSC)',
    generic: false,
    note: 'usb.ids "PSC Scanning, Inc." (now part of Datalogic): Gryphon and Magellan, incl. "RS-232 emulation mode"',
  },
  {
    vendorId: '080c',
    maker: 'Datalogic',
    generic: false,
    note: 'usb.ids "Datalogic S.p.A.": Gryphon D120, M100',
  },
  {
    vendorId: '1eab',
    maker: 'Newland',
    generic: false,
    note: 'usb.ids "Fujian Newland Computer Co., Ltd" ("Serial CDC" product ids); Newland manuals give VID 1EAB',
  },
  {
    vendorId: '065a',
    maker: 'Opticon',
    generic: false,
    note: 'usb.ids "Optoelectronics Co., Ltd", listed with Opticon models: OPR-2001, NLV-1001 (serial mode)',
  },
  {
    vendorId: '11fa',
    maker: 'The Code Corporation',
    generic: false,
    note: 'Code ICD D014465 §5.1: "All Code products use the same Vendor ID (VID) of 11FA" (VCOM pid 0x0204, CDC 0x0215); not in usb.ids',
  },
  {
    vendorId: '0488',
    maker: 'Netum and other budget scanners',
    generic: true,
    note: 'usb.ids gives 0488 to Cirque Corp.; budget scanners reuse it as "BLMicroelectronics Virtual COM Port" (seen as 0488:5788)',
  },
  {
    vendorId: '1a86',
    maker: 'QinHeng CH340/CH341 USB-serial bridge',
    generic: true,
    note: 'inside many budget scanners (Netum and others) and in plain USB-serial cables',
  },
  {
    vendorId: '067b',
    maker: 'Prolific PL2303 USB-serial bridge',
    generic: true,
    note: 'USB-to-RS-232 cables for scanners with a DB9 plug; also every other RS-232 device',
  },
];

/** '0x0C2E', '0c2e', 'C2E' or 3118 → '0c2e'; null when it is not a 16-bit id. */
export function normaliseUsbId(id: string | number | undefined): string | null {
  if (id === undefined) return null;
  if (typeof id === 'number') {
    return Number.isInteger(id) && id >= 0 && id <= 0xffff
      ? id.toString(16).padStart(4, '0')
      : null;
  }
  const m = /^(?:0x)?([0-9a-f]{1,4})$/i.exec(id.trim());
  return m?.[1] ? m[1].toLowerCase().padStart(4, '0') : null;
}

export function scannerVendor(vendorId: string | number | undefined): ScannerVendor | undefined {
  const id = normaliseUsbId(vendorId);
  return id === null ? undefined : SCANNER_USB_VENDORS.find((v) => v.vendorId === id);
}

export function matchesUsbIds(port: ListedPort, selector: PortSelector): boolean {
  const wantVendor = normaliseUsbId(selector.vendorId);
  if (wantVendor === null || normaliseUsbId(port.vendorId) !== wantVendor) return false;
  if (selector.productId === undefined) return true;
  return normaliseUsbId(port.productId) === normaliseUsbId(selector.productId);
}

/**
 * The port a vendor/product selector means: the first by path among those not `claimed` by
 * another scanner, so that two identical scanners each get their own port.
 */
export function findPortByUsbIds(
  ports: readonly ListedPort[],
  selector: PortSelector,
  claimed: ReadonlySet<string> = new Set(),
): { port: ListedPort; candidates: number } | null {
  const matching = ports
    .filter((p) => matchesUsbIds(p, selector) && !claimed.has(p.path))
    .sort((a, b) => a.path.localeCompare(b.path));
  const first = matching[0];
  return first ? { port: first, candidates: matching.length } : null;
}

/** Ports that look like scanners (a known maker, not just a USB-serial bridge chip). */
export function likelyScannerPorts(
  ports: readonly ListedPort[],
): Array<{ port: ListedPort; vendor: ScannerVendor }> {
  return ports.flatMap((port) => {
    const vendor = scannerVendor(port.vendorId);
    return vendor && !vendor.generic ? [{ port, vendor }] : [];
  });
}

/** For messages: "/dev/ttyACM0" or "USB 0c2e:0b61 (Honeywell (Metrologic))". */
export function describeSelector(selector: PortSelector): string {
  if (selector.path !== undefined) return selector.path;
  const vendor = normaliseUsbId(selector.vendorId) ?? String(selector.vendorId);
  const product =
    selector.productId === undefined
      ? ''
      : `:${normaliseUsbId(selector.productId) ?? String(selector.productId)}`;
  const maker = scannerVendor(selector.vendorId)?.maker;
  return `USB ${vendor}${product}${maker ? ` (${maker})` : ''}`;
}

/** The port list as the Settings screen shows it: nulls for what the system did not report. */
export function describePorts(ports: readonly ListedPort[]): {
  path: string;
  manufacturer: string | null;
  vendorId: string | null;
  productId: string | null;
  scannerMaker: string | null;
}[] {
  return [...ports]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((p) => {
      const vendor = scannerVendor(p.vendorId);
      return {
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        vendorId: normaliseUsbId(p.vendorId),
        productId: normaliseUsbId(p.productId),
        scannerMaker: vendor && !vendor.generic ? vendor.maker : null,
      };
    });
}
