import { describe, expect, it } from 'vitest';
import {
  isAllowedScanByte,
  ScanFramer,
  type FramingOutput,
  type ScanFramerOptions,
  type Terminator,
} from './scan-framing';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const frames = (out: FramingOutput[]) => out.flatMap((o) => (o.kind === 'frame' ? [o.data] : []));
const warnings = (out: FramingOutput[]) =>
  out.flatMap((o) => (o.kind === 'warning' ? [o.warning] : []));

/** A framer on a fake clock: `feed` advances the clock first, like bytes arriving later. */
function framer(terminator: Terminator, options: Partial<ScanFramerOptions> = {}) {
  const f = new ScanFramer({ device: 'dock-1', terminator, ...options });
  let now = 1_000;
  const all: FramingOutput[] = [];
  return {
    f,
    all,
    feed(data: string | Uint8Array, afterMs = 0) {
      now += afterMs;
      const out = f.push(typeof data === 'string' ? bytes(data) : data, now);
      all.push(...out);
      return out;
    },
    advance(ms: number) {
      now += ms;
      const out = f.tick(now);
      all.push(...out);
      return out;
    },
  };
}

const GS1_128 = ']C1010950600013435210ABC123\x1d17261231';
const DATAMATRIX = ']d2010950600013435217261231\x1d10LOT-7\x1d21SN0001';
const ISO_15434 = '[)>\x1e06\x1dP12345\x1dQ10\x1e\x04';

describe('ScanFramer: terminators', () => {
  it.each<[Terminator, string]>([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['ETX', '\x03'],
  ])('%s ends a frame; AIM ids, GS, RS and EOT stay in the data', (terminator, end) => {
    const t = framer(terminator);
    const out = t.feed(`${GS1_128}${end}${DATAMATRIX}${end}${ISO_15434}${end}`);
    expect(frames(out)).toEqual([GS1_128, DATAMATRIX, ISO_15434]);
    expect(warnings(out)).toEqual([]);
    expect(t.f.deadline()).toBeNull();
  });

  it('assembles a frame split across many chunks, including a CR LF split in two', () => {
    const t = framer('CRLF');
    const input = `${GS1_128}\r\n4006381333931\r\n`;
    const out: FramingOutput[] = [];
    for (const ch of input) out.push(...t.feed(ch, 1));
    expect(frames(out)).toEqual([GS1_128, '4006381333931']);
  });

  it('in CRLF mode a lone CR is data, and invalid', () => {
    const t = framer('CRLF');
    const out = t.feed('AB\rCD\r\n');
    expect(frames(out)).toEqual([]);
    expect(warnings(out)).toMatchObject([{ code: 'invalid-bytes', bytes: 5 }]);
    expect(warnings(out)[0]?.message).toMatch(/0x0D at byte 3/);
    expect(warnings(out)[0]?.message).toMatch(/suffix does not match/);
  });

  it('in ETX mode drops the STX that opens the frame', () => {
    const t = framer('ETX');
    expect(frames(t.feed('\x024006381333931\x03'))).toEqual(['4006381333931']);
  });

  it('ignores a bare terminator (an empty frame is not a scan)', () => {
    const t = framer('CR');
    const out = t.feed('\r\r4006381333931\r\r');
    expect(frames(out)).toEqual(['4006381333931']);
    expect(warnings(out)).toEqual([]);
  });

  it('in none mode the inter-byte timeout ends the frame', () => {
    const t = framer('none', { partialFrameTimeoutMs: 50 });
    expect(t.feed(']E0400638133393')).toEqual([]);
    expect(t.feed('1', 10)).toEqual([]);
    expect(t.f.deadline()).toBe(1_000 + 10 + 50);
    expect(t.advance(49)).toEqual([]);
    expect(frames(t.advance(1))).toEqual([']E04006381333931']);
    expect(t.f.deadline()).toBeNull();
    // Bytes after a silence start a new frame.
    t.feed('ABC', 500);
    expect(frames(t.advance(50))).toEqual(['ABC']);
  });

  it('in none mode a late push first ends the stale frame (a timer that fired late)', () => {
    const t = framer('none', { partialFrameTimeoutMs: 50 });
    t.feed('FIRST');
    const out = t.feed('SECOND', 80);
    expect(frames(out)).toEqual(['FIRST']);
    expect(frames(t.advance(50))).toEqual(['SECOND']);
  });
});

describe('ScanFramer: too long', () => {
  it('accepts exactly 2,000 bytes', () => {
    const t = framer('CR');
    const data = 'A'.repeat(2000);
    expect(frames(t.feed(`${data}\r`))).toEqual([data]);
  });

  it('discards a 2,431-byte frame with a readable warning, then resynchronises', () => {
    const t = framer('CR');
    const out = t.feed(`${'9'.repeat(2431)}\r4006381333931\r`);
    expect(frames(out)).toEqual(['4006381333931']);
    expect(warnings(out)).toEqual([
      {
        code: 'frame-too-long',
        device: 'dock-1',
        bytes: 2431,
        message: "Scanner 'dock-1' sent a 2,431-byte frame; discarded (limit 2,000)",
      },
    ]);
  });

  it('counts an overlong frame across chunks and resynchronises in CRLF mode', () => {
    const t = framer('CRLF');
    const out = [
      ...t.feed('X'.repeat(1500)),
      ...t.feed('X'.repeat(1500), 5),
      ...t.feed('\r', 5),
      ...t.feed('\nGOOD\r\n', 5),
    ];
    expect(warnings(out)).toMatchObject([{ code: 'frame-too-long', bytes: 3000 }]);
    expect(frames(out)).toEqual(['GOOD']);
  });

  it('reports an overlong frame that never ends when it times out', () => {
    const t = framer('LF');
    t.feed('Z'.repeat(2500));
    const out = t.advance(300);
    expect(warnings(out)).toMatchObject([{ code: 'frame-too-long', bytes: 2500 }]);
    expect(warnings(out)[0]?.message).toBe(
      "Scanner 'dock-1' sent 2,500 bytes without a terminator (LF); discarded (limit 2,000)",
    );
    expect(frames(t.feed('OK\n'))).toEqual(['OK']);
  });

  it('in ETX mode the STX does not count against the limit', () => {
    const t = framer('ETX');
    const data = 'B'.repeat(2000);
    expect(frames(t.feed(`\x02${data}\x03`))).toEqual([data]);
    expect(warnings(t.feed(`\x02${data}B\x03`))).toMatchObject([
      { code: 'frame-too-long', bytes: 2001 },
    ]);
  });

  it('honours a configured limit', () => {
    const t = framer('CR', { maxFrameBytes: 10 });
    const out = t.feed('0123456789\r0123456789X\r');
    expect(frames(out)).toEqual(['0123456789']);
    expect(warnings(out)[0]?.message).toMatch(/11-byte frame; discarded \(limit 10\)/);
  });
});

describe('ScanFramer: invalid bytes', () => {
  it('allows printable ASCII, GS, RS and EOT and nothing else', () => {
    const allowed = Array.from({ length: 256 }, (_, b) => b).filter(isAllowedScanByte);
    expect(allowed).toEqual([
      0x04,
      0x1d,
      0x1e,
      ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
    ]);
  });

  it('discards a frame with 0x00 and 0xFF, naming them, and keeps the next good scan', () => {
    const t = framer('CR');
    const out = t.feed(Uint8Array.from([0x41, 0x00, 0xff, 0x42, 0x0d, ...bytes('GOOD\r')]));
    expect(frames(out)).toEqual(['GOOD']);
    expect(warnings(out)).toEqual([
      {
        code: 'invalid-bytes',
        device: 'dock-1',
        bytes: 4,
        message:
          "Scanner 'dock-1' sent a 4-byte frame with bytes that are not barcode text (0x00 at byte 2, 0xFF at byte 3); discarded. Likely cause: the baud rate, data bits or parity differ between scanner and station.",
      },
    ]);
  });

  it('lists at most four bad bytes', () => {
    const t = framer('CR');
    const out = t.feed(Uint8Array.from([1, 2, 5, 6, 7, 8, 0x0d]));
    expect(warnings(out)[0]?.message).toMatch(/at byte 4 and 2 more\)/);
  });

  it('hints at a terminator mismatch when CR LF arrives in CR mode', () => {
    const t = framer('CR');
    const out = t.feed('FIRST\r\nSECOND\r\n');
    expect(frames(out)).toEqual(['FIRST']);
    expect(warnings(out)[0]).toMatchObject({ code: 'invalid-bytes' });
    expect(warnings(out)[0]?.message).toMatch(/suffix does not match this scanner's terminator/);
  });

  it('rejects a tab, DEL and bytes above 0x7F (UTF-8)', () => {
    for (const bad of [[0x09], [0x7f], [0xc3, 0xa9]]) {
      const t = framer('CR');
      expect(frames(t.feed(Uint8Array.from([0x41, ...bad, 0x0d])))).toEqual([]);
      expect(t.all).toHaveLength(1);
    }
  });
});

describe('ScanFramer: partial frames', () => {
  it('discards a partial frame after 300 ms of silence by default, with a warning', () => {
    const t = framer('CR');
    t.feed('PARTIAL');
    expect(t.f.deadline()).toBe(1_300);
    expect(t.advance(299)).toEqual([]);
    const out = t.advance(1);
    expect(warnings(out)).toEqual([
      {
        code: 'partial-frame-timeout',
        device: 'dock-1',
        bytes: 7,
        message:
          "Scanner 'dock-1' sent 7 bytes without a terminator (CR) and then nothing for 300 ms; discarded (check that the scanner's suffix is set to CR)",
      },
    ]);
    expect(t.f.deadline()).toBeNull();
    // The discarded bytes do not leak into the next scan.
    expect(frames(t.feed('4006381333931\r'))).toEqual(['4006381333931']);
  });

  it('restarts the timeout with every byte (inter-byte, not per frame)', () => {
    const t = framer('CR', { partialFrameTimeoutMs: 100 });
    for (let i = 0; i < 10; i += 1) t.feed('A', 90);
    expect(t.all).toEqual([]);
    expect(frames(t.feed('\r', 90))).toEqual(['AAAAAAAAAA']);
  });

  it('a late byte after the timeout starts a new frame instead of completing the old one', () => {
    const t = framer('CR');
    const out = t.feed('HALF', 0);
    expect(out).toEqual([]);
    const later = t.feed('NEW\r', 301);
    expect(warnings(later)).toMatchObject([{ code: 'partial-frame-timeout', bytes: 4 }]);
    expect(frames(later)).toEqual(['NEW']);
  });

  it('says so when a CR arrived but the LF never did (CRLF mode)', () => {
    const t = framer('CRLF');
    t.feed('DATA\r');
    const out = t.advance(300);
    expect(warnings(out)).toMatchObject([{ code: 'partial-frame-timeout', bytes: 5 }]);
    expect(warnings(out)[0]?.message).toMatch(/ended with CR but no LF/);
  });

  it('abandon() discards what is held, with a warning, and is silent when nothing is held', () => {
    const t = framer('CR');
    expect(t.f.abandon()).toEqual([]);
    t.feed('HALF');
    expect(warnings(t.f.abandon())).toEqual([
      {
        code: 'partial-frame-abandoned',
        device: 'dock-1',
        bytes: 4,
        message: "Scanner 'dock-1' was disconnected in the middle of a frame; discarded 4 bytes",
      },
    ]);
    expect(t.f.hasPartialFrame).toBe(false);
  });

  it('rejects a non-positive timeout and an unknown terminator', () => {
    expect(
      () => new ScanFramer({ device: 'x', terminator: 'CR', partialFrameTimeoutMs: 0 }),
    ).toThrow(RangeError);
    expect(
      () => new ScanFramer({ device: 'x', terminator: 'TAB' as unknown as Terminator }),
    ).toThrow(/unknown terminator/);
  });
});
