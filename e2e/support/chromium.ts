import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Debian's Chromium (or CHROMIUM_PATH). Playwright's own browser download is never used. */
export function chromiumPath(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

export function chromiumArgs(extra: readonly string[] = []): string[] {
  return [
    // Root cannot use Chromium's sandbox (CI runs as root); a normal user keeps it.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    ...extra,
  ];
}

/**
 * Chromium's fake camera playing a y4m file in a loop (`bench/y4m.ts` writes one), with the
 * permission prompt answered "allow": pass to `launchChromium` as extra arguments.
 */
export function fakeCameraArgs(y4mFile: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4mFile}`,
    '--use-fake-ui-for-media-stream',
  ];
}

export async function launchChromium(
  extraArgs: readonly string[] = [],
  options: LaunchOptions = {},
): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs(extraArgs),
    ...options,
  });
}
