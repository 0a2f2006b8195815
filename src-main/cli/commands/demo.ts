import type { Command } from 'commander';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('Demo data');
  demo
    .command('seed')
    .description('Load the demo data into a station (idempotent: a second run changes nothing)')
    .option('--data-dir <dir>', 'station data directory')
    .action(async (opts: { dataDir?: string }) => {
      const { seedDemo } = await import('../../demo/seed');
      const { localIsoDate } = await import('../../../src-shared/util/dates');
      const { openExistingOrNewStation } = await import('../open-station');
      const station = openExistingOrNewStation(opts.dataDir);
      try {
        const result = seedDemo(station.log, station.repos, localIsoDate());
        console.log(
          result.seeded
            ? `Demo data loaded: ${result.events} events.`
            : 'Demo data already loaded: nothing to do.',
        );
      } finally {
        station.close();
      }
    });
}
