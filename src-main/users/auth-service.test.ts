import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed';
import { openStation, openStationCore, type Station, type StationCore } from '../station';
import { tempDir } from '../test-support/temp-dir';
import { AuthService, LOCKOUT_MS, MAX_PIN_FAILURES } from './auth-service';
import { Sessions } from './sessions';

let dir: ReturnType<typeof tempDir>;
let station: Station;
let now = Date.UTC(2026, 10, 28, 9, 0, 0);
const clock = () => now;

const signIn = (badge: string, pin: string, client = 'screen-1') =>
  station.registry.dispatch('auth.signIn', { badge, pin }, { clientId: client, transport: 'test' });

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.cleanup();
});

describe('sign-in by badge and PIN', () => {
  beforeEach(() => {
    station = openStation({
      dataDir: dir.path,
      mode: 'browser',
      demo: true,
      clock,
      validateOutput: true,
    });
  });
  afterEach(() => {
    try {
      station.close();
    } catch {
      // The station did not open; the outer hook still removes its folder.
    }
  });

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

  it('takes the idle time from the station settings', async () => {
    const list = () =>
      station.registry.dispatch('suppliers.list', {}, { clientId: 'screen-1', transport: 'test' });
    station.settings.update({ idleSignOutMinutes: 30 }, 'usr-admin-1');
    await signIn('QCS-INSP-0001', '1234');
    now += 29 * 60_000;
    expect(await list()).toMatchObject({ ok: true });
    station.settings.update({ idleSignOutMinutes: 5 }, 'usr-admin-1');
    now += 5 * 60_000 + 1;
    expect(await list()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('manager sign-off (AuthService.verifySignOff)', () => {
  let core: StationCore;
  let auth: AuthService;
  let sessions: Sessions;
  let t = Date.UTC(2026, 10, 28, 9, 0, 0);

  beforeEach(() => {
    t = Date.UTC(2026, 10, 28, 9, 0, 0);
    core = openStationCore(dir.path, { clock: () => t });
    seedDemo(core.log, core.repos, '2026-11-28');
    sessions = new Sessions(
      () => 15 * 60_000,
      () => t,
    );
    auth = new AuthService(core.repos.users, core.log, sessions, () => t);
  });
  afterEach(() => core.close());

  const refusal = (badge: string, pin: string) => {
    try {
      auth.verifySignOff(badge, pin);
    } catch (err) {
      return err as { code: string; message: string; params?: Record<string, number> };
    }
    throw new Error(`the sign-off of ${badge} was accepted`);
  };
  const failures = () =>
    core.db
      .prepare<[], { payload: string }>(
        "SELECT payload FROM events WHERE type = 'user.sign-in-failed' ORDER BY seq",
      )
      .all()
      .map((r) => (JSON.parse(r.payload) as { why: string }).why);

  it("accepts a QC manager's and an admin's badge and PIN, opening no session", () => {
    expect(auth.verifySignOff('QCS-MGR-0001', '5678')).toMatchObject({
      userId: 'usr-manager-1',
      role: 'qc-manager',
    });
    expect(auth.verifySignOff('QCS-ADM-0001', '9999')).toMatchObject({ role: 'admin' });
    expect(sessions.currentUser()).toBeNull();
  });

  it("refuses an inspector's badge even with the right PIN", () => {
    const inspector = refusal('QCS-INSP-0001', '1234');
    expect(inspector.code).toBe('forbidden');
    expect(inspector.message).toMatch(/cannot sign off: only a QC manager or an admin can/);
    expect(refusal('QCS-INSP-0002', '2345')).toMatchObject({ code: 'forbidden' });
  });

  it('refuses an unknown badge and a wrong PIN, and puts both on record', () => {
    expect(refusal('QCS-NOBODY', '5678')).toMatchObject({ code: 'unauthenticated' });
    expect(refusal('QCS-MGR-0001', '0000')).toMatchObject({
      code: 'unauthenticated',
      params: { attemptsLeft: MAX_PIN_FAILURES - 1 },
    });
    expect(failures()).toEqual(['unknown-badge', 'wrong-pin']);
  });

  it('locks the badge after five wrong PINs at the sign-off: the right PIN is refused for 5 minutes', () => {
    for (let i = 1; i < MAX_PIN_FAILURES; i += 1) {
      expect(refusal('QCS-MGR-0001', '0000')).toMatchObject({
        code: 'unauthenticated',
        params: { attemptsLeft: MAX_PIN_FAILURES - i },
      });
      t += 10_000;
    }
    expect(refusal('QCS-MGR-0001', '0000')).toMatchObject({
      code: 'locked',
      params: { attemptsLeft: 0 },
    });
    expect(refusal('QCS-MGR-0001', '5678')).toMatchObject({
      code: 'locked',
      params: { seconds: LOCKOUT_MS / 1000 },
    });
    // The same lock-out holds for signing in: it is one badge.
    expect(() => auth.signIn('screen-1', 'QCS-MGR-0001', '5678')).toThrow(/locked/);
    t += LOCKOUT_MS - 1000;
    expect(refusal('QCS-MGR-0001', '5678')).toMatchObject({
      code: 'locked',
      params: { seconds: 1 },
    });
    t += 1000;
    expect(auth.verifySignOff('QCS-MGR-0001', '5678')).toMatchObject({ role: 'qc-manager' });
    expect(failures()).toEqual([
      ...Array<string>(MAX_PIN_FAILURES).fill('wrong-pin'),
      'locked',
      'locked',
      'locked',
    ]);
  });

  it('refuses the sign-off of a badge locked by wrong PINs at sign-in', () => {
    for (let i = 0; i < MAX_PIN_FAILURES; i += 1) {
      expect(() => auth.signIn('screen-1', 'QCS-MGR-0001', '0000')).toThrow();
    }
    expect(refusal('QCS-MGR-0001', '5678')).toMatchObject({ code: 'locked' });
  });

  it('refuses a deactivated manager badge', () => {
    const manager = core.repos.users.byBadge('QCS-MGR-0001');
    if (!manager) throw new Error('demo manager missing');
    core.log.append({
      type: 'user.upserted',
      payload: {
        userId: manager.user_id,
        name: manager.name,
        role: 'qc-manager',
        badge: manager.badge,
        pinHash: manager.pin_hash,
        active: false,
      },
      actor: 'usr-admin-1',
      subjects: [`user:${manager.user_id}`],
    });
    expect(refusal('QCS-MGR-0001', '5678')).toMatchObject({ code: 'forbidden' });
    expect(failures()).toEqual(['inactive']);
  });
});
