import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGtin, unitGtin } from '../src-main/demo/demo-data';
import { demoSscc } from '../src-main/demo/seed';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';
import { enterCode, expectScan } from './support/dock';

const GS = '\x1d';
const UNKNOWN = caseGtin('692099999999');
let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(station.url);
  await signIn(page, 'QCS-INSP-0001', '1234');
});
afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('a whole delivery at the dock, in Chromium', () => {
  it('opens the delivery by its pallet SSCC', async () => {
    await enterCode(page, `]C100${demoSscc(101)}`);
    await expectScan(page, 'opened-delivery', 'Delivery ASN-');
    await expect
      .poll(() => page.locator('[data-testid="delivery-panel"] h2').first().textContent())
      .toMatch(/ASN-\d{8}-01 · Northfield Dairy/);
  });

  it('counts GS1-128 cases and a GS1 DataMatrix unit into lots', async () => {
    const milk = caseGtin('692000100001');
    for (const serial of ['C1', 'C2', 'C3']) {
      await enterCode(page, `]C101${milk}17300517${'10'}L2811A${GS}21${serial}`);
      await expectScan(page, 'counted', '+12 Whole Milk UHT 1 L lot L2811A');
    }
    await enterCode(page, `]d201${unitGtin('692000100003')}17300101${'10'}Y0428${GS}21SN000123`);
    await expectScan(page, 'counted', '+1 Plain Yoghurt 200 g lot Y0428');
    await expect
      .poll(() => page.locator('[data-testid="count-received"]').textContent())
      .toBe('37');
    await expect.poll(() => page.locator('table[aria-label="Lots"] tbody tr').count()).toBe(2);
  });

  it('puts an unknown GTIN in quarantine', async () => {
    await enterCode(page, `]C101${UNKNOWN}10X1`);
    await expectScan(page, 'quarantined', `Unknown GTIN ${UNKNOWN}`);
    await expect
      .poll(() => page.locator('[data-testid="count-quarantine"]').textContent())
      .toBe('1');
    await screenshot(page, 'intake-01-delivery-in-progress');
  });

  it('closes the delivery with the short lines and the unidentified item on record', async () => {
    await page.getByRole('button', { name: 'Close delivery…' }).click();
    const list = page.locator('[data-testid="close-discrepancies"]');
    await expect
      .poll(() => list.textContent())
      .toMatch(/Whole Milk UHT 1 L: 204 short \(36 of 240\)/);
    await expect
      .poll(() => list.textContent())
      .toMatch(/Cheese Slices 200 g: none received \(100 expected\)/);
    await expect
      .poll(() => list.textContent())
      .toContain(`Unknown GTIN ${UNKNOWN}: 1 unit(s) in quarantine`);
    expect(await page.locator('[data-testid="close-expected"]').textContent()).toBe('580');
    expect(await page.locator('[data-testid="close-received"]').textContent()).toBe('37');
    await screenshot(page, 'intake-02-close-summary');
    await page.getByRole('button', { name: 'Confirm and close' }).click();
    await expect
      .poll(() => page.locator('.banner[role="status"]').textContent())
      .toMatch(/closed: 37 of 580 units, 4 discrepancies on record/);
  });

  it("refuses the blacklisted supplier's delivery and hands out a refusal slip", async () => {
    await screenshot(page, 'intake-03-after-close');
    await page.getByRole('row', { name: /Golden Harvest/ }).press('Enter');
    const panel = page.locator('[data-testid="refusal-panel"]');
    await expect.poll(() => panel.textContent()).toMatch(/REFUSED.*blacklisted by head office/);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: /refusal slip/ }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'intake-03-refused');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
