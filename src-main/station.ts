import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { localIsoDate } from '../src-shared/util/dates';
import type { SerialScannerSetting } from '../src-shared/api/domain-settings';
import { PushBus } from './api/push-bus';
import { ScannerService } from './devices/scanner-service';
import { Registry } from './api/registry';
import { complaintsHandlers } from './complaints/handlers';
import { ComplaintService } from './complaints/complaint-service';
import { complaintsProjection } from './complaints/projector';
import { RecallService } from './complaints/recall-service';
import { intakeHandlers } from './intake/handlers';
import { IntakeService } from './intake/intake-service';
import { intakeProjection } from './intake/projector';
import { inspectionHandlers } from './inspection/inspection-handlers';
import { InspectionService } from './inspection/inspection-service';
import { InspectionViews } from './inspection/inspection-views';
import { LotDecisions } from './inspection/lot-decisions';
import { inspectionProjection } from './inspection/inspection-projector';
import { templatesHandlers } from './inspection/templates-handlers';
import { templatesProjection } from './inspection/templates-projector';
import { TemplatesService } from './inspection/templates-service';
import { RefusalSlips } from './intake/refusal-slips';
import { ScanPipeline } from './intake/scan-pipeline';
import { databaseFile } from './paths';
import { reviewHandlers } from './review/handlers';
import { ReviewService } from './review/review-service';
import { exportHandlers } from './reports/export-handlers';
import { lotPdfHandlers } from './reports/lot-pdf-handlers';
import { settingsHandlers } from './settings/handlers';
import { settingsProjection } from './settings/projector';
import { shelfLifeProjection } from './shelf-life/projector';
import { shelfLifeHandlers } from './shelf-life/handlers';
import { ShelfLifeService } from './shelf-life/shelf-life-service';
import { SettingsService } from './settings/settings-service';
import { startDataSafety, type DataSafetyOptions } from './backup/data-safety';
import { Checkpointer } from './store/checkpointer';
import { openDatabase, quickCheck, type Db } from './store/database';
import { EventLog, SYSTEM_ACTOR } from './store/event-log';
import { LogCheckpoints } from './store/log-checkpoints';
import { migrate } from './store/migrate';
import { createProjector } from './store/projections';
import { createRepos, type Repos } from './store/repos';
import {
  fingerprint,
  loadOrCreateKeys,
  publicKeyFromPem,
  type StationKeys,
} from './store/station-identity';
import { masterDataHandlers, supplierQualityHandlers } from './suppliers/handlers';
import { MasterDataEditor } from './suppliers/master-data-editor';
import { MasterDataService } from './suppliers/master-data-service';
import { PenaltyService } from './suppliers/penalty-service';
import { SupplierQualityService } from './suppliers/supplier-quality-service';
import { suppliersProjection } from './suppliers/projector';
import { syncHandlers } from './sync/handlers';
import { SyncLoop } from './sync/sync-loop';
import { describePorts } from './devices/scanner-ports';
import { listSerialPorts } from './devices/serial-port-io';
import { SyncService } from './sync/sync-service';
import type { RetryPolicy } from './sync/retry';
import { logHandlers } from './trace/handlers';
import { LogService } from './trace/log-service';
import { traceHandlers } from './trace/trace-handlers';
import { TraceService } from './trace/trace-service';
import { AuthService } from './users/auth-service';
import { authHandlers, userAdminHandlers } from './users/handlers';
import { UserAdmin } from './users/user-admin';
import { usersProjection } from './users/projector';
import { photoHandlers } from './vision/photo-handlers';
import { readLabel, visionHandlers } from './vision/ocr/handlers';
import { LabelCheckService } from './inspection/label-check-service';
import { OcrService, type OcrServiceOptions } from './vision/ocr/ocr-service';
import { PhotoStore } from './vision/photo-store';
import { Sessions } from './users/sessions';
import { SOFTWARE_VERSION } from './version';
import { seedDemo } from './demo/seed';
import { latestSchemaVersion } from './store/migrate';
import { collectStationDiagnostics } from './logging/station-diagnostics';

export type StationMode = 'electron' | 'browser';

/** The OCR process warms up this long after the station opens (not during its start). */
/** A running station (serve, Electron) warms the OCR process this long after start. */
export const OCR_WARM_UP_AFTER_MS = 2_000;

export interface StationOptions {
  dataDir: string;
  mode: StationMode;
  demo?: boolean;
  nativeBinding?: string;
  clock?: () => number;
  /** A signed log checkpoint every this many events (default 1,000), and one on close. */
  checkpointEvery?: number;
  validateOutput?: boolean;
  onInternalError?: (call: string, err: unknown) => void;
  /** Serial scanners for this run only (`qcs serve --scanner PATH`), besides the configured ones. */
  extraScanners?: readonly SerialScannerSetting[];
  log?: (line: string) => void;
  /**
   * The OCR process: how to launch it (Electron passes utilityProcess), timeouts, and when to
   * warm it up in the background (default 2 s after start; null: on the first photo only).
   */
  ocr?: Omit<OcrServiceOptions, 'bus' | 'log'> & { warmUpAfterMs?: number | null };
  /** Head-office sync: retries within a round, request timeout (tests shorten them). */
  sync?: { retry?: RetryPolicy; timeoutMs?: number };
  /** Daily backups and the full-disk guard: timers and thresholds (tests shorten them). */
  dataSafety?: DataSafetyOptions;
}

/** A problem that stops the station from starting, worded for whoever starts it. */
export class StationStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StationStartError';
  }
}

/** A short, unique, readable station id such as ST-K7Q2M9XD4P (50 random bits, Crockford base32). */
export function newStationId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return `ST-${Array.from(randomBytes(10), (b) => alphabet[b % 32]).join('')}`;
}

/** Every projection, in one place: rebuild and live appends use the same list. */
export const projections = [
  usersProjection,
  suppliersProjection,
  intakeProjection,
  templatesProjection,
  inspectionProjection,
  settingsProjection,
  shelfLifeProjection,
  complaintsProjection,
];

export interface StationCore {
  db: Db;
  repos: Repos;
  log: EventLog;
  keys: StationKeys;
  stationId: string;
  close(): void;
}

/**
 * Opens the database of a data directory: integrity check, migrations, station identity and
 * key. Used by the running station and by CLI commands that do not need the API.
 */
export function openStationCore(
  dataDir: string,
  options: {
    nativeBinding?: string;
    clock?: () => number;
    /** A signed log checkpoint every this many events (default 1,000), and one on close. */
    checkpointEvery?: number;
  } = {},
): StationCore {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(
    databaseFile(dataDir),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    const damage = quickCheck(db);
    if (damage) {
      throw new StationStartError(
        `The station database is damaged (${damage}). Restore the latest backup with "qcs db restore".`,
      );
    }
    migrate(db);
    const { keys, created } = loadOrCreateKeys(dataDir);
    const repos = createRepos(db);
    const identity = db
      .prepare<[], { station_id: string; public_key: string }>(
        'SELECT station_id, public_key FROM station',
      )
      .get();
    if (identity && identity.public_key !== keys.publicKeyPem) {
      throw new StationStartError(
        created
          ? 'The station key is missing from keys/: this database was signed with another key. Restore the key file from a backup.'
          : 'The key in keys/ does not belong to this database. Put back the key that belongs to it.',
      );
    }
    if (!identity && repos.events.count() > 0) {
      throw new StationStartError(
        'The database holds events but no station identity: it is not a station database.',
      );
    }
    const stationId = identity?.station_id ?? newStationId();
    const log = new EventLog({
      db,
      stationId,
      privateKey: keys.privateKey,
      project: createProjector(repos, projections),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const checkpoints = new LogCheckpoints({
      db,
      stationId,
      privateKey: keys.privateKey,
      ...(options.checkpointEvery ? { every: options.checkpointEvery } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    });
    log.onAppended((events) => checkpoints.appendedUpTo(events.at(-1)?.seq ?? 0));
    if (!identity) {
      log.transaction(() => {
        db.prepare(
          'INSERT INTO station (singleton, station_id, public_key, created_at) VALUES (1, ?, ?, ?)',
        ).run(stationId, keys.publicKeyPem, Date.now());
        log.append({
          type: 'station.initialized',
          payload: { stationId, publicKey: keys.publicKeyPem, softwareVersion: SOFTWARE_VERSION },
          actor: SYSTEM_ACTOR,
          subjects: [`station:${stationId}`],
        });
      });
    }
    const close = () => {
      try {
        checkpoints.close();
      } finally {
        db.close();
      }
    };
    return { db, repos, log, keys, stationId, close };
  } catch (err) {
    db.close();
    throw err;
  }
}

export interface Station extends StationCore {
  bus: PushBus;
  registry: Registry;
  sessions: Sessions;
  settings: SettingsService;
  scans: ScanPipeline;
  intake: IntakeService;
  inspection: InspectionService;
  decisions: LotDecisions;
  /** Scorecard and automatic standing: `supplierQuality.reviewStanding(supplierId, actor)`. */
  supplierQuality: SupplierQualityService;
  /** Inspection templates; `templates.templateFor(sku)` picks a lot's template. */
  templates: TemplatesService;
  /** Serial scanners; call `devices.restart()` once the station runs. */
  devices: ScannerService;
  /** Photo evidence (DATA/photos), content-addressed by SHA-256. */
  photos: PhotoStore;
  /** Shelf-life verdicts, the board and the pull list. */
  shelfLife: ShelfLifeService;
  /** Label OCR in its own process (restarted when it dies); `vision.readLabel`. */
  ocr: OcrService;
  /** Background sync with head office (`sync.syncNow()`), once enrolled. */
  sync: SyncLoop;
  syncService: SyncService;
  mode: StationMode;
  today(): string;
}

/** The whole station: store, services and the handler registry both transports use. */
export function openStation(options: StationOptions): Station {
  const clock = options.clock ?? Date.now;
  const core = openStationCore(options.dataDir, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.checkpointEvery ? { checkpointEvery: options.checkpointEvery } : {}),
    clock,
  });
  const { db, repos, log, keys, stationId } = core;
  const today = () => localIsoDate(new Date(clock()));
  const bus = new PushBus();
  const settings = new SettingsService(repos.settings, log, bus);
  const sessions = new Sessions(() => settings.get().idleSignOutMinutes * 60_000, clock);
  const registry = new Registry({
    sessions,
    validateOutput: options.validateOutput ?? false,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });
  const intake = new IntakeService(repos, log, today, () => settings.get().supplierQuality.gate);
  const masterData = new MasterDataService(repos, today);
  const supplierQuality = new SupplierQualityService(
    repos,
    log,
    today,
    () => settings.get().supplierQuality,
    masterData,
  );
  const templates = new TemplatesService(repos, log);
  const shelfLife = new ShelfLifeService({
    repos,
    log,
    today,
    rules: () => settings.get().shelfLife,
  });
  const dataSafety = startDataSafety(
    {
      dataDir: options.dataDir,
      db,
      log,
      keys,
      stationId,
      bus,
      clock,
      settings: () => settings.get().backup,
      ...(options.log ? { logLine: options.log } : {}),
    },
    options.dataSafety,
  );
  const scans = new ScanPipeline(log, repos, intake, bus, clock, shelfLife, dataSafety.storage);
  const logService = new LogService(db, repos, publicKeyFromPem(keys.publicKeyPem), stationId);

  if (options.demo) seedDemo(log, repos, today());

  registry.register({
    'system.info': () => ({
      stationId,
      softwareVersion: SOFTWARE_VERSION,
      mode: options.mode,
      demo: options.demo ?? false,
      schemaVersion: latestSchemaVersion(),
      eventCount: repos.events.count(),
      publicKeyFingerprint: fingerprint(keys.publicKey),
      today: today(),
    }),
    'system.ping': (input) => ({ value: input.value }),
    'system.diagnostics': async () => {
      const d = await collectStationDiagnostics(core, options.dataDir, options.mode);
      return {
        fileName: d.fileName,
        bytes: d.zip.length,
        zipBase64: d.zip.toString('base64'),
        entries: d.entries,
      };
    },
  });
  const auth = new AuthService(repos.users, log, sessions, clock);
  registry.register(authHandlers(auth));
  registry.register(userAdminHandlers(new UserAdmin(repos, log, sessions, clock)));
  registry.register(masterDataHandlers(masterData));
  const penalties = new PenaltyService(
    repos,
    log,
    () => settings.get().supplierQuality.penalties,
    supplierQuality,
  );
  registry.register(
    supplierQualityHandlers(
      supplierQuality,
      new MasterDataEditor(repos, log, masterData),
      penalties,
    ),
  );
  registry.register(
    complaintsHandlers(
      new ComplaintService({ repos, log, today, penalties, quality: supplierQuality }),
      new RecallService({
        repos,
        log,
        today,
        clock,
        reviewStanding: (supplierId, actor) => {
          supplierQuality.reviewStanding(supplierId, actor);
        },
      }),
    ),
  );
  registry.register(intakeHandlers(intake, scans, new RefusalSlips(repos, stationId)));
  registry.register(templatesHandlers(templates));
  registry.register(logHandlers(logService));
  registry.register(traceHandlers(new TraceService(db, repos, today)));
  const photos = new PhotoStore(options.dataDir);
  registry.register(photoHandlers(photos));
  // Warmed only when asked (the running station); otherwise the process starts at the first
  // label read, so that the many short-lived stations of tests and CLI commands never fork it.
  const { warmUpAfterMs = null, ...ocrOptions } = options.ocr ?? {};
  const ocr = new OcrService({
    ...ocrOptions,
    bus,
    ...(options.log ? { log: options.log } : {}),
  });
  registry.register(visionHandlers({ ocr, photos, today }));
  const inspection = new InspectionService({
    repos,
    log,
    today,
    templateFor: (sku) =>
      templates.templateFor({
        skuId: sku.sku_id,
        templateId: sku.template_id,
        category: sku.category,
      }),
    templateById: (templateId) => repos.templates.byId(templateId) ?? null,
    gate: (supplierId) => intake.gate(supplierId),
    policy: () => settings.get().inspection,
    photoExists: (sha256) => photos.has(sha256),
  });
  const decisions = new LotDecisions({
    repos,
    log,
    today,
    clock,
    inspections: inspection,
    verifySignOff: (badge, pin) => auth.verifySignOff(badge, pin),
    reviewStanding: (supplierId, actor) => {
      supplierQuality.reviewStanding(supplierId, actor);
    },
  });
  registry.register(
    inspectionHandlers(
      inspection,
      decisions,
      new InspectionViews(repos, inspection),
      async (lotId) => {
        // pdfkit, sharp and the font load only when a pack is printed.
        const { renderEvidencePack } = await import('./reports/evidence-pack');
        const { evidencePackData } = await import('./reports/evidence-pack-data');
        const data = evidencePackData(repos, lotId, { stationId, now: new Date(clock()) });
        return {
          fileName: `evidence-pack-${lotId}.pdf`,
          pdf: await renderEvidencePack(data, photos),
        };
      },
    ),
  );
  const labelChecks = new LabelCheckService({
    repos,
    inspections: inspection,
    today,
    readLabel: (photo, gtin) => readLabel({ ocr, photos, today }, photo, gtin ?? undefined),
  });
  registry.register({ 'inspection.labelCheck': (input) => labelChecks.check(input) });
  registry.register(
    lotPdfHandlers({
      repos,
      photos,
      stationId,
      publicKeyFingerprint: fingerprint(keys.publicKey),
      now: clock,
    }),
  );
  let syncLoop: SyncLoop | null = null;
  const syncService = new SyncService({
    db,
    repos,
    log,
    keys,
    stationId,
    photos,
    clock,
    ...options.sync,
    onSettingsApplied: (keys) => settings.invalidate(keys),
    onProgress: () => syncLoop?.publishProgress(),
  });
  syncLoop = new SyncLoop({
    service: syncService,
    repos,
    bus,
    settings: () => settings.get().sync,
    clock,
    ...(options.log ? { onError: (err) => options.log?.(`sync: ${String(err)}`) } : {}),
  });
  const sync = syncLoop;
  registry.register(syncHandlers(syncService, sync));
  registry.register(
    reviewHandlers(
      new ReviewService({
        db,
        repos,
        today,
        quota: () => inspection.quota(),
        syncStatus: () => sync.status(),
      }),
    ),
  );
  registry.register(shelfLifeHandlers(shelfLife, { stationId, today, now: clock }));
  registry.register(
    exportHandlers({
      repos,
      stationId,
      today,
      now: clock,
      epcis: () => settings.get().epcis,
      pullList: () => shelfLife.pullList(),
    }),
  );
  const devices = new ScannerService({
    bus,
    scans,
    configured: () => settings.get().serialScanners,
    extra: options.extraScanners ?? [],
    actor: () => sessions.currentUser()?.userId ?? 'system',
    ...(options.log ? { log: options.log } : {}),
  });
  bus.subscribe((event, payload) => {
    if (
      event === 'settings.changed' &&
      (payload as { keys: string[] }).keys.includes('serialScanners')
    ) {
      void devices.restart();
    }
  });
  registry.register({
    'devices.status': () => devices.status(),
    'devices.ports': async () => describePorts(await listSerialPorts()),
  });
  registry.register(settingsHandlers(settings));
  registry.register(dataSafety.handlers);
  registry.assertComplete();

  const checkpointer = new Checkpointer(db);
  checkpointer.start();
  log.onAppended((events) => {
    checkpointer.wrote();
    const last = events.at(-1);
    if (last) bus.emit('log.appended', { seq: last.seq, type: last.type });
  });
  sync.start();
  // Models load in the OCR process once the station is up, not while it starts.
  if (warmUpAfterMs !== null) ocr.startAfter(warmUpAfterMs);

  return {
    ...core,
    close: () => {
      ocr.stop();
      sync.stop();
      void devices.stop();
      checkpointer.stop();
      dataSafety.stop();
      core.close();
    },
    bus,
    registry,
    sessions,
    settings,
    scans,
    intake,
    inspection,
    decisions,
    supplierQuality,
    templates,
    devices,
    photos,
    shelfLife,
    ocr,
    sync,
    syncService,
    mode: options.mode,
    today,
  };
}
