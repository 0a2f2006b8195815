import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseGtin, unitGtin } from '../src-main/demo/demo-data';
import { demoSscc } from '../src-main/demo/seed';
import { addDays, localIsoDate } from '../src-shared/util/dates';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';
import { enterCode, lastScanText } from './support/dock';

let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const today = localIsoDate();
const yymmdd = (iso: string) => iso.slice(2).replaceAll('-', '');
/** Plain Yoghurt 200 g: 21 days of shelf life → 5-day removal window, 3-day alert lead. */
const YOGHURT = unitGtin('692000100003');
/** Whole Milk UHT 1 L (180 days), by the case. */
const MILK = caseGtin('692000100001');

const lotRow = (lot: string) =>
  page.getByRole('table', { name: 'Lots' }).getByRole('row', { name: new RegExp(lot) });

beforeAll(async () => {
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(station.url);
  await signIn(page, 'QCS-INSP-0001', '1234');
});
afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('shelf life at the dock and on the board, in Chromium', () => {
  it('proposes a lot with too little shelf life left for rejection, with the reason', async () => {
    await enterCode(page, `]C100${demoSscc(101)}`);
    await enterCode(page, `]d201${YOGHURT}17${yymmdd(addDays(today, 10))}10YSHORT`);
    await expect
      .poll(() => lastScanText(page))
      .toContain(
        'Shelf life too short: 10 days left, 14 required (2/3 of 21). Proposed for rejection.',
      );
    await expect
      .poll(() => lotRow('YSHORT').locator('[data-shelf]').textContent())
      .toBe('Too short: 10 days left, 14 required (2/3 of 21)');
  });

  it('computes the expiry of a lot that carries only its production date', async () => {
    await enterCode(page, `]d201${YOGHURT}11${yymmdd(addDays(today, -2))}10YPROD`);
    await expect
      .poll(() => lastScanText(page))
      .toMatch(/^counted: \+1 Plain Yoghurt 200 g lot YPROD\./);
    await expect
      .poll(() => lotRow('YPROD').locator('[data-shelf]').textContent())
      .toBe(`OK · off sale ${addDays(today, 14)}`);
    await expect.poll(() => lotRow('YPROD').textContent()).toContain(addDays(today, 19));
  });

  it('asks for the date a barcode lacks and takes a month from the label', async () => {
    await enterCode(page, `]C101${MILK}10MNODATE`);
    const form = page.locator('[data-testid="lot-dates"]');
    await expect.poll(() => form.count()).toBe(1);
    const month = addDays(today, 170).slice(0, 7);
    const [y, m] = month.split('-');
    // The expiry field has focus after the scan: the inspector types straight away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toMatch(/^dates-.*-expiry$/);
    // Typed by hand (slower than a scanner burst, which the wedge would take for a scan).
    await page.keyboard.type(`${m}/${y}`, { delay: 80 });
    await page.keyboard.press('Enter');
    await expect.poll(() => form.count()).toBe(0);
    await expect
      .poll(() => lotRow('MNODATE').locator('[data-shelf]').getAttribute('data-shelf'))
      .toMatch(/ok|short/);
    await screenshot(page, 'shelf-01-intake');
  });

  it('shows both lots on the board, grouped by removal date', async () => {
    await page.keyboard.press('Alt+3');
    const list = page.locator('[data-testid="board-list"]');
    await list.waitFor();
    const short = list.locator('[data-testid="board-row"]', { hasText: 'YSHORT' });
    const prod = list.locator('[data-testid="board-row"]', { hasText: 'YPROD' });
    await expect.poll(() => short.count()).toBe(1);
    await expect.poll(() => prod.count()).toBe(1);
    await expect.poll(() => short.textContent()).toContain(addDays(today, 5));
    await expect.poll(() => prod.textContent()).toContain(addDays(today, 14));
    // The demo's stock: 2 overdue; 4 this week (2 today, 2 and 5 days ahead) + YSHORT.
    await expect.poll(() => page.locator('[data-testid="count-overdue"]').textContent()).toBe('2');
    await expect
      .poll(() => page.locator('[data-testid="count-this-week"]').textContent())
      .toBe('5');
    await screenshot(page, 'shelf-02-board');
  });

  it("exports today's pull list as PDF and CSV", async () => {
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: /Pull list \(PDF\)/ }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe(`pull-list-${today}.pdf`);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: /Pull list \(CSV\)/ }).click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^removal_date,days_overdue,gtin,/);
    // Overdue lots and those leaving sale today: two of each in the demo.
    expect(lines).toHaveLength(5);
    expect(lines.slice(1).every((l) => l.slice(0, 10) <= today)).toBe(true);
  });

  it('lets the inspector confirm the proposed rejection from the lot page', async () => {
    await page.keyboard.press('Alt+2');
    await page
      .getByRole('table', { name: /waiting/ })
      .getByRole('row', { name: /YSHORT/ })
      .click();
    const card = page.locator('[data-testid="lot-shelf"]');
    await expect
      .poll(() => card.locator('[data-testid="lot-shelf-reason"]').textContent())
      .toBe('10 days left, 14 required (2/3 of 21)');
    await screenshot(page, 'shelf-03-proposed-reject');
    await card.getByRole('button', { name: 'Reject', exact: true }).click();
    await expect
      .poll(() => card.getByRole('button', { name: 'Reject', exact: true }).count())
      .toBe(0);
    await page.keyboard.press('Alt+3');
    const list = page.locator('[data-testid="board-list"]');
    await list.waitFor();
    await expect
      .poll(() => list.locator('[data-testid="board-row"]', { hasText: 'YSHORT' }).count())
      .toBe(0);
  });

  it('lets a QC manager change a category rule with a live preview; the change is an event', async () => {
    await page.locator('.nav-item.sign-out').click();
    await signIn(page, 'QCS-MGR-0001', '5678');
    await page.keyboard.press('Alt+3');
    await page.getByRole('tab', { name: 'Rules' }).click();
    const panel = page.locator('[data-testid="shelf-rules-panel"]');
    await panel.waitFor();
    await expect
      .poll(() => panel.locator('[data-testid="shelf-rules-preview"]').textContent())
      .toContain('a 300-day product expiring 2027-06-30 leaves sale on 2027-05-01');
    await page.locator('#slr-scope').selectOption('category:snacks');
    await page.locator('#slr-bands-override').click();
    await page.locator('#slr-band-b1-window').fill('75');
    await expect
      .poll(() => panel.locator('[data-testid="shelf-rules-preview"]').textContent())
      .toContain('a 300-day product expiring 2027-06-30 leaves sale on 2027-04-16');
    await page.locator('[data-testid="shelf-rules-save"]').click();
    await expect
      .poll(() => panel.locator('[data-testid="shelf-rules-status"]').textContent())
      .toContain('recorded in the event log');
    await screenshot(page, 'shelf-04-rules');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
