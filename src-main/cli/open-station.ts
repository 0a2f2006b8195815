import { resolveDataDir } from '../paths';
import { openStationCore, type StationCore } from '../station';

/** Opens (creating on first use) the station in a data directory. */
export function openExistingOrNewStation(
  dataDirOption: string | undefined,
): StationCore & { dataDir: string } {
  const dataDir = resolveDataDir(dataDirOption);
  return { ...openStationCore(dataDir), dataDir };
}
