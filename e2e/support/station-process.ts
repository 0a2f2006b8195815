import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface StationProcess {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs the real station (`qcs serve`) on a free port with a temporary data directory. */
export async function startStation(args: readonly string[] = ['--demo']): Promise<StationProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qcs-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'qcs.mjs'), 'serve', '--port', '0', '--data-dir', dataDir, ...args],
    { env: { ...process.env, QCS_VALIDATE_OUTPUT: '1' } },
  );
  let log = '';
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /at (http:\/\/\S+)/.exec(log);
      if (m?.[1]) resolvePromise(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`qcs serve exited with ${code}: ${log}`)));
  });
  for (;;) {
    const ok = await fetch(`${url}health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    dataDir,
    output: () => log,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
