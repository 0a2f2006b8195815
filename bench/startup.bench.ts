import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../src-main/paths';
import { BIG_STATION_EVENTS, bigStation } from './big-station';
import { median, result, type Benchmark } from './harness';

const EVENTS = BIG_STATION_EVENTS;
const RUNS = 5;
const QCS = join(appRoot(), 'bin', 'qcs.mjs');

/** ms from spawning the process until it is ready (for serve: /health answers 200). */
function timeProcess(
  args: string[],
  readyWhen: 'exit' | 'health',
  command: string = process.execPath,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    // Its own process group: npx runs the station as a grandchild, and the whole group must go.
    const child = spawn(command, args, { cwd: appRoot(), detached: true });
    const stop = () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    };
    if (readyWhen === 'exit') {
      child.on('exit', () => resolvePromise(performance.now() - started));
      return;
    }
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/\S+)/.exec(out);
      if (!m?.[1]) return;
      const url = `${m[1]}health`;
      const poll = () =>
        void fetch(url)
          .then((r) => (r.ok ? Promise.resolve() : Promise.reject(new Error(String(r.status)))))
          .then(() => {
            resolvePromise(performance.now() - started);
            stop();
          })
          .catch(() => setTimeout(poll, 5));
      poll();
    });
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) reject(new Error(`exited ${code}: ${out}`));
    });
  });
}

export const startup: Benchmark = {
  name: 'startup',
  targets: {
    'startup-demo-npx': {
      maxValue: 1500,
      why: 'issue 2: `npx qcs serve --demo` answers /health within 1.5 s',
    },
  },
  description: `browser mode from process start to /health with a ${EVENTS.toLocaleString('en')}-event log, against plain \`node -e ''\``,
  async run() {
    const { dataDir, fillSeconds } = bigStation();
    const dir = mkdtempSync(join(tmpdir(), 'qcs-bench-startup-'));
    try {
      const node: number[] = [];
      const station: number[] = [];
      const demo: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        node.push(await timeProcess(['-e', ''], 'exit'));
        station.push(
          await timeProcess([QCS, 'serve', '--port', '0', '--data-dir', dataDir], 'health'),
        );
        // What a newcomer types, on a data directory that does not exist yet (demo seeded).
        const fresh = join(dir, `demo-${i}`);
        demo.push(
          await timeProcess(
            ['qcs', 'serve', '--demo', '--port', '0', '--data-dir', fresh],
            'health',
            'npx',
          ),
        );
        rmSync(fresh, { recursive: true, force: true });
      }
      return [
        result({
          name: 'startup',
          value: median(station),
          unit: 'ms',
          baseline: "node -e '' (process start and exit)",
          baselineValue: median(node),
          notes: `median of ${RUNS} runs; log of ${EVENTS} events (filled in ${fillSeconds.toFixed(1)} s); includes PRAGMA quick_check, migrations check, key load; lower ratio is better. Runs: ${station.map((v) => v.toFixed(0)).join(', ')} ms`,
        }),
        result({
          name: 'startup-demo-npx',
          value: median(demo),
          unit: 'ms',
          baseline: "node -e '' (process start and exit)",
          baselineValue: median(node),
          notes: `\`npx qcs serve --demo\` on a fresh data directory (creates the key, migrates, seeds the demo) until /health answers; median of ${RUNS}; target 1500 ms. Runs: ${demo.map((v) => v.toFixed(0)).join(', ')} ms`,
        }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
