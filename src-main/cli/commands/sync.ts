import type { Command } from 'commander';
import type { StationCore } from '../../station';
import { CommandFailed, UsageError } from '../errors';

/** A sync service over the station's store, for commands (the running station has its own). */
async function syncServiceFor(station: StationCore & { dataDir: string }) {
  const { SyncService } = await import('../../sync/sync-service');
  const { PhotoStore } = await import('../../vision/photo-store');
  return new SyncService({
    db: station.db,
    repos: station.repos,
    log: station.log,
    keys: station.keys,
    stationId: station.stationId,
    photos: new PhotoStore(station.dataDir),
  });
}

export function registerSync(program: Command): void {
  const station = program.command('station').description("This station's link to head office");
  station
    .command('enroll')
    .description(
      "Enrolls this station with head office, using a one-time code from head office's admin",
    )
    .requiredOption('--central <url>', 'head office address, e.g. http://10.0.0.5:4790')
    .requiredOption('--code <code>', 'one-time enrollment code (qcs central enroll-code)')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (opts: { central: string; code: string; dataDir?: string }) => {
      if (!/^https?:\/\/[^\s]+$/.test(opts.central)) {
        throw new UsageError(
          `--central takes an http:// or https:// address (got "${opts.central}")`,
        );
      }
      const { openExistingOrNewStation } = await import('../open-station');
      const core = openExistingOrNewStation(opts.dataDir);
      try {
        const service = await syncServiceFor(core);
        const { ackedSeq } = await service.enroll(opts.central, opts.code.trim(), 'system');
        console.log(
          `Station ${core.stationId} enrolled with ${opts.central}; head office holds ${ackedSeq} of its ${core.repos.events.count()} events.`,
        );
      } catch (err) {
        throw new CommandFailed(err instanceof Error ? err.message : String(err));
      } finally {
        core.close();
      }
    });

  const sync = program.command('sync').description('Sync with head office');
  sync
    .command('once')
    .description(
      'One full sync round: master data pulled, events, checkpoints and photos uploaded; exit 1 when a step failed',
    )
    .option('--data-dir <dir>', 'station data directory')
    .option('--json', 'print {uploadedEvents, uploadedPhotos, pulledChanges, ackedSeq, errors}')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      const { openExistingStation } = await import('../open-existing');
      const core = openExistingStation(opts.dataDir);
      try {
        const service = await syncServiceFor(core);
        const result = await service.runRound();
        if (opts.json) console.log(JSON.stringify(result));
        else {
          console.log(
            `Uploaded ${result.uploadedEvents} events and ${result.uploadedPhotos} photos, pulled ${result.pulledChanges} master-data changes; head office holds up to event ${result.ackedSeq}.`,
          );
          for (const e of result.errors) console.error(`error: ${e}`);
        }
        if (result.errors.length > 0) process.exitCode = 1;
      } catch (err) {
        throw new CommandFailed(err instanceof Error ? err.message : String(err));
      } finally {
        core.close();
      }
    });
}
