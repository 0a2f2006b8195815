/**
 * Test support: a socat pty pair standing in for a scanner's cable. `DIR/scanner` is the end the
 * station opens, `DIR/host` the end the emulator writes to. Killing socat destroys both ptys
 * (like an unplug); starting it again re-creates them under the same link names.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function findSocat(): string | null {
  const r = spawnSync('socat', ['-V'], { encoding: 'utf8' });
  return r.status === 0 ? 'socat' : null;
}

export const SOCAT_MISSING =
  'socat is not installed, so the serial scanner tests over a pty pair cannot run ' +
  '(apt-get install socat).';

/** CI fails without socat (a broken machine, not a pass); elsewhere the skip is loud. */
export function reportMissingSocat(): void {
  if (process.env.CI) return;
  console.warn(
    [
      '',
      '#################################################################',
      '#  SERIAL SCANNER TESTS SKIPPED: socat is not installed.        #',
      '#  Install it (apt-get install socat) to test real serial I/O.  #',
      '#################################################################',
      '',
    ].join('\n'),
  );
}

export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 10_000,
  intervalMs = 10,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export class PtyPair {
  readonly scannerPath: string;
  readonly hostPath: string;
  private child: ChildProcess | null = null;
  private log = '';

  constructor(dir: string) {
    this.scannerPath = join(dir, 'scanner');
    this.hostPath = join(dir, 'host');
  }

  /** Starts socat and resolves, with the time, once both links point at live ptys. */
  async start(): Promise<number> {
    if (this.child) throw new Error('socat is already running');
    const child = spawn(
      'socat',
      [
        '-d',
        '-d',
        `pty,raw,echo=0,link=${this.scannerPath}`,
        `pty,raw,echo=0,link=${this.hostPath}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    let exited: string | null = null;
    child.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    child.on('exit', (code, signal) => (exited = `code ${code} signal ${signal}`));
    // socat (re)writes the links; after a SIGKILL the old ones dangle until it does, and
    // existsSync follows links, so a dangling one does not count.
    await waitFor(`socat's pty links (socat log: ${this.log})`, () => {
      if (exited) throw new Error(`socat exited (${exited}): ${this.log}`);
      return existsSync(this.scannerPath) && existsSync(this.hostPath);
    });
    return Date.now();
  }

  /** Kills socat, destroying both ptys; resolves once it has exited. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  get socatLog(): string {
    return this.log;
  }
}
