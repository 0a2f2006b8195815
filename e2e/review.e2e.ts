import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useDemoScreen } from './support/demo-screen';
import { screenshot, signIn } from './support/screens';

const screen = useDemoScreen({ signIn: ['QCS-MGR-0001', '5678'] });

/** The demo history holds one Clear Spring lot for a QC manager's review. */
const queueTable = () => screen.page.getByRole('table', { name: 'Review queue' });
const demoHold = () =>
  queueTable()
    .locator('tr', { has: screen.page.locator('[data-kind="hold"]') })
    .filter({ hasText: 'Clear Spring' });
const chartMarks = (testId: string, mark: string) =>
  screen.page.locator(`[data-testid="${testId}"] svg ${mark}`).count();

describe('the QC manager’s review console, in Chromium', () => {
  it('opens with Alt+9 and lists the held lot', async () => {
    const { page } = screen;
    await page.keyboard.press('Alt+9');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Review');
    await expect.poll(() => demoHold().count()).toBe(1);
    expect(await demoHold().textContent()).toContain('held for QC manager review');
  });

  it('filters the queue by kind and supplier', async () => {
    const { page } = screen;
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
    const { page } = screen;
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
    const { page } = screen;
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="review-queue-csv"]').click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFKind,')).toBe(true);
    expect(text).toContain('Clear Spring');
  });

  it('opens the lot page from the queue, and Enter opens it again from the keyboard', async () => {
    const { page } = screen;
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
    const { page } = screen;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, 'QCS-INSP-0001', '1234');
    await page.keyboard.press('Alt+9');
    await expect
      .poll(() => page.locator('[data-testid="review-managers-only"]').textContent())
      .toContain('QC managers only');
    expect(await page.locator('[data-testid="review-queue"]').count()).toBe(0);
  });

  it('raised no page errors', () => {
    expect(screen.pageErrors).toEqual([]);
  });
});
