import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStation, type Station } from '../station';
import { tempDir } from '../test-support/temp-dir';

let dir: ReturnType<typeof tempDir>;
let station: Station;
let now = Date.UTC(2026, 10, 28, 9, 0, 0);
const clock = () => now;

const signIn = (badge: string, pin: string, client = 'screen-1') =>
  station.registry.dispatch('auth.signIn', { badge, pin }, { clientId: client, transport: 'test' });

beforeEach(() => {
  dir = tempDir();
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock,
    validateOutput: true,
  });
});
afterEach(() => {
  station.close();
  dir.cleanup();
});

describe('sign-in by badge and PIN', () => {
  it('signs in with the right PIN and records the event with the user as actor', async () => {
    expect(await signIn('QCS-INSP-0001', '1234')).toMatchObject({
      ok: true,
      value: { role: 'inspector' },
    });
    const last = station.db
      .prepare<[], { type: string; actor: string }>(
        'SELECT type, actor FROM events ORDER BY seq DESC LIMIT 1',
      )
      .get();
    expect(last).toEqual({ type: 'user.signed-in', actor: 'usr-inspector-1' });
  });

  it('refuses an unknown badge and a wrong PIN, counting down the attempts', async () => {
    expect(await signIn('NOPE', '1234')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const wrong = await signIn('QCS-INSP-0001', '9999');
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', params: { attemptsLeft: 4 } },
    });
  });

  it('locks the badge for 5 minutes after five wrong PINs, even for the right PIN, then lets it in', async () => {
    for (let i = 0; i < 5; i += 1) await signIn('QCS-INSP-0001', '0000');
    const locked = await signIn('QCS-INSP-0001', '1234');
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    now += 4 * 60_000;
    expect(await signIn('QCS-INSP-0001', '1234')).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    now += 61_000;
    expect(await signIn('QCS-INSP-0001', '1234')).toMatchObject({ ok: true });
  });

  it('keeps the lock-out across a restart (it is a projection of the log)', async () => {
    for (let i = 0; i < 5; i += 1) await signIn('QCS-MGR-0001', '0000');
    station.close();
    station = openStation({ dataDir: dir.path, mode: 'browser', clock });
    expect(await signIn('QCS-MGR-0001', '5678')).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
  });

  it('ends a session after the idle time', async () => {
    await signIn('QCS-INSP-0001', '1234');
    const list = () =>
      station.registry.dispatch('suppliers.list', {}, { clientId: 'screen-1', transport: 'test' });
    expect(await list()).toMatchObject({ ok: true });
    now += 16 * 60_000;
    expect(await list()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
