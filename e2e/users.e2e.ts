import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useDemoScreen } from './support/demo-screen';
import { screenshot, signIn, wedgeType } from './support/screens';

const BADGE = 'QCS-E2E-0007';
const screen = useDemoScreen();

describe('users (admins)', () => {
  it('an admin adds a user with a scanned badge; the new badge then signs in with its PIN', async () => {
    const { page } = screen;
    await signIn(page, 'QCS-ADM-0001', '9999');
    await page.locator('[data-screen="settings"]').click();
    await page.locator('[data-testid="user-add"]').click();
    await page.locator('#user-name').fill('Wang Fang 王芳');
    await page.locator('#user-role').selectOption('qc-manager');
    // The badge is scanned, not typed: the wedge hands it to the focused badge field.
    await page.locator('#user-badge').focus();
    await wedgeType(page, BADGE, 5);
    await expect.poll(() => page.locator('#user-badge').inputValue()).toBe(BADGE);
    await page.locator('#user-pin').fill('2468');
    await page.locator('[data-testid="user-save"]').click();
    const row = page.getByRole('row', { name: /Wang Fang/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(BADGE);
    await screenshot(page, 'users-panel');

    const download = page.waitForEvent('download');
    await page.locator('[data-testid="export-csv-users"]').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain(`${BADGE},`);
    expect(csv).not.toMatch(/scrypt/);

    await page.locator('.nav-item.sign-out').click();
    await signIn(page, BADGE, '2468');
    // A QC manager sees no Users section.
    await page.locator('[data-screen="settings"]').click();
    await page.locator('#settings-title').waitFor();
    expect(await page.locator('[data-testid="users-panel"]').count()).toBe(0);
    expect(screen.pageErrors).toEqual([]);
  });
});
