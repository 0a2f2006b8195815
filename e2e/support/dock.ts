import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Types a code into the manual-entry field (what an inspector does when a label will not scan). */
export async function enterCode(page: Page, data: string): Promise<void> {
  await page.locator('#manual-code').fill(data);
  await page.locator('#manual-code').press('Enter');
  await expect.poll(() => page.locator('#manual-code').inputValue()).toBe('');
}

/** The last-scan banner as "outcome: text". */
export async function lastScanText(page: Page): Promise<string> {
  const el = page.locator('[data-testid="last-scan"]');
  return `${await el.getAttribute('data-outcome')}: ${await el.textContent()}`;
}

/** Waits until the last-scan banner shows this outcome with a message containing `text`. */
export async function expectScan(page: Page, outcome: string, text: string): Promise<void> {
  await expect.poll(() => lastScanText(page)).toContain(`${outcome}: ${text}`);
}

/**
 * Works one unit of a snack lot through its template with the inner seal failed (a critical
 * defect) and a photo, completes the inspection and waits for the proposal to reject.
 */
export async function recordFailedSeal(page: Page, photoFile: string): Promise<void> {
  const form = page.locator('[data-testid="unit-form"]');
  await form.waitFor();
  await form
    .locator('[data-check="inner-seal"]')
    .getByRole('radio', { name: 'Fail', exact: true })
    .click();
  await form.locator('[data-check="bag-inflation"] select').selectOption('flat');
  await form.locator('[data-check="breakage"] select').selectOption('whole');
  await form.locator('[data-testid="photo-file-input"]').setInputFiles(photoFile);
  await expect
    .poll(() => form.getByRole('status').first().textContent())
    .toBe('Photos attached: 1');
  await form.getByRole('button', { name: 'Record unit' }).click();
  await page.getByRole('button', { name: 'Complete inspection' }).click();
  await expect
    .poll(() => page.locator('[data-testid="decide"] h3').textContent())
    .toBe('The station proposes: Reject');
}
