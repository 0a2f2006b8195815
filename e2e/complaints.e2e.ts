import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGtin } from '../src-main/demo/demo-data';
import { demoSscc } from '../src-main/demo/seed';
import { addDays, localIsoDate } from '../src-shared/util/dates';
import { launchChromium } from './support/chromium';
import { screenshot, signIn, wedgeType } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';
import { enterCode, recordFailedSeal } from './support/dock';

const GS = '\x1d';
const CASHEWS = caseGtin('692000300001');
const PHOTO_RGB = [176, 64, 32] as const;
const RETURNED_ITEM = `]C101${CASHEWS}10CX9`;
let station: StationProcess;
let browser: Browser;
let page: Page;
let work: string;
let photoFile: string;
let packFile = '';
const pageErrors: string[] = [];
const expiry = addDays(localIsoDate(), 250).slice(2).replaceAll('-', '');

/** The Crunch Fox 90-day score on its supplier page. */
async function crunchFoxScore(): Promise<number> {
  await page.locator('[data-screen="suppliers"]').click();
  await page.getByRole('row', { name: /Crunch Fox/ }).click();
  const tile = page.locator('[data-testid="score-90"] b');
  await expect.poll(() => tile.textContent()).toMatch(/^\d/);
  return Number((await tile.textContent())?.replace(/[^\d.]/g, ''));
}

/** Reddish pixels of the test photo in a rendered PNG (JPEG and PDF rendering blur the colour). */
async function photoPixels(png: string): Promise<number> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const near = PHOTO_RGB.every((c, k) => Math.abs((data[i + k] ?? 0) - c) < 30);
    if (near) n++;
  }
  return n;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'qcs-e2e-complaints-'));
  photoFile = join(work, 'seal.jpg');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b04020' } })
    .jpeg()
    .toFile(photoFile);
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

describe('from a customer complaint to a recall, in Chromium', () => {
  let before = 0;

  it('accepts a lot on a manager override, with a photo on record', async () => {
    await enterCode(page, `]C100${demoSscc(102)}`);
    for (const serial of ['X1', 'X2'])
      await enterCode(page, `]C101${CASHEWS}17${expiry}10CX9${GS}21${serial}`);
    await page.keyboard.press('Alt+2');
    await page
      .getByRole('table', { name: /waiting/ })
      .getByRole('row', { name: /CX9/ })
      .click();
    await page.getByRole('button', { name: 'Start inspection' }).click();
    await recordFailedSeal(page, photoFile);
    await page.locator('[data-testid="decide"] [data-decision="accept"]').click();
    await page.locator('#signoff-badge').fill('QCS-MGR-0001');
    await page.locator('#signoff-pin').fill('5678');
    await page.locator('#signoff-reason').fill('Seal re-checked on 20 more bags: all intact');
    await page.locator('[data-testid="signoff"]').getByRole('button', { name: /sign/i }).click();
    const done = page.locator('[data-testid="decision"]');
    await expect.poll(() => done.locator('h3').textContent()).toMatch(/^Decided: Accept/);
    const download = page.waitForEvent('download');
    await done.getByRole('button', { name: /Download the evidence pack/ }).click();
    packFile = join(work, 'pack.pdf');
    await (await download).saveAs(packFile);
  });

  it('shows the photos in the evidence pack PDF, rendered to PNG', async () => {
    execFileSync('pdftoppm', ['-png', '-r', '40', packFile, join(work, 'page')]);
    const pages = readdirSync(work).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThan(0);
    const counts = await Promise.all(pages.map((p) => photoPixels(join(work, p))));
    expect(Math.max(...counts)).toBeGreaterThan(500);
  });

  it('records a complaint by scanning the returned item and confirms it', async () => {
    before = await crunchFoxScore();
    await page.keyboard.press('Alt+5');
    const form = page.locator('[data-testid="complaint-form"]');
    await form.waitFor();
    await page.locator('#complaint-source').selectOption('customer-service');
    await page.locator('#complaint-description').fill('Bag split open, nuts smell rancid');
    await page.locator('#complaint-description').blur();
    await wedgeType(page, RETURNED_ITEM, 5);
    await expect
      .poll(() => page.locator('[data-testid="complaint-scan"]').textContent())
      .toContain('Scanned');
    await form.getByRole('button', { name: 'Record the complaint' }).click();
    const row = page.locator('table[aria-label="Complaints"] tr[data-complaint]').first();
    await expect.poll(() => row.textContent()).toContain('CX9');
    await row.getByLabel('Reason').fill('Confirmed on the returned bag');
    await row.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('confirmed');
    await screenshot(page, 'complaints-01-confirmed');
  });

  it('opens the lot page with the inspection photos when the item is scanned on Trace', async () => {
    await page.keyboard.press('Alt+4');
    await page.locator('[data-testid="trace-tab-search"]').click();
    await wedgeType(page, RETURNED_ITEM, 5);
    const lotPage = page.locator('[data-testid="lot-page"]');
    await lotPage.waitFor();
    await expect
      .poll(() => lotPage.locator('[data-testid="photo-thumb"]').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => lotPage.locator('[data-testid="timeline-signoff"]').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'complaints-02-lot-page');
  });

  it('opens a corrective action with the supplier', async () => {
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: 'Corrective actions' }).click();
    await page.locator('#capa-supplier').selectOption('sup-crunchfox');
    await page.locator('#capa-root-cause').fill('Sealing jaw worn on line 3');
    await page.locator('#capa-actions').fill('Replace the jaw\nSeal-strength test every hour');
    await page.locator('#capa-due').fill(addDays(localIsoDate(), 14));
    await page
      .locator('[data-testid="capa-panel"]')
      .getByRole('button', { name: 'Open', exact: true })
      .click();
    await expect.poll(() => page.locator('li[data-capa]').count()).toBe(1);
  });

  it("recalls the supplier's lots and puts them on hold", async () => {
    await page.getByRole('tab', { name: 'Recalls' }).click();
    await page.locator('#recall-supplier').selectOption('sup-crunchfox');
    await page.getByRole('button', { name: 'Show matching lots' }).click();
    await expect
      .poll(() => page.locator('[data-testid="recall-preview-summary"]').textContent())
      .toMatch(/\d+ lot\(s\)/);
    await page.locator('#recall-reason').fill('Seal failures on Crunch Fox bags');
    await page.getByRole('button', { name: 'Open the recall and hold these lots' }).click();
    await expect.poll(() => page.locator('li[data-recall]').count()).toBe(1);
    await page.keyboard.press('Alt+4');
    await page.locator('[data-testid="trace-tab-search"]').click();
    await wedgeType(page, RETURNED_ITEM, 5);
    await expect
      .poll(() => page.locator('[data-testid="lot-page"]').textContent())
      .toMatch(/Lot CX9\s*on hold/);
    await screenshot(page, 'complaints-03-recall');
  });

  it("lowers the supplier's score", async () => {
    expect(await crunchFoxScore()).toBeLessThan(before);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
