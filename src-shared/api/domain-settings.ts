import { z } from 'zod';
import { defineCall } from './define';
import {
  defaultSupplierQualitySettings,
  supplierQualitySettings,
} from '../suppliers/quality-settings';
import { defaultShelfLifeSettings, shelfLifeSettings } from '../shelf-life/settings';
import { defaultEpcisSettings, epcisSettings } from './domain-export';
import { defaultSyncSettings, syncSettings } from './domain-sync';
import { defaultDesktopSettings, desktopSettings } from './domain-desktop';
import { backupSettings, defaultBackupSettings } from './domain-backup';
import { BARCODE_FORMAT_NAMES, DEFAULT_BARCODE_FORMATS } from '../vision/formats';

export const LANGUAGES = ['en', 'zh-CN'] as const;

/** A serial scanner the station opens: by port path, or found by its USB vendor/product id. */
export const serialScannerSetting = z
  .object({
    id: z.string().trim().min(1).max(40),
    path: z.string().max(200).optional(),
    vendorId: z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'a USB id such as 0c2e')
      .optional(),
    productId: z
      .string()
      .regex(/^(0x)?[0-9a-fA-F]{1,4}$/, 'a USB id such as 0b61')
      .optional(),
    baudRate: z.number().int().positive().max(921_600).default(9600),
    terminator: z.enum(['CR', 'LF', 'CRLF', 'ETX', 'none']).default('CR'),
  })
  .refine(
    (s) => s.path !== undefined || s.vendorId !== undefined,
    'give the port path or the USB vendor id',
  );
export type SerialScannerSetting = z.infer<typeof serialScannerSetting>;

/** Inspection policy: the weekly spot-check quota per category, and who may skip a lot. */
export const inspectionSettings = z.object({
  spotCheckQuota: z.number().int().min(0).max(100),
  /** Categories whose lots may skip inspection while their supplier x SKU is on reduced inspection. */
  skipLotCategories: z.array(z.string().min(1).max(40)).max(40),
});

/** Frame sizes a camera is asked for (width x height); it may answer with the nearest it has. */
export const CAMERA_RESOLUTIONS = [
  '640x480',
  '1280x720',
  '1920x1080',
  '2560x1440',
  '3840x2160',
] as const;
export type CameraResolution = (typeof CAMERA_RESOLUTIONS)[number];

/** The dock camera: which one (null: the system's default), frame size, what it reads live. */
export const cameraSettings = z.object({
  deviceId: z.string().max(256).nullable(),
  resolution: z.enum(CAMERA_RESOLUTIONS),
  /** What the live reader looks for; each format left out is one fewer way to misread. */
  formats: z.array(z.enum(BARCODE_FORMAT_NAMES)).min(1).max(BARCODE_FORMAT_NAMES.length),
  /** Read barcodes from the preview while the camera panel is open. */
  liveScan: z.boolean(),
});
export type CameraSettings = z.infer<typeof cameraSettings>;

export const stationSettings = z.object({
  language: z.enum(LANGUAGES),
  sounds: z.boolean(),
  idleSignOutMinutes: z.number().int().min(1).max(240),
  wedgeMaxInterKeyMs: z.number().int().min(5).max(200),
  wedgeMinLength: z.number().int().min(1).max(100),
  wedgePrefix: z.string().max(8),
  wedgeSuffix: z.enum(['Enter', 'Tab', 'none']),
  wedgeGsSubstitute: z.string().max(8),
  serialScanners: z.array(serialScannerSetting).max(8),
  /** Supplier scorecard, standing thresholds, supplier gate policy, penalty rules. */
  supplierQuality: supplierQualitySettings,
  inspection: inspectionSettings,
  /** Shelf-life rules: defaults, per category and per SKU (GTIN). */
  shelfLife: shelfLifeSettings,
  /** The camera on this station's screen (a personal device setting: anyone signed in). */
  camera: cameraSettings,
  /** Read point and business location (SGLNs) of the station's EPCIS exports. */
  epcis: epcisSettings,
  /** How often to sync with head office; when being offline becomes an alarm. */
  sync: syncSettings,
  /** Kiosk / full screen / start at login (the Electron app; an admin's setting). */
  desktop: desktopSettings,
  /** Daily online backups: folder, retention, hour (an admin's setting). */
  backup: backupSettings,
});
export type StationSettings = z.infer<typeof stationSettings>;

export const defaultSettings: StationSettings = {
  language: 'en',
  sounds: true,
  idleSignOutMinutes: 15,
  wedgeMaxInterKeyMs: 35,
  wedgeMinLength: 6,
  wedgePrefix: '',
  wedgeSuffix: 'Enter',
  wedgeGsSubstitute: '',
  serialScanners: [],
  supplierQuality: defaultSupplierQualitySettings,
  inspection: { spotCheckQuota: 3, skipLotCategories: ['small-appliances', 'personal-care'] },
  shelfLife: defaultShelfLifeSettings,
  camera: {
    deviceId: null,
    resolution: '1280x720',
    formats: [...DEFAULT_BARCODE_FORMATS],
    liveScan: true,
  },
  epcis: defaultEpcisSettings,
  sync: defaultSyncSettings,
  desktop: defaultDesktopSettings,
  backup: defaultBackupSettings,
};

export const settingsCalls = {
  'settings.get': defineCall({
    summary: "This station's settings.",
    access: 'public',
    input: z.object({}).strict(),
    output: stationSettings,
  }),
  'settings.update': defineCall({
    summary: 'Changes settings; every change is an event.',
    access: 'signed-in',
    input: stationSettings.partial().strict(),
    output: stationSettings,
  }),
};
