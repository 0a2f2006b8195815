import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { startHttpBridge, type HttpBridge } from './http-bridge';

let dir: ReturnType<typeof tempDir>;
let station: Station;
let bridge: HttpBridge;

beforeAll(async () => {
  dir = tempDir();
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    validateOutput: true,
  });
  bridge = await startHttpBridge({
    registry: station.registry,
    bus: station.bus,
    host: '127.0.0.1',
    port: 0,
    rendererDir: null,
  });
});
afterAll(async () => {
  await bridge.close();
  station.close();
  dir.cleanup();
});

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request, so tests control every header (Host and Origin included). */
function post(path: string, body: string, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, method: 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function without(headers: Record<string, string>, name: string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
}

const good = () => ({
  'content-type': 'application/json',
  authorization: `Bearer ${bridge.token}`,
  'x-qcs-client': 'client-0001',
});

describe('HTTP bridge (browser mode)', () => {
  it('answers /health', async () => {
    const res = await fetch(`${bridge.url}health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('dispatches a call with the token and a same-origin Origin', async () => {
    const res = await post('/api/call/system.ping', '{"value":"hello"}', {
      ...good(),
      origin: `http://127.0.0.1:${bridge.port}`,
    });
    expect(res).toEqual({ status: 200, body: { ok: true, value: { value: 'hello' } } });
  });

  it('refuses a missing or wrong token', async () => {
    const noToken = without(good(), 'authorization');
    expect(await post('/api/call/system.ping', '{"value":"x"}', noToken)).toMatchObject({
      status: 401,
      body: { error: { code: 'bad_token' } },
    });
    expect(
      await post('/api/call/system.ping', '{"value":"x"}', {
        ...good(),
        authorization: 'Bearer nope',
      }),
    ).toMatchObject({
      status: 401,
      body: { error: { code: 'bad_token' } },
    });
  });

  it('refuses a foreign Origin even with the token (CSRF)', async () => {
    expect(
      await post('/api/call/system.ping', '{"value":"x"}', {
        ...good(),
        origin: 'https://evil.example',
      }),
    ).toMatchObject({
      status: 403,
      body: { error: { code: 'bad_origin' } },
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect(
      await post('/api/call/system.ping', '{"value":"x"}', {
        ...good(),
        host: `evil.example:${bridge.port}`,
      }),
    ).toMatchObject({
      status: 403,
      body: { error: { code: 'bad_origin' } },
    });
  });

  it('answers malformed input, malformed JSON, a missing client id and an unknown name cleanly', async () => {
    expect(await post('/api/call/system.ping', '{"value":12}', good())).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_input' } },
    });
    const badJson = await post('/api/call/system.ping', '{"value":', good());
    expect(badJson.status).toBe(400);
    expect(badJson.body.ok).toBe(false);
    const noClient = without(good(), 'x-qcs-client');
    expect(await post('/api/call/system.ping', '{"value":"x"}', noClient)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_input' } },
    });
    expect(await post('/api/call/nope.nothing', '{}', good())).toMatchObject({
      status: 404,
      body: { error: { code: 'unknown_call' } },
    });
    expect(await post('/api/call/suppliers.list', '{}', good())).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
  });

  it('keeps sessions per screen', async () => {
    const a = { ...good(), 'x-qcs-client': 'screen-aaaa' };
    const b = { ...good(), 'x-qcs-client': 'screen-bbbb' };
    expect(
      await post('/api/call/auth.signIn', '{"badge":"QCS-INSP-0001","pin":"1234"}', a),
    ).toMatchObject({ status: 200 });
    expect(await post('/api/call/suppliers.list', '{}', a)).toMatchObject({ status: 200 });
    expect(await post('/api/call/suppliers.list', '{}', b)).toMatchObject({ status: 401 });
  });

  it('pushes events over the WebSocket, and refuses a bad token or a foreign Origin', async () => {
    const url = `ws://127.0.0.1:${bridge.port}/api/events?client=client-0001&token=`;
    const refused = (ws: WebSocket) =>
      new Promise<number>((resolve) => {
        ws.on('close', (code) => resolve(code));
        ws.on('error', () => resolve(-1));
      });
    expect(await refused(new WebSocket(`${url}wrong`))).toBe(4401);
    expect(
      await refused(new WebSocket(`${url}${bridge.token}`, { origin: 'https://evil.example' })),
    ).toBe(4401);

    const ws = new WebSocket(`${url}${bridge.token}`, {
      origin: `http://127.0.0.1:${bridge.port}`,
    });
    await new Promise((resolve) => ws.on('open', resolve));
    const message = new Promise<{ event: string; payload: { outcome: string } }>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const parsed = JSON.parse(data.toString()) as {
          event: string;
          payload: { outcome: string };
        };
        if (parsed.event === 'scan.result') resolve(parsed);
      }),
    );
    const headers = { ...good(), 'x-qcs-client': 'screen-aaaa' };
    await post(
      '/api/call/scan.submit',
      JSON.stringify({ data: ']E06920001000011', source: 'manual' }),
      headers,
    );
    expect((await message).payload.outcome).toBe('no-open-delivery');
    ws.close();
  });
});
