import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTLE_MS,
  GS,
  WedgeDetector,
  type WedgeConfig,
  type WedgeDecision,
  type WedgeKey,
} from './wedge-detector';

const DEFAULTS: WedgeConfig = {
  maxInterKeyMs: 35,
  minLength: 6,
  prefix: '',
  suffix: 'Enter',
  gsSubstitute: '',
};

/** A clock and timers the test moves by hand, like a page's setTimeout. */
class FakeClock {
  now = 0;
  private timers: { at: number; callback: () => void; live: boolean }[] = [];

  schedule = (callback: () => void, delayMs: number): (() => void) => {
    const timer = { at: this.now + delayMs, callback, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  };

  /** Moves time to `at`, running every timer that falls due on the way, in order. */
  runUntil(at: number): void {
    for (;;) {
      const due = this.timers
        .filter((t) => t.live && t.at <= at)
        .sort((a, b) => a.at - b.at)
        .at(0);
      if (!due) break;
      this.now = Math.max(this.now, due.at);
      due.live = false;
      due.callback();
    }
    this.now = Math.max(this.now, at);
  }
}

type Log = string[];

function setup(config: Partial<WedgeConfig> = {}) {
  const clock = new FakeClock();
  const log: Log = [];
  const scans: string[] = [];
  const released: string[] = [];
  const detector = new WedgeDetector<string>(
    { ...DEFAULTS, ...config },
    {
      onScan: (data, origin) => {
        scans.push(data);
        log.push(`scan ${JSON.stringify(data)} @${origin}`);
      },
      onRelease: (text, origin) => {
        released.push(text);
        log.push(`release ${JSON.stringify(text)} @${origin}`);
      },
    },
    clock.schedule,
  );
  /** One keydown at `at` (timers due before it run first, as in a page that keeps up). */
  const press = (
    key: string,
    at: number,
    extra: Partial<WedgeKey> = {},
    origin = 'field',
  ): WedgeDecision => {
    clock.runUntil(at);
    const decision = detector.keydown(
      { key, code: codeOf(key), ctrlKey: false, altKey: false, timeStamp: at, ...extra },
      origin,
    );
    log.push(`${decision} ${key}`);
    return decision;
  };
  /** Types `text` one key every `gap` ms from `from`; returns the time of the last key. */
  const type = (text: string, from: number, gap: number): number => {
    let at = from;
    for (const ch of text) {
      press(ch, at);
      at += gap;
    }
    return at - gap;
  };
  return { clock, log, scans, released, detector, press, type };
}

function codeOf(key: string): string {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^\d$/.test(key)) return `Digit${key}`;
  if (key === ']') return 'BracketRight';
  if (key === ' ') return 'Space';
  return key;
}

const GS1_HEAD = ']C101069200010000351726121710Y0428';
const GS1_TAIL = '21SN000123';

describe('WedgeDetector: scanner bursts', () => {
  it('takes an 8 ms burst ending with Enter as one scan and holds every key, Enter too', () => {
    const t = setup();
    const last = t.type('6920001000011', 0, 8);
    expect(t.press('Enter', last + 8)).toBe('hold');
    expect(t.scans).toEqual(['6920001000011']);
    expect(t.released).toEqual([]);
    expect(t.log.filter((l) => l.startsWith('pass'))).toEqual([]);
  });

  it('takes a burst ending with Tab when the suffix is Tab, and holds the Tab', () => {
    const t = setup({ suffix: 'Tab' });
    const last = t.type('6920001000011', 0, 8);
    expect(t.press('Tab', last + 8)).toBe('hold');
    expect(t.scans).toEqual(['6920001000011']);
  });

  it('with suffix none, a burst is a scan once no key follows within the threshold', () => {
    const t = setup({ suffix: 'none' });
    const last = t.type('6920001000011', 0, 8);
    expect(t.scans).toEqual([]);
    t.clock.runUntil(last + 35);
    expect(t.scans).toEqual([]);
    t.clock.runUntil(last + 35 + DEFAULT_SETTLE_MS);
    expect(t.scans).toEqual(['6920001000011']);
    expect(t.released).toEqual([]);
  });

  it('with suffix none, a later key ends the burst by its timestamp even if the timer is late', () => {
    const t = setup({ suffix: 'none' });
    const last = t.type('6920001000011', 0, 8);
    // No timer has run (the page was busy); the next key's timestamp says the burst is over.
    const decision = t.detector.keydown(
      { key: 'x', code: 'KeyX', ctrlKey: false, altKey: false, timeStamp: last + 36 },
      'field',
    );
    expect(t.scans).toEqual(['6920001000011']);
    expect(decision).toBe('hold');
    expect(t.detector.holding).toBe(true);
  });

  it('counts a gap equal to the threshold as part of the burst, and one ms more as a break', () => {
    const at35 = setup();
    at35.press('Enter', at35.type('ABCDEF', 0, 35) + 35);
    expect(at35.scans).toEqual(['ABCDEF']);

    const at36 = setup();
    at36.detector.keydown(
      { key: 'A', code: 'KeyA', ctrlKey: false, altKey: false, timeStamp: 0 },
      'f',
    );
    at36.detector.keydown(
      { key: 'B', code: 'KeyB', ctrlKey: false, altKey: false, timeStamp: 36 },
      'f',
    );
    expect(at36.released).toEqual(['A']);
  });

  it('removes a configured prefix and requires it', () => {
    const t = setup({ prefix: '$$' });
    t.press('Enter', t.type('$$6920001000011', 0, 8) + 8);
    expect(t.scans).toEqual(['6920001000011']);

    // Without the prefix the same burst is not a scan: keys that cannot start the prefix are
    // not even held.
    const u = setup({ prefix: '$$' });
    expect(u.press('6', 0)).toBe('pass');
    u.press('Enter', u.type('920001000011', 8, 8) + 8);
    expect(u.scans).toEqual([]);
    expect(u.log.filter((l) => l.startsWith('hold'))).toEqual([]);
  });

  it('releases a burst whose prefix breaks off, and lets the breaking key start over', () => {
    const t = setup({ prefix: '$#' });
    t.press('$', 0);
    expect(t.press('$', 8)).toBe('hold');
    expect(t.released).toEqual(['$']);
    t.press('#', 16);
    t.press('Enter', t.type('6920001000011', 24, 8) + 8);
    expect(t.scans).toEqual(['6920001000011']);
  });

  it('applies the minimum length to the data after the prefix is removed', () => {
    const t = setup({ prefix: '$', minLength: 6 });
    const last = t.type('$12345', 0, 8);
    expect(t.press('Enter', last + 8)).toBe('pass');
    expect(t.scans).toEqual([]);
    expect(t.released).toEqual(['$12345']);
  });

  it('turns the configured GS substitute into ASCII 29', () => {
    const t = setup({ gsSubstitute: '~' });
    t.press('Enter', t.type(`${GS1_HEAD}~${GS1_TAIL}`, 0, 8) + 8);
    expect(t.scans).toEqual([`${GS1_HEAD}${GS}${GS1_TAIL}`]);

    const multi = setup({ gsSubstitute: '<GS>' });
    multi.press('Enter', multi.type('0106920001000035<GS>10AB', 0, 8) + 8);
    expect(multi.scans).toEqual([`0106920001000035${GS}10AB`]);
  });

  it('releases the substitute as typed when a person types it', () => {
    const t = setup({ gsSubstitute: '~' });
    t.type('a~b', 0, 120);
    t.clock.runUntil(2000);
    expect(t.released.join('')).toBe('a~b');
  });

  it('reads Ctrl+] inside a burst as GS (the Control key itself is not a key of the burst)', () => {
    const t = setup();
    let at = t.type(GS1_HEAD, 0, 8);
    expect(t.press('Control', at + 4, { ctrlKey: true })).toBe('pass');
    expect(t.press(']', at + 8, { ctrlKey: true })).toBe('hold');
    at = t.type(GS1_TAIL, at + 16, 8);
    t.press('Enter', at + 8);
    expect(t.scans).toEqual([`${GS1_HEAD}${GS}${GS1_TAIL}`]);
  });

  it('reads the Windows Alt+0029 keypad sequence inside a burst as GS', () => {
    const t = setup();
    let at = t.type(GS1_HEAD, 0, 8);
    t.press('Alt', at + 2, { altKey: true });
    for (const [i, digit] of [...'0029'].entries()) {
      const decision = t.detector.keydown(
        {
          key: digit,
          code: `Numpad${digit}`,
          ctrlKey: false,
          altKey: true,
          timeStamp: at + 4 * (i + 1),
        },
        'field',
      );
      expect(decision).toBe('hold');
    }
    at = t.type(GS1_TAIL, at + 24, 8);
    t.press('Enter', at + 8);
    expect(t.scans).toEqual([`${GS1_HEAD}${GS}${GS1_TAIL}`]);
  });

  it('lets Alt with a keypad digit other than 0 through when nothing is held (Alt+2 = screen 2)', () => {
    const t = setup();
    const decision = t.detector.keydown(
      { key: '2', code: 'Numpad2', ctrlKey: false, altKey: true, timeStamp: 0 },
      'body',
    );
    expect(decision).toBe('pass');
  });

  it('accepts a GS the keyboard delivers as a character', () => {
    const t = setup();
    t.press('Enter', t.type(`0106920001000035${GS}10AB`, 0, 8) + 8);
    expect(t.scans).toEqual([`0106920001000035${GS}10AB`]);
  });

  it('types AltGr characters (Ctrl+Alt on Windows) into a scan', () => {
    const t = setup();
    let at = t.type('ABC', 0, 8);
    t.press('@', at + 8, { ctrlKey: true, altKey: true });
    at = t.type('DEF', at + 16, 8);
    t.press('Enter', at + 8);
    expect(t.scans).toEqual(['ABC@DEF']);
  });
});

describe('WedgeDetector: people typing', () => {
  it('holds each key of 120 ms typing only until the threshold, then releases it, in order', () => {
    const t = setup();
    const text = `${GS1_HEAD}${GS1_TAIL}`;
    t.type(text, 0, 120);
    t.clock.runUntil(100_000);
    expect(t.scans).toEqual([]);
    expect(t.released.join('')).toBe(text);
    // Every key came back before the next one was pressed.
    expect(t.released).toEqual([...text]);
    const holds = t.log.filter((l) => l.startsWith('hold')).length;
    expect(holds).toBe(text.length);
  });

  it('releases what a person typed, then still recognises the scanner that fires next', () => {
    const t = setup();
    const typed = t.type('milk', 0, 150);
    const last = t.type('6920001000011', typed + 400, 8);
    t.press('Enter', last + 8);
    expect(t.released.join('')).toBe('milk');
    expect(t.scans).toEqual(['6920001000011']);
    expect(t.log.indexOf('release "k" @field')).toBeLessThan(t.log.indexOf('hold 6'));
  });

  it("puts a person's last characters in before their Enter, and lets the Enter through", () => {
    const t = setup();
    const last = t.type('gtin:0692', 0, 120);
    // The last key is still held when Enter comes 5 ms later.
    expect(t.detector.holding).toBe(true);
    expect(t.press('Enter', last + 5)).toBe('pass');
    expect(t.released.join('')).toBe('gtin:0692');
    expect(t.log.slice(-2)).toEqual(['release "2" @field', 'pass Enter']);
    expect(t.scans).toEqual([]);
  });

  it('releases a short burst (shorter than the minimum) as typing', () => {
    const t = setup();
    const last = t.type('abc', 0, 8);
    t.clock.runUntil(last + 35 + DEFAULT_SETTLE_MS);
    expect(t.released).toEqual(['abc']);
    expect(t.scans).toEqual([]);

    const withEnter = setup();
    expect(withEnter.press('Enter', withEnter.type('abcde', 0, 8) + 8)).toBe('pass');
    expect(withEnter.released).toEqual(['abcde']);
  });

  it('never holds Backspace or arrows, and releases held text before them', () => {
    const t = setup();
    t.press('a', 0);
    expect(t.press('Backspace', 20)).toBe('pass');
    expect(t.log).toEqual(['hold a', 'release "a" @field', 'pass Backspace']);
    expect(t.press('ArrowLeft', 30)).toBe('pass');
    expect(t.press('Backspace', 40)).toBe('pass');
    expect(t.detector.holding).toBe(false);
  });

  it('does not start a burst with a space (it activates buttons), but keeps one inside a burst', () => {
    const t = setup();
    expect(t.press(' ', 0, {}, 'button')).toBe('pass');
    t.press('Enter', t.type('ABC 123', 100, 8) + 8);
    expect(t.scans).toEqual(['ABC 123']);
  });

  it('lets shortcuts through (Ctrl+C, Alt+5) after releasing held text', () => {
    const t = setup();
    t.press('a', 0);
    expect(t.press('c', 10, { ctrlKey: true })).toBe('pass');
    expect(t.released).toEqual(['a']);
    expect(t.press('5', 500, { altKey: true })).toBe('pass');
    expect(t.press('v', 600, { metaKey: true })).toBe('pass');
  });

  it('never intercepts input-method composition or key repeat', () => {
    const t = setup();
    t.press('n', 0);
    expect(t.press('Process', 5)).toBe('pass');
    expect(t.press('i', 10, { isComposing: true })).toBe('pass');
    expect(t.released).toEqual(['n']);
    expect(t.press('x', 1000, { repeat: true })).toBe('pass');
    expect(t.detector.holding).toBe(false);
  });

  it('releases an Enter-less burst as typing when the suffix is Enter, and an Enter with suffix Tab', () => {
    const t = setup({ suffix: 'Tab' });
    expect(t.press('Enter', t.type('6920001000011', 0, 8) + 8)).toBe('pass');
    expect(t.released).toEqual(['6920001000011']);
    expect(t.press('Tab', 1000, { shiftKey: true })).toBe('pass');
  });

  it('gives held text back to where each key was aimed', () => {
    const t = setup();
    t.press('a', 0, {}, 'search');
    t.press('b', 10, {}, 'search');
    t.press('c', 20, {}, 'notes');
    t.clock.runUntil(1000);
    expect(t.log.filter((l) => l.startsWith('release'))).toEqual([
      'release "ab" @search',
      'release "c" @notes',
    ]);
  });

  it('decides the held burst under the old settings when they change', () => {
    const t = setup();
    t.type('abc', 0, 8);
    t.detector.setConfig({ ...DEFAULTS, suffix: 'none', minLength: 2 });
    expect(t.released).toEqual(['abc']);
    t.type('xyz', 100, 8);
    t.clock.runUntil(1000);
    expect(t.scans).toEqual(['xyz']);
  });

  it('flush() decides the burst at once (window blur, unmount)', () => {
    const t = setup();
    t.press('a', 0);
    t.detector.flush();
    expect(t.released).toEqual(['a']);
    t.clock.runUntil(1000);
    expect(t.released).toEqual(['a']);
  });
});
