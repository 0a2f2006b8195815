import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium';
import { signIn } from './screens';
import { startStation, type StationProcess } from './station-process';

export interface DemoScreen {
  /** Set once the suite's beforeAll has run. */
  readonly page: Page;
  readonly station: StationProcess;
  /** Uncaught errors of the page: every test expects none. */
  readonly pageErrors: string[];
}

/**
 * The usual e2e set-up, registered as the suite's hooks: a demo station (`qcs serve --demo`),
 * Chromium, one page on the station, signed in with the badge and PIN when given.
 */
export function useDemoScreen(
  options: {
    signIn?: readonly [badge: string, pin: string];
    viewport?: { width: number; height: number };
  } = {},
): DemoScreen {
  let station: StationProcess | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    station = await startStation(['--demo']);
    browser = await launchChromium();
    page = await browser.newPage({
      viewport: options.viewport ?? { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(station.url);
    if (options.signIn) await signIn(page, ...options.signIn);
  });
  afterAll(async () => {
    await browser?.close();
    await station?.stop();
  });
  const ready = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not ready: use it inside a test`);
    return value;
  };
  return {
    get page() {
      return ready(page, 'the page');
    },
    get station() {
      return ready(station, 'the station');
    },
    pageErrors,
  };
}
