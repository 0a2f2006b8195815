import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { screenshot, signIn, wedgeType } from './support/screens';
import { startStation, type StationProcess } from './support/station-process';

let station: StationProcess;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
const pageErrors: string[] = [];

beforeAll(async () => {
  station = await startStation(['--demo']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.includes('/api/call/')) pageErrors.push(m.text());
  });
  cdp = await page.context().newCDPSession(page);
  await page.goto(station.url);
  await signIn(page, 'QCS-INSP-0001', '1234');
});
afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

// A GS1-128 read with its AIM identifier: GTIN 06920001000035, expiry 2026-12-17, lot Y0428,
// then FNC1 (GS) and serial SN000123.
const HEAD = ']C101069200010000351726121710Y0428';
const TAIL = '21SN000123';
const GS = '\x1d';

/** Keys of a scanner burst that are not plain characters. */
interface Special {
  special: 'ctrl-gs' | 'alt-0029' | 'enter' | 'tab';
}
/** GS the US-keyboard way (Ctrl+]) and the Windows way (Alt held, keypad 0 0 2 9). */
const CTRL_GS: Special = { special: 'ctrl-gs' };
const ALT_0029: Special = { special: 'alt-0029' };
const ENTER: Special = { special: 'enter' };
const TAB: Special = { special: 'tab' };
/** One part of a burst: characters, or a special key. */
type Stroke = string | Special;

interface RawKey {
  key: string;
  code: string;
  keyCode: number;
  text?: string;
  /** CDP modifier bits: Alt 1, Ctrl 2, Meta 4, Shift 8. */
  modifiers?: number;
  location?: number;
  /** Pressed but not released in this slot (Alt held across a keypad code). */
  downOnly?: boolean;
  upOnly?: boolean;
  /** Shares the time slot of the next key (a modifier pressed just before it). */
  sameSlot?: boolean;
}

const PUNCTUATION: Record<string, [code: string, keyCode: number, shifted: boolean]> = {
  ']': ['BracketRight', 221, false],
  '~': ['Backquote', 192, true],
  ':': ['Semicolon', 186, true],
  '-': ['Minus', 189, false],
  ' ': ['Space', 32, false],
};

function charKey(ch: string): RawKey {
  if (/^[a-z]$/i.test(ch)) {
    const upper = ch.toUpperCase();
    const shifted = ch === upper;
    return {
      key: ch,
      code: `Key${upper}`,
      keyCode: upper.charCodeAt(0),
      text: ch,
      modifiers: shifted ? 8 : 0,
    };
  }
  if (/^\d$/.test(ch)) return { key: ch, code: `Digit${ch}`, keyCode: ch.charCodeAt(0), text: ch };
  const known = PUNCTUATION[ch];
  if (!known) throw new Error(`no key for ${JSON.stringify(ch)} in this test`);
  const [code, keyCode, shifted] = known;
  return { key: ch, code, keyCode, text: ch, modifiers: shifted ? 8 : 0 };
}

function rawKeys(strokes: readonly Stroke[]): RawKey[] {
  return strokes.flatMap((stroke): RawKey[] => {
    if (typeof stroke === 'string') return [...stroke].map(charKey);
    switch (stroke.special) {
      case 'enter':
        return [{ key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' }];
      case 'tab':
        return [{ key: 'Tab', code: 'Tab', keyCode: 9 }];
      case 'ctrl-gs':
        return [
          {
            key: 'Control',
            code: 'ControlLeft',
            keyCode: 17,
            modifiers: 2,
            downOnly: true,
            sameSlot: true,
          },
          { key: ']', code: 'BracketRight', keyCode: 221, modifiers: 2 },
          { key: 'Control', code: 'ControlLeft', keyCode: 17, upOnly: true, sameSlot: true },
        ];
      case 'alt-0029':
        return [
          {
            key: 'Alt',
            code: 'AltLeft',
            keyCode: 18,
            modifiers: 1,
            downOnly: true,
            sameSlot: true,
          },
          ...[...'0029'].map((d) => ({
            key: d,
            code: `Numpad${d}`,
            keyCode: 96 + Number(d),
            modifiers: 1,
            location: 3,
          })),
          { key: 'Alt', code: 'AltLeft', keyCode: 18, upOnly: true, sameSlot: true },
        ];
    }
  });
}

/**
 * A keyboard-wedge scanner: every key `msPerKey` after the previous one, by the keys' own
 * timestamps (the clock the station's detector reads, as it would read the OS's for a real
 * scanner). The keys are handed to Chromium all at once, like keys that queued up while the
 * page was busy, so a slow test machine cannot stretch the gaps; `wedgeType` (real-time
 * typing) is kept for human speeds, where a slower machine only makes the gaps longer.
 */
async function scan(strokes: readonly Stroke[], msPerKey = 8): Promise<void> {
  const keys = rawKeys(strokes);
  const slots = keys.filter((k) => !k.sameSlot).length;
  // Seconds since the epoch, as CDP wants; the burst ends now, so no timestamp is in the future.
  const start = Date.now() / 1000 - (slots * msPerKey) / 1000;
  let slot = 0;
  const sends: Promise<unknown>[] = [];
  for (const k of keys) {
    const at = start + (slot * msPerKey) / 1000;
    const common = {
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.keyCode,
      nativeVirtualKeyCode: k.keyCode,
      modifiers: k.modifiers ?? 0,
      location: k.location ?? 0,
    };
    if (!k.upOnly) {
      sends.push(
        cdp.send('Input.dispatchKeyEvent', {
          ...common,
          type: k.text ? 'keyDown' : 'rawKeyDown',
          ...(k.text ? { text: k.text, unmodifiedText: k.text } : {}),
          timestamp: at,
        }),
      );
    }
    if (!k.downOnly) {
      sends.push(
        cdp.send('Input.dispatchKeyEvent', {
          ...common,
          type: 'keyUp',
          timestamp: at + msPerKey / 2000,
        }),
      );
    }
    if (!k.sameSlot) slot += 1;
  }
  await Promise.all(sends);
}

interface LogRow {
  seq: number;
  type: string;
  subjects: string[];
}

/** The station's own record: the newest events of its log, optionally for one subject. */
async function logRows(subject?: string): Promise<LogRow[]> {
  return page.evaluate(async (subject) => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="qcs-token"]')?.content;
    const response = await fetch('api/call/log.recent', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token ?? ''}`,
        'x-qcs-client': sessionStorage.getItem('qcs-client-id') ?? '',
      },
      body: JSON.stringify(subject ? { subject, limit: 500 } : { limit: 500 }),
    });
    const body = (await response.json()) as { ok: boolean; value?: LogRow[] };
    if (!body.ok || !body.value) throw new Error('log.recent failed');
    return body.value;
  }, subject);
}

/** `scan.recorded` events appended after the event `seq`. */
async function scansSince(seq: number): Promise<LogRow[]> {
  return (await logRows()).filter((r) => r.type === 'scan.recorded' && r.seq > seq);
}

async function lastSeq(): Promise<number> {
  return (await logRows())[0]?.seq ?? 0;
}

const toast = () => page.locator('[data-testid="scan-toast"]');
/** The data of the scan the toast shows, GS drawn as ⟨GS⟩. */
const toastData = () => toast().locator('code').textContent();

async function dismissToast(): Promise<void> {
  const close = toast().getByRole('button');
  // The toast may hide by itself while being clicked; the end state is checked below.
  if ((await close.count()) > 0) await close.click({ timeout: 2000 }).catch(() => undefined);
  await expect.poll(() => toast().getAttribute('data-severity')).toBeNull();
}

/** Lets any key still held by the detector go (threshold + margin) before the next step. */
const settle = () => page.waitForTimeout(200);

const shown = (data: string) => data.replaceAll(GS, '⟨GS⟩');

describe('keyboard-wedge scanning in Chromium', () => {
  it('takes a GS1 scan typed at 8 ms per key into the supplier search as one scan, not as text', async () => {
    await page.keyboard.press('Alt+6');
    const search = page.locator('#supplier-search');
    await search.focus();
    const since = await lastSeq();

    await scan([HEAD, CTRL_GS, TAIL, ENTER]);

    await expect.poll(() => toast().textContent()).toMatch(/GTIN 06920001000035/);
    expect(await toast().textContent()).toMatch(/Y0428/);
    expect(await toastData()).toBe(shown(`${HEAD}${GS}${TAIL}`));
    expect(await toast().getAttribute('role')).toBe('status');
    await screenshot(page, 'wedge-01-scan-in-search-box');
    await expect.poll(async () => (await scansSince(since)).length).toBe(1);
    await settle();
    const recorded = await scansSince(since);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.subjects).toContain('gtin:06920001000035');
    expect(await search.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('supplier-search');
    // Nothing typed, so the supplier list is still unfiltered.
    expect(await page.locator('table[aria-label="Suppliers"] tbody tr').count()).toBeGreaterThan(5);
  });

  it('leaves the same keys typed at 120 ms per key in the search box, and records no scan', async () => {
    await dismissToast();
    const since = await lastSeq();
    const search = page.locator('#supplier-search');
    await search.focus();

    await wedgeType(page, HEAD, 120, null);
    await page.keyboard.press('Control+BracketRight');
    await wedgeType(page, TAIL, 120, 'Enter');
    await settle();

    // Ctrl+] types nothing by hand, so the box holds exactly the characters typed.
    expect(await search.inputValue()).toBe(`${HEAD}${TAIL}`);
    // As with typing, the end of a long value stays in view.
    expect(await search.evaluate((el) => el.scrollLeft > 0)).toBe(true);
    expect(await scansSince(since)).toEqual([]);
    expect(await toast().getAttribute('data-severity')).toBeNull();
    await screenshot(page, 'wedge-02-typed-by-hand');
  });

  it('keeps what a person types around a scan in the box, in order', async () => {
    const search = page.locator('#supplier-search');
    await search.fill('');
    await search.focus();
    const since = await lastSeq();

    await wedgeType(page, 'mi', 150, null);
    await settle();
    await scan(['6920001000011', ENTER]);
    await expect.poll(() => toastData()).toBe('6920001000011');
    await wedgeType(page, 'lk', 150, null);
    await settle();

    expect(await search.inputValue()).toBe('milk');
    const recorded = await scansSince(since);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.subjects).toContain('gtin:06920001000011');
  });

  it('puts a held character back into its field even when the focus left it first', async () => {
    const search = page.locator('#supplier-search');
    await search.fill('');
    await search.focus();
    await page.keyboard.down('x');
    // Within the threshold, while "x" is still held back, the focus goes elsewhere.
    await page.evaluate(() => document.getElementById('supplier-search')?.blur());
    await page.keyboard.up('x');
    await settle();
    expect(await search.inputValue()).toBe('x');
    await search.fill('');
  });

  it("still submits a form with a person's Enter, after their last character", async () => {
    await page.keyboard.press('Alt+4');
    const subject = page.locator('#trace-subject');
    await subject.focus();
    await wedgeType(page, 'gtin:0692000100003', 120, null);
    // The last digit is still held back when Enter follows it at once: it must go in first.
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');

    expect(await subject.inputValue()).toBe('gtin:06920001000035');
    // The filter ran with the whole subject: the table lists exactly that subject's events.
    const expected = (await logRows('gtin:06920001000035')).length;
    expect(expected).toBeGreaterThan(0);
    const rows = page.locator('table[aria-label="Event log"] tbody tr');
    await expect.poll(() => rows.count()).toBe(expected);
    await screenshot(page, 'wedge-03-trace-filter-by-hand');
  });

  it('scans with nothing focused, a Tab suffix, a GS substitute and Alt+0029, as configured in Settings', async () => {
    await page.keyboard.press('Alt+8');
    await page.locator('#set-wedge-suffix').selectOption('Tab');
    await page.locator('#set-wedge-gs').fill('~');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved').first().waitFor();

    // Shelf life: a screen without the Intake banner, so the toast shows each result.
    await page.keyboard.press('Alt+3');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await dismissToast();
    const since = await lastSeq();

    await scan([HEAD, '~', '21SN000124', TAB]);
    await expect.poll(() => toastData()).toBe(shown(`${HEAD}${GS}21SN000124`));

    await scan([HEAD, ALT_0029, '21SN000125', TAB]);
    await expect.poll(() => toastData()).toBe(shown(`${HEAD}${GS}21SN000125`));
    await expect.poll(async () => (await scansSince(since)).length).toBe(2);
    // Alt+2 inside the burst did not switch to the Inspection screen, and Tab moved no focus.
    expect(new URL(page.url()).hash).toBe('#/shelfLife');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await screenshot(page, 'wedge-04-scan-nothing-focused');

    // Typing by hand into a number field still works; then the settings go back.
    await page.keyboard.press('Alt+8');
    const ms = page.locator('#set-wedge-ms');
    await ms.focus();
    await page.keyboard.press('Control+A');
    await wedgeType(page, '40', 120, null);
    await settle();
    expect(await ms.inputValue()).toBe('40');
    await ms.fill('35');
    await page.locator('#set-wedge-suffix').selectOption('Enter');
    await page.locator('#set-wedge-gs').fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved').first().waitFor();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
