import { afterEach, beforeEach } from 'vitest';
import { openStation, type Station } from '../station';
import { tempDir } from './temp-dir';

export interface DemoStationEach {
  /** The test's station: a fresh demo in a fresh folder for every test. */
  readonly station: Station;
  /** The station's clock (ms); a test moves it forward to let time pass. */
  now: number;
}

/**
 * Registers the hooks that give every test of the file its own demo station, opened at 09:00
 * local time on `today`, with output validation on and handler failures printed.
 */
export function demoStationEachTest(today: string): DemoStationEach {
  let dir: ReturnType<typeof tempDir> | null = null;
  let station: Station | null = null;
  const state = {
    now: Date.parse(`${today}T09:00:00`),
    get station(): Station {
      if (!station) throw new Error('the demo station exists only inside a test');
      return station;
    },
  };
  beforeEach(() => {
    dir = tempDir();
    state.now = Date.parse(`${today}T09:00:00`);
    station = openStation({
      dataDir: dir.path,
      mode: 'browser',
      demo: true,
      clock: () => state.now,
      validateOutput: true,
      onInternalError: (name, err) => console.error(name, err),
    });
  });
  afterEach(() => {
    station?.close();
    station = null;
    dir?.cleanup();
    dir = null;
  });
  return state;
}
