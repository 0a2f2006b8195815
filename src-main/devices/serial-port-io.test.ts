import { describe, expect, it } from 'vitest';
import { closePortQuietly, explainOpenError, type ScannerPort } from './serial-port-io';

describe('explainOpenError', () => {
  // Messages as @serialport/bindings-cpp words them ("Error: <strerror>, cannot open <path>").
  it.each([
    ['Error: No such file or directory, cannot open /dev/ttyACM0', 'missing', /^no serial port at/],
    ['Error: Permission denied, cannot open /dev/ttyACM0', 'permission', /dialout group/],
    ['Error Resource temporarily unavailable Cannot lock port', 'busy', /another program/],
    ['Error: Device or resource busy, cannot open /dev/ttyACM0', 'busy', /another program/],
    [
      'Error: Inappropriate ioctl for device setting custom baud rate of 9600',
      'not-serial',
      /not a serial port/,
    ],
    ['Error: Input/output error', 'other', /: Input\/output error$/],
  ])('%s → %s', (message, failure, detail) => {
    const explained = explainOpenError('/dev/ttyACM0', new Error(message));
    expect(explained.failure).toBe(failure);
    expect(explained.detail).toMatch(detail);
    expect(explained.detail).toContain('/dev/ttyACM0');
  });
});

describe('closePortQuietly', () => {
  const port = (close: ScannerPort['close'], isOpen = true): ScannerPort => ({
    isOpen,
    open: () => undefined,
    close,
    onData: () => undefined,
    onClose: () => undefined,
    onError: () => undefined,
  });

  it('resolves when the close fails, throws, never calls back, or the port is not open', async () => {
    await closePortQuietly(port((cb) => cb(new Error('EIO'))));
    await closePortQuietly(
      port(() => {
        throw new Error('Port is not open');
      }),
    );
    await closePortQuietly(
      port(() => undefined),
      20,
    );
    let called = false;
    await closePortQuietly(
      port(() => {
        called = true;
      }, false),
    );
    expect(called).toBe(false);
  });
});
