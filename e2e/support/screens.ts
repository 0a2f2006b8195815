import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const RESULTS_DIR = resolve(import.meta.dirname, '..', '..', 'test-results');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Types like a keyboard-wedge scanner: fixed delay per key, then the terminator. */
export async function wedgeType(
  page: Page,
  text: string,
  delayMs: number,
  terminator: 'Enter' | 'Tab' | null = 'Enter',
) {
  await page.keyboard.type(text, { delay: delayMs });
  if (terminator) await page.keyboard.press(terminator);
}

/** Signs in through the UI with a badge "scan" and a PIN. */
export async function signIn(page: Page, badge: string, pin: string): Promise<void> {
  await page.locator('#badge').waitFor();
  await page.locator('#badge').focus();
  await wedgeType(page, badge, 5);
  await page.locator('#pin').waitFor();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.locator('nav.nav').waitFor();
}
