import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '../../../src-shared/api/domain-photos';
import {
  bytesToBase64,
  cameraProblem,
  createThumbCache,
  refusalReason,
  tooLarge,
} from './photo-files';

/** The bytes a base64 string stands for, through the browser's own decoder. */
function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

describe('bytesToBase64', () => {
  it('encodes known vectors (RFC 4648)', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(bytesToBase64(text(''))).toBe('');
    expect(bytesToBase64(text('f'))).toBe('Zg==');
    expect(bytesToBase64(text('foob'))).toBe('Zm9vYg==');
    expect(bytesToBase64(text('foobar'))).toBe('Zm9vYmFy');
    expect(bytesToBase64(Uint8Array.from([0xff, 0xd8, 0xff]))).toBe('/9j/');
  });

  it('round-trips any bytes, including more than one chunk', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
        expect(decode(bytesToBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 40 },
    );
  });

  it('handles a photo of several MB', () => {
    const bytes = new Uint8Array(3_000_000).map((_, i) => i % 251);
    const back = decode(bytesToBase64(bytes));
    expect(back.length).toBe(bytes.length);
    // A loop: deep equality over 3 million elements is far slower than the encoding itself.
    expect(back.findIndex((b, i) => b !== bytes[i])).toBe(-1);
  });
});

describe('cameraProblem', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'missing'],
    ['OverconstrainedError', 'missing'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, problem) => {
    expect(cameraProblem({ name, message: 'x' })).toBe(problem);
  });

  it('treats anything without a name as a failure', () => {
    expect(cameraProblem('boom')).toBe('failed');
    expect(cameraProblem(null)).toBe('failed');
  });
});

describe('refusalReason and tooLarge', () => {
  it('reads the reason the station gives, and nothing else', () => {
    expect(
      refusalReason({ code: 'invalid_input', message: 'm', params: { reason: 'damaged' } }),
    ).toBe('damaged');
    expect(
      refusalReason({ code: 'invalid_input', message: 'm', params: { reason: 'other' } }),
    ).toBeNull();
    expect(refusalReason({ code: 'internal', message: 'm' })).toBeNull();
  });

  it('refuses more than 10 MiB before upload', () => {
    expect(tooLarge(PHOTO_MAX_BYTES)).toBe(false);
    expect(tooLarge(PHOTO_MAX_BYTES + 1)).toBe(true);
  });
});

describe('createThumbCache', () => {
  it('fetches each photo once, evicts the least recently used, retries a failure', async () => {
    const calls: string[] = [];
    let fail = true;
    const cache = createThumbCache((sha) => {
      calls.push(sha);
      if (sha === 'bad' && fail) {
        fail = false;
        return Promise.reject(new Error('offline'));
      }
      return Promise.resolve(`data:${sha}`);
    }, 2);
    expect(await cache.get('a')).toBe('data:a');
    expect(await cache.get('a')).toBe('data:a');
    expect(await cache.get('b')).toBe('data:b');
    await cache.get('a'); // a is now the most recent
    await cache.get('c'); // evicts b
    expect(cache.size()).toBe(2);
    await cache.get('a');
    await cache.get('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);

    await expect(cache.get('bad')).rejects.toThrow('offline');
    expect(await cache.get('bad')).toBe('data:bad');
  });

  it('shares one request between concurrent readers', async () => {
    let n = 0;
    const cache = createThumbCache((sha) => {
      n += 1;
      return Promise.resolve(sha);
    });
    await Promise.all([cache.get('x'), cache.get('x'), cache.get('x')]);
    expect(n).toBe(1);
  });
});
