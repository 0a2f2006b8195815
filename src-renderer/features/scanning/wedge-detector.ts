/**
 * Tells a keyboard-wedge scanner from a person at the keyboard, key by key, without the DOM.
 *
 * A wedge "types" its data a few milliseconds per key and usually ends with Enter or Tab.
 * Every key that could belong to a scan is HELD (the caller prevents its default action) until
 * the burst is decided:
 *
 * - a burst grows while each held key follows the previous held key by at most
 *   `maxInterKeyMs` (gap <= threshold, measured on the keys' own timestamps, never on when
 *   this code happens to run: a busy page handles queued keys late but with their real times);
 * - it is a SCAN when it ends with the configured suffix key (itself within the threshold), or,
 *   with suffix 'none', when no key follows within the threshold; and, after removing the
 *   configured prefix (which must then be present) and turning the GS substitute into ASCII 29,
 *   it still has at least `minLength` characters;
 * - anything else is HUMAN typing: the held characters are released, in order, to be inserted
 *   where they would have gone, before the key that ended the burst takes effect.
 *
 * The idle timer only flushes a burst nobody follows; it never decides a gap (see `keydown`).
 */

export type WedgeSuffix = 'Enter' | 'Tab' | 'none';

export interface WedgeConfig {
  /** The longest gap, in ms, between two keys of one scanner burst. */
  maxInterKeyMs: number;
  /** The fewest characters a scan has (after the prefix is removed and GS substituted). */
  minLength: number;
  /** Characters the scanner sends before its data; '' for none. */
  prefix: string;
  /** The key the scanner sends after its data. */
  suffix: WedgeSuffix;
  /** What a wedge that cannot send ASCII 29 types instead (e.g. '~'); '' for none. */
  gsSubstitute: string;
}

/** What the detector needs of a keydown: the fields of a DOM KeyboardEvent of the same name. */
export interface WedgeKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  /** Milliseconds on one monotonic clock (a DOM event's `timeStamp`). */
  timeStamp: number;
}

/** `hold`: prevent the key's default action and stop it; `pass`: leave the key alone. */
export type WedgeDecision = 'hold' | 'pass';

export interface WedgeHandlers<Origin> {
  /** A complete scan (prefix and suffix removed, GS as '\x1d'); `origin` of its first key. */
  onScan(data: string, origin: Origin): void;
  /** Held keys turned out to be typing: insert `text` where the key with `origin` was aimed. */
  onRelease(text: string, origin: Origin): void;
}

/** Timers, injectable so tests can drive time. Returns a function that cancels the timer. */
export type WedgeScheduler = (callback: () => void, delayMs: number) => () => void;

/** ASCII 29, the GS1 FNC1 separator as a scanner transmits it. */
export const GS = '\x1d';

/**
 * How long after the last held key the idle timer fires, beyond the threshold: a margin so
 * that a key already queued (with a timestamp inside the threshold) is handled before the timer
 * gives up on the burst. It only delays the echo of human typing; it never changes a decision.
 */
export const DEFAULT_SETTLE_MS = 10;

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'Fn',
  'FnLock',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Symbol',
  'SymbolLock',
]);

/** The Windows way to type ASCII 29: Alt held, then 0 0 2 9 on the numeric keypad. */
const ALT_CODE_GS = '0029';

type KeyKind =
  | { kind: 'modifier' }
  | { kind: 'char'; text: string }
  | { kind: 'gs' }
  | { kind: 'alt-digit'; digit: string }
  | { kind: 'suffix' }
  | { kind: 'other' };

interface Held<Origin> {
  /** What the key would have typed by itself (what a release inserts). */
  raw: string;
  /** What the key means in a scan. */
  data: string;
  origin: Origin;
}

function isPrintable(key: string): boolean {
  const points = [...key];
  if (points.length !== 1) return false;
  const cp = key.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp !== 0x7f;
}

export class WedgeDetector<Origin> {
  private held: Held<Origin>[] = [];
  private lastAt = 0;
  private altDigits = '';
  private cancelTimer: (() => void) | null = null;

  constructor(
    private config: WedgeConfig,
    private readonly handlers: WedgeHandlers<Origin>,
    private readonly schedule: WedgeScheduler,
    private readonly settleMs: number = DEFAULT_SETTLE_MS,
  ) {}

  /** True while keys are held back, undecided. */
  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Decides, synchronously, whether the caller must hold this keydown. */
  keydown(input: WedgeKey, origin: Origin): WedgeDecision {
    const key = this.classify(input);
    // Shift for a capital, Alt around a keypad code: part of the next key, not a key of its own.
    if (key.kind === 'modifier') return 'pass';
    // A burst whose last key is older than the threshold has ended, even if the idle timer has
    // not run yet (a loaded machine runs timers late; the key's timestamp is what happened).
    if (this.held.length > 0 && input.timeStamp - this.lastAt > this.config.maxInterKeyMs) {
      this.end();
    }
    switch (key.kind) {
      case 'other':
        // Backspace, arrows, shortcuts, IME, key repeat: never held. Whatever was held is
        // decided first, so the key acts on the text the person saw themselves type.
        if (this.held.length > 0) this.end();
        return 'pass';
      case 'suffix': {
        if (this.held.length === 0) return 'pass';
        const data = this.scanData();
        if (data !== null) {
          this.emitScan(data);
          return 'hold';
        }
        // A person pressed Enter (or Tab): their text goes in first, then the key does its job.
        this.release();
        return 'pass';
      }
      case 'char':
        return this.hold(input, origin, { raw: key.text, data: key.text });
      case 'gs':
        // Ctrl+] types nothing by itself, so a release has nothing to put back.
        return this.hold(input, origin, { raw: '', data: GS });
      case 'alt-digit':
        return this.holdAltDigit(input, origin, key.digit);
    }
  }

  /** Decides the current burst now, as if no key followed it (window blur, unmount). */
  flush(): void {
    if (this.held.length > 0) this.end();
  }

  /** New settings apply from the next burst; the current one is decided under the old ones. */
  setConfig(config: WedgeConfig): void {
    this.flush();
    this.config = config;
  }

  private classify(input: WedgeKey): KeyKind {
    const { key, code, ctrlKey, altKey } = input;
    const metaKey = input.metaKey ?? false;
    if (MODIFIERS.has(key)) return { kind: 'modifier' };
    // While an input method composes (Chinese pinyin…), its keys belong to it.
    if (input.isComposing || key === 'Process') return { kind: 'other' };
    if (input.repeat) return { kind: 'other' };
    if (key === GS) return { kind: 'gs' };
    // Ctrl+] is how a US keyboard types ASCII 29; `code` names the physical key on any layout.
    if (ctrlKey && !altKey && !metaKey && (code === 'BracketRight' || key === ']')) {
      return { kind: 'gs' };
    }
    if (altKey && !ctrlKey && !metaKey) {
      const digit = /^Numpad(\d)$/.exec(code)?.[1];
      if (digit !== undefined) return { kind: 'alt-digit', digit };
    }
    const suffix = this.config.suffix;
    if (suffix !== 'none' && key === suffix && !ctrlKey && !altKey && !metaKey) {
      return input.shiftKey && suffix === 'Tab' ? { kind: 'other' } : { kind: 'suffix' };
    }
    // Ctrl+C or Alt+1 is a shortcut; Ctrl+Alt+key is AltGr on Windows and types a character.
    if (isPrintable(key) && !metaKey && ctrlKey === altKey) return { kind: 'char', text: key };
    return { kind: 'other' };
  }

  private hold(
    input: WedgeKey,
    origin: Origin,
    entry: { raw: string; data: string },
  ): WedgeDecision {
    this.altDigits = '';
    if (this.held.length > 0 && !this.prefixStillPossible(entry.data)) {
      // The configured prefix cannot be what is arriving: this is typing, not a scan.
      this.release();
    }
    if (this.held.length === 0 && !this.canStart(entry.data)) return 'pass';
    this.held.push({ ...entry, origin });
    this.touch(input.timeStamp);
    return 'hold';
  }

  private holdAltDigit(input: WedgeKey, origin: Origin, digit: string): WedgeDecision {
    // Alt+1…7 on the keypad may be a person switching screens: only 0 can open a keypad code.
    if (this.held.length === 0 && (digit !== '0' || this.config.prefix !== '')) return 'pass';
    this.altDigits += digit;
    let data = '';
    if (this.altDigits.length === ALT_CODE_GS.length) {
      // Only ASCII 29 is decoded; Windows types any other keypad code as a character itself.
      data = this.altDigits === ALT_CODE_GS ? GS : '';
      this.altDigits = '';
    }
    this.held.push({ raw: '', data, origin });
    this.touch(input.timeStamp);
    return 'hold';
  }

  /** Whether a key may open a burst when nothing is held. */
  private canStart(data: string): boolean {
    // A space on a focused button or checkbox activates it; no scan starts with one.
    if (data === ' ') return false;
    const prefix = this.config.prefix;
    return prefix === '' || prefix.startsWith(data);
  }

  private prefixStillPossible(next: string): boolean {
    const prefix = this.config.prefix;
    if (prefix === '') return true;
    const sofar = this.heldData();
    if (sofar.length >= prefix.length) return true;
    const candidate = sofar + next;
    return candidate.length >= prefix.length
      ? candidate.startsWith(prefix)
      : prefix.startsWith(candidate);
  }

  private touch(timeStamp: number): void {
    this.lastAt = timeStamp;
    this.cancelTimer?.();
    this.cancelTimer = this.schedule(() => {
      this.cancelTimer = null;
      this.flush();
    }, this.config.maxInterKeyMs + this.settleMs);
  }

  private heldData(): string {
    return this.held.map((h) => h.data).join('');
  }

  /** The scan the held keys make, or null when they are not one. */
  private scanData(): string | null {
    const { prefix, gsSubstitute, minLength } = this.config;
    let data = this.heldData();
    if (prefix !== '') {
      if (!data.startsWith(prefix)) return null;
      data = data.slice(prefix.length);
    }
    if (gsSubstitute !== '') data = data.replaceAll(gsSubstitute, GS);
    return [...data].length >= minLength ? data : null;
  }

  /** The burst ended without its suffix: a scan only when the scanner sends no suffix. */
  private end(): void {
    const data = this.config.suffix === 'none' ? this.scanData() : null;
    if (data !== null) this.emitScan(data);
    else this.release();
  }

  private take(): Held<Origin>[] {
    const held = this.held;
    this.held = [];
    this.altDigits = '';
    this.cancelTimer?.();
    this.cancelTimer = null;
    return held;
  }

  private emitScan(data: string): void {
    const first = this.take()[0];
    if (first) this.handlers.onScan(data, first.origin);
  }

  /** Gives the held characters back, in order, one call per run aimed at the same place. */
  private release(): void {
    const held = this.take();
    let start = 0;
    for (let i = 1; i <= held.length; i++) {
      const first = held[start];
      if (first === undefined) return;
      if (i < held.length && held[i]?.origin === first.origin) continue;
      const text = held
        .slice(start, i)
        .map((h) => h.raw)
        .join('');
      if (text !== '') this.handlers.onRelease(text, first.origin);
      start = i;
    }
  }
}
