import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserSummary } from '../../src-shared/api/domain-users';
import { openStation, type Station } from '../station';
import { callAs, valueOf, type TestRole } from '../test-support/station-calls';
import { tempDir } from '../test-support/temp-dir';
import { LOCKOUT_MS, MAX_PIN_FAILURES } from './auth-service';

let dir: ReturnType<typeof tempDir>;
let station: Station;
let now = Date.UTC(2026, 10, 28, 9, 0, 0);

const call = <T>(name: string, input: unknown, role: TestRole = 'admin') =>
  callAs<T>(station, role, name, input);
const save = (input: Record<string, unknown>) => call<UserSummary>('users.save', input);
const list = () => valueOf(call<UserSummary[]>('users.list', {}));
const signIn = (badge: string, pin: string) =>
  station.registry.dispatch('auth.signIn', { badge, pin }, { clientId: 'dock', transport: 'test' });
const userEvents = (userId: string) =>
  station.db
    .prepare<[string], { type: string; actor: string; payload: string }>(
      `SELECT e.type, e.actor, e.payload FROM event_subjects s JOIN events e ON e.seq = s.seq
       WHERE s.subject = ? ORDER BY e.seq`,
    )
    .all(`user:${userId}`);

beforeEach(() => {
  dir = tempDir();
  now = Date.UTC(2026, 10, 28, 9, 0, 0);
  station = openStation({
    dataDir: dir.path,
    mode: 'browser',
    demo: true,
    clock: () => now,
    validateOutput: true,
  });
});
afterEach(() => {
  station.close();
  dir.cleanup();
});

describe('users.save', () => {
  it('creates a user whose badge then signs in with its PIN; the event holds the hash and the admin as actor', async () => {
    const created = await valueOf(
      save({
        name: 'Zhao Min 赵敏',
        role: 'inspector',
        badge: 'QCS-INSP-0099',
        active: true,
        pin: '4321',
      }),
    );
    expect(created).toMatchObject({
      name: 'Zhao Min 赵敏',
      role: 'inspector',
      badge: 'QCS-INSP-0099',
      active: true,
      failedAttempts: 0,
      lockedUntil: null,
      lastSignInAt: null,
    });
    expect(await signIn('QCS-INSP-0099', '4321')).toMatchObject({
      ok: true,
      value: { userId: created.userId, role: 'inspector' },
    });
    expect(await signIn('QCS-INSP-0099', '1234')).toMatchObject({ ok: false });

    const [upserted] = userEvents(created.userId);
    expect(upserted).toMatchObject({ type: 'user.upserted', actor: 'usr-admin-1' });
    const payload = JSON.parse(upserted?.payload ?? '{}') as Record<string, unknown>;
    expect(payload.pinHash).toMatch(/^scrypt\$/);
    expect(upserted?.payload).not.toContain('4321');
    expect((await list()).find((u) => u.userId === created.userId)?.lastSignInAt).toBe(
      new Date(now).toISOString(),
    );
  });

  it('refuses a new user without a PIN and a PIN that is not 4 to 8 digits', async () => {
    const base = { name: 'No Pin', role: 'inspector', badge: 'QCS-NOPIN', active: true };
    expect(await save(base)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await save({ ...base, pin: '12a4' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await save({ ...base, pin: '123456789' })).toMatchObject({ ok: false });
    expect((await list()).some((u) => u.badge === 'QCS-NOPIN')).toBe(false);
  });

  it('resets a PIN: the old one stops working, the new one works; an update without a PIN keeps it', async () => {
    const inspector = {
      userId: 'usr-inspector-1',
      name: 'Li Wei',
      role: 'inspector',
      badge: 'QCS-INSP-0001',
      active: true,
    };
    await valueOf(save({ ...inspector, pin: '24680' }));
    expect(await signIn('QCS-INSP-0001', '1234')).toMatchObject({ ok: false });
    expect(await signIn('QCS-INSP-0001', '24680')).toMatchObject({ ok: true });
    // Renamed without a PIN: the PIN stays what it was.
    await valueOf(save({ ...inspector, name: 'Li Wei 李伟' }));
    expect(await signIn('QCS-INSP-0001', '24680')).toMatchObject({ ok: true });
  });

  it('deactivates a user: the badge is refused and a session of theirs ends', async () => {
    const manager = {
      userId: 'usr-manager-1',
      name: 'Chen Jing',
      role: 'qc-manager',
      badge: 'QCS-MGR-0001',
    };
    expect(await signIn('QCS-MGR-0001', '5678')).toMatchObject({ ok: true });
    await valueOf(save({ ...manager, active: false }));
    expect(station.sessions.userFor('dock')).toBeNull();
    expect(await signIn('QCS-MGR-0001', '5678')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await list()).find((u) => u.userId === 'usr-manager-1')?.active).toBe(false);
    await valueOf(save({ ...manager, active: true }));
    expect(await signIn('QCS-MGR-0001', '5678')).toMatchObject({ ok: true });
  });

  it('refuses a badge that belongs to another user, on create and on update', async () => {
    const dup = await save({
      name: 'Copy',
      role: 'inspector',
      badge: 'QCS-MGR-0001',
      active: true,
      pin: '1111',
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dup.error.message).toMatch(/QCS-MGR-0001 already belongs to/);
    const moved = await save({
      userId: 'usr-inspector-1',
      name: 'Li Wei',
      role: 'inspector',
      badge: 'QCS-MGR-0001',
      active: true,
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(station.repos.users.byId('usr-inspector-1')?.badge).toBe('QCS-INSP-0001');
  });

  it('keeps the last active admin: no self-demotion or deactivation until another admin exists', async () => {
    const admin = {
      userId: 'usr-admin-1',
      name: 'Admin',
      role: 'admin',
      badge: 'QCS-ADM-0001',
      active: true,
    };
    const demote = await save({ ...admin, role: 'qc-manager' });
    expect(demote).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(demote.error.message).toMatch(/You are the last active admin/);
    expect(await save({ ...admin, active: false })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(station.repos.users.byId('usr-admin-1')).toMatchObject({ role: 'admin', active: 1 });

    // An inactive admin does not count: the station would still have nobody to manage it.
    const spare = await valueOf(
      save({
        name: 'Spare admin',
        role: 'admin',
        badge: 'QCS-ADM-0002',
        active: false,
        pin: '8642',
      }),
    );
    expect(await save({ ...admin, active: false })).toMatchObject({ ok: false });
    await valueOf(
      save({
        userId: spare.userId,
        name: spare.name,
        role: 'admin',
        badge: spare.badge,
        active: true,
      }),
    );
    expect(await save({ ...admin, role: 'qc-manager' })).toMatchObject({
      ok: true,
      value: { role: 'qc-manager' },
    });
  });
});

describe('users.unlock', () => {
  it('lets a locked badge in before its 5 minutes are over, recording who unlocked it', async () => {
    for (let i = 0; i < MAX_PIN_FAILURES; i += 1) await signIn('QCS-INSP-0002', '0000');
    expect(await signIn('QCS-INSP-0002', '2345')).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    const locked = (await list()).find((u) => u.badge === 'QCS-INSP-0002');
    expect(locked).toMatchObject({
      failedAttempts: MAX_PIN_FAILURES,
      lockedUntil: new Date(now + LOCKOUT_MS).toISOString(),
    });

    now += 60_000;
    const unlocked = await valueOf(
      call<UserSummary>('users.unlock', { userId: 'usr-inspector-2' }),
    );
    expect(unlocked).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(await signIn('QCS-INSP-0002', '2345')).toMatchObject({ ok: true });
    expect(
      userEvents('usr-inspector-2').some(
        (e) => e.type === 'user.unlocked' && e.actor === 'usr-admin-1',
      ),
    ).toBe(true);
  });

  it('keeps the unlock across a restart (the projection is rebuilt from the log)', async () => {
    for (let i = 0; i < MAX_PIN_FAILURES; i += 1) await signIn('QCS-MGR-0001', '0000');
    await valueOf(call('users.unlock', { userId: 'usr-manager-1' }));
    station.close();
    station = openStation({ dataDir: dir.path, mode: 'browser', clock: () => now });
    expect(await signIn('QCS-MGR-0001', '5678')).toMatchObject({ ok: true });
  });
});

describe('access and secrets', () => {
  it('refuses every users call to an inspector and a QC manager', async () => {
    for (const role of ['inspector', 'qc-manager'] as const) {
      for (const [name, input] of [
        ['users.list', {}],
        ['users.save', { name: 'X', role: 'admin', badge: 'QCS-X-01', active: true, pin: '1234' }],
        ['users.unlock', { userId: 'usr-admin-1' }],
      ] as const) {
        expect(await call(name, input, role), `${role} ${name}`).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
    }
    expect(station.repos.users.byBadge('QCS-X-01')).toBeUndefined();
  });

  it('lists every user without a PIN hash anywhere in the reply', async () => {
    const reply = await call<UserSummary[]>('users.list', {});
    expect(reply.ok).toBe(true);
    expect(reply.value.map((u) => u.badge)).toEqual(
      expect.arrayContaining(['QCS-INSP-0001', 'QCS-INSP-0002', 'QCS-MGR-0001', 'QCS-ADM-0001']),
    );
    const text = JSON.stringify(reply);
    expect(text).not.toMatch(/scrypt|pinHash|pin_hash/);
    for (const user of reply.value) expect(Object.keys(user)).not.toContain('pinHash');
  });
});
