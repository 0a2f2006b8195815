import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSuppliers } from '../src-main/demo/demo-data';
import { addDays, localIsoDate } from '../src-shared/util/dates';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';

let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const today = localIsoDate();

async function openSuppliers(): Promise<void> {
  await page.locator('[data-screen="suppliers"]').click();
  await page.locator('#suppliers-title').waitFor();
}

async function openSupplier(name: RegExp): Promise<void> {
  await page.getByRole('row', { name }).click();
  await page.locator('#supplier-title').waitFor();
}

beforeAll(async () => {
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(station.url);
  await signIn(page, 'QCS-MGR-0001', '5678');
});
afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('supplier quality, in Chromium', () => {
  it('lists every supplier with its standing and a score', async () => {
    await openSuppliers();
    await expect.poll(() => page.locator('table[aria-label="Suppliers"] tbody tr').count()).toBe(9);
    await expect
      .poll(() => page.locator('[data-testid="score-sup-littlepanda"]').textContent())
      .toMatch(/^\d+/);
    await screenshot(page, 'suppliers-01-board');
  });

  it('lets a manager change a document expiry and shows it in the list', async () => {
    const newExpiry = addDays(today, 30);
    await openSupplier(/Jade Lotus/);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const row = page
      .locator('[data-testid="document-row"]')
      .filter({ has: page.locator('option:checked', { hasText: 'Business licence' }) });
    await row.getByLabel('Valid until').fill(newExpiry);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-testid="doc-business-licence"]').textContent())
      .toBe(newExpiry);
    await page.getByRole('button', { name: '← All suppliers' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /Jade Lotus/ }).textContent())
      .toContain(`Business licence ${newExpiry}`);
  });

  it('shows the scorecard with a score and the weekly trend charts', async () => {
    await openSupplier(/Little Panda/);
    await expect
      .poll(() => page.locator('[data-testid="score-90"] b').textContent())
      .toMatch(/^\d+/);
    await page.locator('[data-testid="trend-charts"] svg').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid="trend-charts"] svg').count())
      .toBeGreaterThan(1);
    await screenshot(page, 'suppliers-02-scorecard');
    await page.getByRole('button', { name: '← All suppliers' }).click();
  });

  it('confirms a counterfeit on a rejected lot: penalty proposed, supplier suspended', async () => {
    const crunchFox = demoSuppliers.find((s) => s.id === 'sup-crunchfox');
    const amount = Math.max(1_000_000, 10 * (crunchFox?.cumulativeSalesCny ?? 0));
    const cny = `¥${amount.toLocaleString('en-US')}`;
    await openSupplier(/Crunch Fox/);
    await page.getByRole('button', { name: 'Confirm counterfeit…' }).first().click();
    await page
      .getByLabel('Evidence (what confirms it)')
      .fill('Brand owner: the seal is not theirs');
    await page.getByRole('button', { name: 'Confirm counterfeit and propose penalty' }).click();
    await expect
      .poll(() => page.locator('[data-testid="penalty-proposed"]').textContent())
      .toContain(`Penalty proposed: ${cny}.`);
    await expect
      .poll(() => page.locator('[data-testid="penalty-amount"]').first().textContent())
      .toBe(cny);
    await expect
      .poll(() => page.locator('[data-testid="supplier-standing"]').textContent())
      .toBe('suspended');
    await screenshot(page, 'suppliers-03-counterfeit');
  });

  it('shows an inspector everything read-only', async () => {
    await page.locator('.nav-item.sign-out').click();
    await signIn(page, 'QCS-INSP-0001', '1234');
    await openSuppliers();
    await expect.poll(() => page.getByRole('button', { name: 'New supplier' }).count()).toBe(0);
    await openSupplier(/Crunch Fox/);
    await page.locator('[data-testid="penalty-amount"]').first().waitFor();
    await expect.poll(() => page.locator('[data-testid="score-90"]').count()).toBe(1);
    for (const name of ['Edit', 'Review standing now', 'Change standing…', 'Confirm', 'Waive']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Confirm counterfeit…' }).count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
