import { describe, expect, it } from 'vitest';
import { useDemoScreen } from './support/demo-screen';
import { screenshot, signIn } from './support/screens';

const screen = useDemoScreen({ signIn: ['QCS-ADM-0001', '9999'] });

describe('settings (admin)', () => {
  it('configures a serial scanner, sync timing and a backup; each section keeps the others’ values', async () => {
    const { page } = screen;
    await page.keyboard.press('Alt+8');
    await page.locator('#settings-title').waitFor();

    // Serial scanners: the port list comes from the system; a scanner is added by its port.
    await page.getByRole('button', { name: 'List the ports on this computer' }).click();
    await page.locator('[data-testid="serial-ports"]').waitFor();
    await page.getByRole('button', { name: 'Add a scanner' }).click();
    await page.getByRole('textbox', { name: 'Port' }).fill('/dev/ttyQCS-e2e');
    await page.getByRole('button', { name: 'Save scanners' }).click();
    await page.locator('[data-testid="scanners-section"] [role="status"]').waitFor();

    // Sync timing (the address comes from enrolling).
    expect(await page.locator('[data-testid="settings-endpoint"]').textContent()).toBe(
      'not enrolled',
    );
    await page.locator('#set-sync-interval').fill('120');
    await page.locator('#set-sync-alarm').fill('90');
    await page.getByRole('button', { name: 'Save sync and camera' }).click();

    // The general form saves only its own keys: the scanner and sync values stay.
    await page.locator('#set-idle').fill('20');
    await page.locator('form.card').first().getByRole('button', { name: 'Save' }).click();
    await page.locator('form.card').first().getByRole('status').waitFor();

    // A backup now, verified.
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect
      .poll(() => page.locator('[data-testid="backup-last"]').textContent(), { timeout: 20_000 })
      .toMatch(/verified/);
    await screenshot(page, 'settings-admin');

    await page.reload();
    // The screen keeps its session across a reload; sign in again only if it asks.
    await page.locator('#badge, nav.nav').first().waitFor();
    if (await page.locator('#badge').isVisible()) await signIn(page, 'QCS-ADM-0001', '9999');
    await page.keyboard.press('Alt+8');
    await page.locator('#settings-title').waitFor();
    expect(await page.getByRole('textbox', { name: 'Port' }).inputValue()).toBe('/dev/ttyQCS-e2e');
    expect(await page.locator('#set-sync-interval').inputValue()).toBe('120');
    expect(await page.locator('#set-sync-alarm').inputValue()).toBe('90');
    expect(await page.locator('#set-idle').inputValue()).toBe('20');
    expect(screen.pageErrors).toEqual([]);
  });
});
