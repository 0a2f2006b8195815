import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';

let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // API refusals (a wrong PIN is a 401) are answers the UI handles, not page errors.
    if (m.type() === 'error' && !m.location().url.includes('/api/call/')) pageErrors.push(m.text());
  });
  await page.goto(station.url);
});
afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

const SCREENS = [
  ['intake', 'Intake'],
  ['inspection', 'Inspection'],
  ['shelfLife', 'Shelf life'],
  ['trace', 'Trace'],
  ['complaints', 'Complaints and recalls'],
  ['suppliers', 'Suppliers'],
  ['sync', 'Sync with head office'],
  ['settings', 'Settings'],
] as const;

describe('the station in Chromium (browser mode)', () => {
  it('refuses a wrong PIN with a clear message', async () => {
    await page.locator('#badge').fill('QCS-INSP-0001');
    await page.keyboard.press('Enter');
    await page.locator('#pin').fill('0000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toMatch(/Wrong PIN/);
    await screenshot(page, 'foundation-00-sign-in-refused');
    await page.getByRole('button', { name: 'Other badge' }).click();
    await page.locator('#badge').fill('');
  });

  it('signs in with a badge and a PIN', async () => {
    await signIn(page, 'QCS-MGR-0001', '5678');
    await expect
      .poll(() => page.locator('[data-status="user"]').textContent())
      .toMatch(/Zhang Min/);
  });

  it('visits every screen from the keyboard (Alt+1…8) and takes a screenshot of each', async () => {
    for (const [index, [screen, heading]] of SCREENS.entries()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      await expect.poll(() => page.locator('main h1').first().textContent()).toBe(heading);
      await expect.poll(() => new URL(page.url()).hash).toBe(`#/${screen}`);
      await screenshot(page, `foundation-${String(index + 1).padStart(2, '0')}-${screen}`);
    }
  });

  it("shows today's deliveries and the demo data", async () => {
    await page.keyboard.press('Alt+1');
    await expect
      .poll(() => page.locator('table[aria-label="Today\'s deliveries"] tbody tr').count())
      .toBe(3);
    await page.keyboard.press('Alt+6');
    await expect
      .poll(() => page.locator('table[aria-label="Suppliers"] tbody tr').count())
      .toBeGreaterThanOrEqual(8);
  });

  it('scans through the simulator and shows the parsed result', async () => {
    await page.keyboard.press('Alt+1');
    await page.getByRole('button', { name: /EAN-13 unit: whole milk/ }).click();
    await expect
      .poll(() => page.locator('[data-testid="last-scan"]').textContent())
      .toMatch(/GTIN 06920001000011/);
    await screenshot(page, 'foundation-08-scan');
  });

  it('verifies the log from the Trace screen', async () => {
    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: 'Verify the log' }).click();
    await expect
      .poll(() => page.locator('.banner[role="status"]').textContent())
      .toMatch(/Log verified: \d+ events/);
  });

  it('switches the whole UI to Simplified Chinese', async () => {
    await page.keyboard.press('Alt+8');
    await page.locator('#set-language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('设置');
    await screenshot(page, 'foundation-09-settings-zh');
    await page.locator('#set-language').selectOption('en');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Settings');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#badge').waitFor();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
