import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';

let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** The demo history holds one Clear Spring lot for a QC manager's review. */
const queueTable = () => page.getByRole('table', { name: 'Review queue' });
const demoHold = () =>
  queueTable()
    .locator('tr', { has: page.locator('[data-kind="hold"]') })
    .filter({ hasText: 'Clear Spring' });
const chartMarks = (testId: string, mark: string) =>
  page.locator(`[data-testid="${testId}"] svg ${mark}`).count();

beforeAll(async () => {
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(station.url);
  await signIn(page, 'QCS-MGR-0001', '5678');
});
afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('the QC manager’s review console, in Chromium', () => {
  it('opens with Alt+9 and lists the held lot', async () => {
    await page.keyboard.press('Alt+9');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Review');
    await expect.poll(() => demoHold().count()).toBe(1);
    expect(await demoHold().textContent()).toContain('held for QC manager review');
  });

  it('filters the queue by kind and supplier', async () => {
    await page.locator('#review-kind').selectOption('complaint');
    await expect
      .poll(() => page.locator('[data-testid="review-queue"] .empty').textContent())
      .toBe('Nothing waits for a decision.');
    await page.locator('#review-kind').selectOption('hold');
    await page.locator('#review-supplier').selectOption('sup-clearspring');
    await expect.poll(() => demoHold().count()).toBe(1);
    await page.locator('#review-supplier').selectOption('sup-homebright');
    await expect.poll(() => queueTable().count()).toBe(0);
    await page.locator('[data-testid="review-filters-clear"]').click();
    await expect.poll(() => demoHold().count()).toBe(1);
  });

  it('draws the dashboards from the demo history', async () => {
    await expect
      .poll(() => chartMarks('review-chart-acceptance', 'path.recharts-line-curve'))
      .toBeGreaterThan(0);
    await expect
      .poll(() => chartMarks('review-chart-pareto-category', '.recharts-bar-rectangle'))
      .toBeGreaterThan(0);
    await expect
      .poll(() => chartMarks('review-chart-forecast', '.recharts-bar-rectangle'))
      .toBeGreaterThan(0);
    await expect
      .poll(() => chartMarks('review-chart-quota', '.recharts-bar-rectangle'))
      .toBeGreaterThan(0);
    expect(await page.locator('[data-testid="review-sync-pending"]').textContent()).toMatch(
      /^\d+$/,
    );
    await screenshot(page, 'review-01-console');
  });

  it('exports the queue as CSV with a BOM', async () => {
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="review-queue-csv"]').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFKind,')).toBe(true);
    expect(text).toContain('Clear Spring');
  });

  it('opens the lot page from the queue, and Enter opens it again from the keyboard', async () => {
    await demoHold().click();
    const lotPage = page.locator('[data-testid="lot-page"]');
    await expect.poll(() => lotPage.locator('#lot-page-title').textContent()).toMatch(/on hold/);
    await screenshot(page, 'review-02-lot-page');
    await page.locator('[data-testid="lot-page-back"]').click();
    // Back on the queue, the focus is on the row that was opened.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Clear Spring');
    await page.keyboard.press('Enter');
    await lotPage.waitFor();
  });

  it('tells an inspector the console is for QC managers', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'QCS-INSP-0001', '1234');
    await page.keyboard.press('Alt+9');
    await expect
      .poll(() => page.locator('[data-testid="review-managers-only"]').textContent())
      .toContain('QC managers only');
    expect(await page.locator('[data-testid="review-queue"]').count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
