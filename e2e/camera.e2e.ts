import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLabel, writeLabelClip } from '../bench/camera-label';
import { caseGtin } from '../src-main/demo/demo-data';
import { demoSscc } from '../src-main/demo/seed';
import { fakeCameraArgs, launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';

/** Crunch Fox's Salted Cashews 180 g, by the case (20 units per case). */
const CASHEW_CASE = caseGtin('692000300001');
const UNITS_PER_CASE = 20;

let dir: string;
let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const panel = () => page.locator('[data-testid="camera-panel"]');
const lotsTable = () => page.locator('table[aria-label="Lots"]');

beforeAll(async () => {
  // The fake camera's clip, made here: a Crunch Fox case label with a GS1 DataMatrix carrying
  // (01) the case GTIN, (17) 2027-06-30 and (10) CF77, drifting over a carton at 10 frames/s.
  dir = mkdtempSync(join(tmpdir(), 'qcs-e2e-camera-'));
  const label = await renderLabel({
    product: 'Salted Cashews 180 g',
    productZh: '盐焗腰果 180克',
    gtin: CASHEW_CASE,
    expiry: '2027-06-30',
    lot: 'CF77',
  });
  const clip = join(dir, 'label.y4m');
  await writeLabelClip(clip, label, 10, 10);
  station = await startStation(['--demo']);
  browser = await launchChromium(fakeCameraArgs(clip));
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(station.url);
  await signIn(page, 'QCS-INSP-0001', '1234');
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the camera at the dock, in Chromium with a fake camera', () => {
  it("opens Crunch Fox's delivery by its pallet label", async () => {
    await page.locator('#manual-code').fill(`]C100${demoSscc(102)}`);
    await page.locator('#manual-code').press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="last-scan"]').getAttribute('data-outcome'))
      .toBe('opened-delivery');
    await expect
      .poll(() => page.locator('[data-testid="delivery-panel"] h2').first().textContent())
      .toMatch(/Crunch Fox/);
  });

  it('starts the camera, lists it and shows it in the status bar', async () => {
    await page.locator('[data-testid="camera-toggle"]').click();
    await expect.poll(() => panel().getAttribute('data-state')).toBe('on');
    await expect.poll(() => panel().getAttribute('data-reader')).toBe('ready');
    // The fake device is listed (by name, now that the camera was allowed).
    const options = await page.locator('[data-testid="camera-device"] option').allTextContents();
    expect(options.length).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.locator('[data-status="camera"]').getAttribute('data-state'))
      .toBe('on');
    expect(await page.locator('[data-status="camera"]').textContent()).toMatch(/reading barcodes/);
  });

  it('reads the GS1 DataMatrix into the delivery, once, with source camera', async () => {
    await expect.poll(() => lotsTable().textContent(), { timeout: 20_000 }).toContain('CF77');
    const last = page.locator('[data-testid="camera-last-read"]');
    await expect.poll(() => last.getAttribute('data-outcome')).toBe('counted');
    expect(await last.getAttribute('data-source')).toBe('camera');
    expect(await last.textContent()).toContain('(17)270630(10)CF77');
    await expect
      .poll(() => page.locator('[data-testid="last-scan"]').getAttribute('data-outcome'))
      .toBe('counted');
    expect(await page.locator('[data-testid="last-scan"]').textContent()).toMatch(/lot CF77/);
    // The outline is drawn round the code on the preview.
    await expect
      .poll(() => page.locator('[data-testid="camera-overlay"]').getAttribute('data-codes'))
      .toBe('1');
    await screenshot(page, 'camera-01-reading');
    // Held in view for seconds, the label is one case, not one per frame.
    await page.waitForTimeout(3000);
    const row = lotsTable().locator('tbody tr', { hasText: 'CF77' });
    expect(await row.locator('td.num').textContent()).toBe(String(UNITS_PER_CASE));
    expect(await row.textContent()).toContain('2027-06-30');
  });

  it('captures a still and stores it as a photo', async () => {
    await panel().locator('[data-testid="camera-capture"]').click();
    await expect
      .poll(() => panel().locator('[data-testid="camera-stills"]').getAttribute('data-count'))
      .toBe('1');
    const thumb = panel().locator('[data-testid="photo-thumb"] img');
    await expect.poll(() => thumb.count()).toBe(1);
    expect(await thumb.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  });

  it("puts the label's dates beside the barcode's", async () => {
    // The still is read by OCR in the station's own process (vision.readLabel).
    await panel().locator('[data-testid="camera-read-label"]').click();
    const table = panel().locator('[data-testid="camera-label-compare"]');
    await expect.poll(() => table.textContent(), { timeout: 60_000 }).toContain('2027-06-30');
    expect(await table.locator('[data-field="expiry"]').getAttribute('data-agreement')).toBe(
      'same',
    );
    expect(await table.locator('[data-field="lot"]').getAttribute('data-agreement')).toBe('same');
    await screenshot(page, 'camera-02-label');
  });

  it('says when the camera goes away mid-use, and starts it again when it is back', async () => {
    // What an unplug looks like to the page: the track ends.
    await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="camera-video"]');
      const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
      track?.stop();
      track?.dispatchEvent(new Event('ended'));
    });
    await expect
      .poll(() => panel().locator('[data-testid="camera-lost"]').textContent())
      .toMatch(/unplugged/);
    expect(await page.locator('[data-status="camera"]').getAttribute('data-state')).toBe('lost');
    await screenshot(page, 'camera-03-lost');
    // The device is still there: the retry opens it again by itself.
    await expect.poll(() => panel().getAttribute('data-state'), { timeout: 10_000 }).toBe('on');
    await expect.poll(() => panel().locator('[data-testid="camera-lost"]').count()).toBe(0);
  });

  it('remembers the camera chosen in the station settings', async () => {
    const select = page.locator('[data-testid="camera-device"]');
    const chosen = await select.locator('option').nth(1).getAttribute('value');
    expect(chosen).toBeTruthy();
    await select.selectOption(chosen ?? '');
    await page.locator('[data-testid="camera-resolution"]').selectOption('1920x1080');
    await expect.poll(() => panel().getAttribute('data-state')).toBe('on');
    await page.reload();
    await page.locator('nav.nav').waitFor();
    // The panel was left open: it opens again with the same camera, without asking.
    await expect.poll(() => panel().getAttribute('data-state')).toBe('on');
    await expect
      .poll(() => page.locator('[data-testid="camera-device"]').inputValue())
      .toBe(chosen);
    expect(await page.locator('[data-testid="camera-resolution"]').inputValue()).toBe('1920x1080');
    // The fake camera plays its 1280x720 clip: the nearest it has to the size asked for.
    const size = () =>
      page.evaluate(() => {
        const video = document.querySelector<HTMLVideoElement>('[data-testid="camera-video"]');
        return `${video?.videoWidth}x${video?.videoHeight}`;
      });
    await expect.poll(size).toBe('1280x720');
  });

  it('stops the camera when the panel is closed', async () => {
    await page.locator('[data-testid="camera-toggle"]').click();
    await expect.poll(() => panel().count()).toBe(0);
    expect(await page.locator('[data-status="camera"]').getAttribute('data-state')).toBe('off');
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('a station with no camera', () => {
  let bare: Browser;
  afterAll(async () => {
    await bare?.close();
  });

  it('says so clearly', async () => {
    bare = await launchChromium();
    const context = await bare.newContext({ viewport: { width: 1366, height: 900 } });
    await context.grantPermissions(['camera'], { origin: new URL(station.url).origin });
    const p = await context.newPage();
    await p.goto(station.url);
    await signIn(p, 'QCS-INSP-0002', '2345');
    await p.locator('[data-testid="camera-toggle"]').click();
    const problem = p.locator('[data-testid="camera-problem"]');
    await expect.poll(() => problem.textContent()).toMatch(/No camera was found/);
    expect(await p.locator('[data-status="camera"]').getAttribute('data-state')).toBe('problem');
  });
});
