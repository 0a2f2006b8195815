import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../paths';

export const QCS_BIN = join(appRoot(), 'bin', 'qcs.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `qcs` command (the bundled CLI) and waits for it. */
export function runCli(args: readonly string[], input?: string): CliResult {
  const r = spawnSync(process.execPath, [QCS_BIN, ...args], {
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `qcs` without blocking the test's event loop (needed when the test also serves HTTP). */
export function runCliAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [QCS_BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
