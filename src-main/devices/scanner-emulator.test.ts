import { describe, expect, it } from 'vitest';
import { writeScans, type ScanSink } from './scanner-emulator';

function recordingSink() {
  const writes: Array<{ at: number; bytes: number[] }> = [];
  const sink: ScanSink = {
    write: (bytes) => {
      writes.push({ at: Date.now(), bytes: [...bytes] });
      return Promise.resolve();
    },
  };
  return { sink, writes };
}

describe('writeScans', () => {
  it('writes each scan with its terminator and returns the count', async () => {
    const { sink, writes } = recordingSink();
    const n = await writeScans(sink, ['A\x1dB', 'C'], { rate: 1000, terminator: 'CRLF' });
    expect(n).toBe(2);
    expect(writes.map((w) => w.bytes)).toEqual([
      [0x41, 0x1d, 0x42, 0x0d, 0x0a],
      [0x43, 0x0d, 0x0a],
    ]);
  });

  it('defaults to CR', async () => {
    const { sink, writes } = recordingSink();
    await writeScans(sink, ['X'], { rate: 1000 });
    expect(writes[0]?.bytes).toEqual([0x58, 0x0d]);
  });

  it('paces the scans at the rate, scheduled from the start', async () => {
    const { sink, writes } = recordingSink();
    const started = Date.now();
    await writeScans(sink, ['1', '2', '3', '4', '5'], { rate: 20 });
    // Five scans at 20/s: the last one goes 200 ms after the first (timers never fire early).
    expect(writes[4]!.at - started).toBeGreaterThanOrEqual(195);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops when aborted and refuses a rate that is not positive', async () => {
    const { sink, writes } = recordingSink();
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeScans(sink, ['1'], { rate: 10, signal: controller.signal }),
    ).rejects.toThrow();
    expect(writes).toEqual([]);
    await expect(writeScans(sink, ['1'], { rate: 0 })).rejects.toThrow(/rate must be > 0/);
  });
});
