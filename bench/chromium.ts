import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserType } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH), as the e2e tests use it. */
export async function launchChromium(): Promise<Browser> {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const executablePath = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (!executablePath)
    throw new Error('Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH)');
  // Loaded at run time: playwright-core reads files next to itself and cannot be bundled.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as {
    chromium: BrowserType;
  };
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-dev-shm-usage',
    ],
  });
}
