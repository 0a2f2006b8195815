import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { screenshot, signIn } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';

const QCS = resolve(import.meta.dirname, '..', 'bin', 'qcs.mjs');
const centralDir = mkdtempSync(join(tmpdir(), 'qcs-e2e-central-'));
let central: ChildProcess;
let centralUrl = '';
let station: StationProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

function qcs(args: readonly string[]): { status: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [QCS, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout };
}

beforeAll(async () => {
  // Head office out of the box: PGlite in a folder, no configuration.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  central = spawn(
    process.execPath,
    [QCS, 'central', 'serve', '--port', '0', '--data-dir', centralDir],
    {
      env,
      stdio: 'ignore',
    },
  );
  const adminFile = join(centralDir, 'central-admin.json');
  for (let i = 0; i < 600 && !existsSync(adminFile); i += 1) {
    await new Promise((r) => setTimeout(r, 50));
  }
  centralUrl = (JSON.parse(readFileSync(adminFile, 'utf8')) as { url: string }).url;
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(station.url);
}, 120_000);
afterAll(async () => {
  await browser.close();
  await station.stop();
  const exited = new Promise((r) => central.once('exit', r));
  central.kill('SIGTERM');
  await exited;
  rmSync(centralDir, { recursive: true, force: true });
});

describe('sync with head office (Sync screen)', () => {
  it('an admin enrolls the station with a one-time code; "Sync now" uploads the whole log', async () => {
    const made = qcs(['central', 'enroll-code', '--data-dir', centralDir]);
    expect(made.status).toBe(0);
    const code = made.stdout.trim().split(/\s+/)[0] ?? '';
    expect(code.length).toBeGreaterThanOrEqual(8);

    await signIn(page, 'QCS-ADM-0001', '9999');
    await page.keyboard.press('Alt+7');
    await page.locator('#sync-title').waitFor();
    expect(await page.locator('[data-testid="sync-state"]').textContent()).toBe('not enrolled');

    await page.getByLabel('Head office address').fill(centralUrl);
    await page.getByLabel('One-time code').fill(code);
    await page.getByRole('button', { name: 'Enroll', exact: true }).click();
    await page.getByText(/^Enrolled with/).waitFor();

    await page.getByRole('button', { name: 'Sync now' }).click();
    const round = page.locator('[data-testid="sync-round"]');
    await round.waitFor();
    expect(await round.textContent()).toMatch(/^Round done: \d+ events and 0 photos uploaded/);
    await expect.poll(() => page.locator('[data-testid="sync-pending"]').textContent()).toBe('0');
    expect(await page.locator('[data-testid="sync-state"]').textContent()).toBe('up to date');
    expect(await page.locator('[data-testid="sync-endpoint"]').textContent()).toBe(centralUrl);
    await screenshot(page, 'sync-screen');

    // Head office counts what the station holds (the admin command reaches the running server).
    const stats = qcs(['central', 'stats', '--json', '--data-dir', centralDir]);
    const parsed = JSON.parse(stats.stdout) as {
      stations: { stationId: string; events: number; lastSeq: number }[];
    };
    expect(parsed.stations).toHaveLength(1);
    expect(parsed.stations[0]?.events).toBe(parsed.stations[0]?.lastSeq);
    const label = await page.locator('label[for="sync-bar"]').textContent();
    const [, acked, head] = /holds (\d+) of (\d+) events/.exec(label ?? '') ?? [];
    expect(acked).toBe(head);
    expect(parsed.stations[0]?.events).toBe(Number(head));

    // Inspectors see the state but cannot enroll.
    await page.locator('.nav-item.sign-out').click();
    await signIn(page, 'QCS-INSP-0001', '1234');
    await page.keyboard.press('Alt+7');
    await page.locator('[data-testid="sync-state"]').waitFor();
    expect(await page.getByLabel('One-time code').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
