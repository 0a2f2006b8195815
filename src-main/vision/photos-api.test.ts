import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpBridge, type HttpBridge } from '../api/http-bridge';
import type { CallContext } from '../api/registry';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { phoneJpeg, testJpeg } from './test-images.test-helper';

let dir: ReturnType<typeof tempDir>;
let station: Station;
let bridge: HttpBridge;
const ctx: CallContext = { clientId: 'photos-test-0001', transport: 'test' };

beforeAll(async () => {
  dir = tempDir();
  station = openStation({ dataDir: dir.path, mode: 'browser', demo: true, validateOutput: true });
  bridge = await startHttpBridge({
    registry: station.registry,
    bus: station.bus,
    host: '127.0.0.1',
    port: 0,
    rendererDir: null,
  });
  const signedIn = await station.registry.dispatch(
    'auth.signIn',
    { badge: 'QCS-INSP-0001', pin: '1234' },
    ctx,
  );
  expect(signedIn.ok).toBe(true);
});
afterAll(async () => {
  await bridge.close();
  station.close();
  dir.cleanup();
});

describe('photos.upload and photos.get', () => {
  it('stores an upload in the data directory and answers its hash and size', async () => {
    const input = await phoneJpeg({ width: 3000, height: 2000, orientation: 6 });
    const result = await station.registry.dispatch(
      'photos.upload',
      { base64: input.toString('base64'), fileName: 'IMG_0001.jpg' },
      ctx,
    );
    if (!result.ok) throw new Error(result.error.message);
    const value = result.value as { sha256: string; width: number; height: number; bytes: number };
    expect(value).toMatchObject({ width: 1365, height: 2048 });
    expect(Object.keys(value).sort()).toEqual(['bytes', 'height', 'sha256', 'width']);
    const h = value.sha256;
    expect(existsSync(join(dir.path, 'photos', h.slice(0, 2), h.slice(2, 4), `${h}.jpg`))).toBe(
      true,
    );
    expect(station.photos.has(h)).toBe(true);

    const full = await station.registry.dispatch('photos.get', { sha256: h, size: 'full' }, ctx);
    if (!full.ok) throw new Error(full.error.message);
    const fullValue = full.value as { mimeType: string; base64: string };
    expect(fullValue.mimeType).toBe('image/jpeg');
    const bytes = Buffer.from(fullValue.base64, 'base64');
    expect(bytes.length).toBe(value.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(h);

    const thumb = await station.registry.dispatch('photos.get', { sha256: h, size: 'thumb' }, ctx);
    if (!thumb.ok) throw new Error(thumb.error.message);
    const meta = await sharp(
      Buffer.from((thumb.value as { base64: string }).base64, 'base64'),
    ).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(320);
  });

  it('refuses an unreadable picture with the reason the UI translates', async () => {
    const jpeg = await testJpeg();
    const result = await station.registry.dispatch(
      'photos.upload',
      { base64: jpeg.subarray(0, 500).toString('base64'), fileName: 'broken.jpg' },
      ctx,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', params: { reason: 'damaged' } },
    });
  });

  it('validates input and output: base64 only, hashes only, signed-in users only', async () => {
    const notBase64 = await station.registry.dispatch('photos.upload', { base64: '@@@@' }, ctx);
    expect(notBase64).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const badHash = await station.registry.dispatch(
      'photos.get',
      { sha256: '../../station.db', size: 'full' },
      ctx,
    );
    expect(badHash).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await station.registry.dispatch(
      'photos.get',
      { sha256: 'ab'.repeat(32), size: 'thumb' },
      ctx,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const anonymous = await station.registry.dispatch(
      'photos.get',
      { sha256: 'ab'.repeat(32), size: 'full' },
      { clientId: 'nobody-00001', transport: 'test' },
    );
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('photos over the HTTP bridge', () => {
  const headers = (client: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${bridge.token}`,
    'x-qcs-client': client,
  });
  const call = async (name: string, body: string, client = 'http-photos-01') => {
    const res = await fetch(`${bridge.url}api/call/${name}`, {
      method: 'POST',
      headers: headers(client),
      body,
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; error?: unknown } };
  };

  beforeAll(async () => {
    const res = await call('auth.signIn', JSON.stringify({ badge: 'QCS-INSP-0002', pin: '2345' }));
    expect(res.body.ok).toBe(true);
  });

  it('takes a photo body of several MB, while every other call keeps the 1 MiB cap', async () => {
    // Random pixels do not compress: a 1600 × 1200 noise JPEG is a few MB, ~4 MB of base64.
    const noise = Buffer.alloc(1600 * 1200 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    const body = JSON.stringify({ base64: big.toString('base64'), fileName: 'noise.jpg' });
    expect(body.length).toBeGreaterThan(2 * 1_048_576);

    const upload = await call('photos.upload', body);
    expect(upload.status).toBe(200);
    expect(upload.body.ok).toBe(true);

    const other = await call('system.ping', JSON.stringify({ value: 'x'.repeat(2 * 1_048_576) }));
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(other.body)).toMatch(/too large/i);
  });

  it('still checks the token on the photo route', async () => {
    const res = await fetch(`${bridge.url}api/call/photos.upload`, {
      method: 'POST',
      headers: { ...headers('http-photos-01'), authorization: 'Bearer wrong' },
      body: JSON.stringify({ base64: 'AAAA' }),
    });
    expect(res.status).toBe(401);
  });
});
