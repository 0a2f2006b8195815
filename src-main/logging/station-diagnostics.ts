import { PushBus } from '../api/push-bus';
import { SettingsService } from '../settings/settings-service';
import { verifyLog } from '../store/log-verify';
import { latestSchemaVersion } from '../store/migrate';
import { publicKeyFromPem } from '../store/station-identity';
import type { StationCore } from '../station';
import { buildDiagnostics, type Diagnostics, type DiagnosticsInput } from './diagnostics';

/**
 * Gathers a station's diagnostics from its store: settings (stored over defaults), the
 * log-verify summary, counts and versions. Works on a running station and on a closed data
 * directory (`qcs diagnostics`) alike. Verifying walks the whole log: seconds on a big one,
 * which is fine for an action someone asks for once.
 */
export async function collectStationDiagnostics(
  core: Pick<StationCore, 'db' | 'repos' | 'log' | 'keys' | 'stationId'>,
  dataDir: string,
  mode: DiagnosticsInput['mode'],
  now = new Date(),
): Promise<Diagnostics> {
  // Read-only use of the service: its bus is never listened to here.
  const settings = new SettingsService(core.repos.settings, core.log, new PushBus()).get();
  const row: unknown = core.db.prepare('SELECT sqlite_version() AS v').get();
  const sqliteVersion =
    typeof row === 'object' && row !== null && 'v' in row ? String(row.v) : 'unknown';
  return buildDiagnostics({
    dataDir,
    stationId: core.stationId,
    mode,
    schemaVersion: latestSchemaVersion(),
    eventCount: core.repos.events.count(),
    sqliteVersion,
    settings,
    logVerify: verifyLog(core.db, publicKeyFromPem(core.keys.publicKeyPem), core.stationId),
    now,
  });
}
