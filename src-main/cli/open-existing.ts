import { existsSync } from 'node:fs';
import { databaseFile, resolveDataDir } from '../paths';
import { openStationCore, type StationCore } from '../station';
import { UsageError } from './errors';

/** Opens the station in a data directory that must already hold one. */
export function openExistingStation(
  dataDirOption: string | undefined,
): StationCore & { dataDir: string } {
  const dataDir = resolveDataDir(dataDirOption);
  if (!existsSync(databaseFile(dataDir))) {
    throw new UsageError(
      `no station data in ${dataDir} (start one with "qcs serve --data-dir ${dataDir}")`,
    );
  }
  return { ...openStationCore(dataDir), dataDir };
}
