import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGtin } from '../src-main/demo/demo-data';
import { demoSscc } from '../src-main/demo/seed';
import { addDays, localIsoDate } from '../src-shared/util/dates';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';
import { enterCode, expectScan, recordFailedSeal } from './support/dock';

const GS = '\x1d';
let station: StationProcess;
let browser: Browser;
let page: Page;
let photoFile: string;
const pageErrors: string[] = [];
/** An expiry well inside every demo snack's shelf life, as YYMMDD for AI 17. */
const expiry = addDays(localIsoDate(), 250).slice(2).replaceAll('-', '');

/** "12 of 13 lots accepted" in the 90-day column of the supplier's scorecard → [12, 13]. */
async function crunchFoxLots(): Promise<[number, number]> {
  await page.locator('[data-screen="suppliers"]').click();
  await page.getByRole('row', { name: /Crunch Fox/ }).click();
  await page.locator('#supplier-title').waitFor();
  const row = page.getByRole('row', { name: /^Lot acceptance/ });
  await row.waitFor();
  const text = (await row.locator('td').last().textContent()) ?? '';
  const m = /(\d+)\D+(\d+)/.exec(text.replace(/^[\d.,]+\s*%/, ''));
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Opens the inspection queue with Alt+2 and the lot whose row matches `name`. */
async function openLot(name: RegExp): Promise<void> {
  await page.keyboard.press('Alt+2');
  await page.locator('#inspection-title-h').waitFor();
  await page
    .getByRole('table', { name: /waiting/ })
    .getByRole('row', { name })
    .click();
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'qcs-e2e-photo-'));
  photoFile = join(dir, 'torn-seal.jpg');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b04020' } })
    .jpeg()
    .toFile(photoFile);
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

describe('inspection at the dock, in Chromium', () => {
  let before: [number, number];

  it('receives two lots from the supplier on probation', async () => {
    before = await crunchFoxLots();
    await page.keyboard.press('Alt+1');
    await enterCode(page, `]C100${demoSscc(102)}`);
    await expectScan(page, 'opened-delivery', 'Delivery ASN-');
    for (const serial of ['K1', 'K2', 'K3'])
      await enterCode(page, `]C101${caseGtin('692000300001')}17${expiry}10CF1${GS}21${serial}`);
    await expectScan(page, 'counted', '+20 Salted Cashews 180 g lot CF1');
    for (const serial of ['P1', 'P2'])
      await enterCode(page, `]C101${caseGtin('692000300003')}17${expiry}10CF2${GS}21${serial}`);
    await expectScan(page, 'counted', '+24 Potato Crisps Original 70 g lot CF2');
  });

  it('proposes tightened inspection because the supplier is on probation', async () => {
    await openLot(/Salted Cashews/);
    const proposal = page.locator('[data-testid="proposal"]');
    await expect
      .poll(() => proposal.locator('[data-testid="severity"]').textContent())
      .toContain('Inspection: tightened');
    await expect.poll(() => proposal.textContent()).toContain('supplier on probation');
    await expect
      .poll(() => proposal.textContent())
      .toMatch(/level II, code letter [A-R], sample \d+ units/);
    await screenshot(page, 'inspection-01-proposal');
    await proposal.getByRole('button', { name: 'Start inspection' }).click();
    await expect
      .poll(() => page.locator('[data-testid="cartons"]').textContent())
      .toMatch(/Cartons to open: /);
  });

  it('rejects the lot on a critical defect with photo evidence and hands out the evidence pack', async () => {
    await recordFailedSeal(page, photoFile);
    await screenshot(page, 'inspection-02-proposes-reject');
    await page.locator('[data-testid="decide"] [data-decision="reject"]').click();
    const done = page.locator('[data-testid="decision"]');
    await expect.poll(() => done.locator('h3').textContent()).toBe('Decided: Reject');
    expect(await done.locator('[data-testid="signoff-line"]').count()).toBe(0);
    const download = page.waitForEvent('download');
    await done.getByRole('button', { name: /Download the evidence pack/ }).click();
    const file = await (await download).path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'inspection-03-rejected');
  });

  it('counts the rejected lot on the supplier scorecard', async () => {
    const [accepted, decided] = await crunchFoxLots();
    expect([accepted, decided]).toEqual([before[0], before[1] + 1]);
  });

  it("accepts a failed lot only with a QC manager's sign-off and a reason", async () => {
    await openLot(/Potato Crisps/);
    await page.getByRole('button', { name: 'Start inspection' }).click();
    await recordFailedSeal(page, photoFile);
    await page.locator('[data-testid="decide"] [data-decision="accept"]').click();
    const dialog = page.locator('[data-testid="signoff"]');
    await dialog.waitFor();
    // A wrong PIN is refused and nothing is decided.
    await page.locator('#signoff-badge').fill('QCS-MGR-0001');
    await page.locator('#signoff-pin').fill('0000');
    await page.locator('#signoff-reason').fill('Seal re-checked on 20 more bags: all intact');
    await dialog.getByRole('button', { name: /sign/i }).click();
    await expect.poll(() => page.locator('[data-testid="decide"] [role="alert"]').count()).toBe(1);
    expect(await page.locator('[data-testid="decision"]').count()).toBe(0);
    await page.locator('#signoff-pin').fill('5678');
    await dialog.getByRole('button', { name: /sign/i }).click();
    const done = page.locator('[data-testid="decision"]');
    await expect.poll(() => done.locator('h3').textContent()).toMatch(/^Decided: Accept.*override/);
    await expect
      .poll(() => done.locator('[data-testid="signoff-line"]').textContent())
      .toMatch(/^Signed off by .+ at .+: /);
    await screenshot(page, 'inspection-04-override-signed');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
