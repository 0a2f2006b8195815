import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../src-main/users/pin-hash';
import type { MasterDataPage } from '../src-shared/sync/protocol';
import { importMasterData } from './import';
import { migrateCentral, SchemaMismatchError } from './migrate';
import { MIGRATIONS } from './migrations/index';
import {
  adminFetch,
  openTestDb,
  startTestCentral,
  testBackends,
  TestStation,
  type TestCentral,
} from './test-support/central-harness';

const BACKENDS = await testBackends();

const supplier = (id: string, standing = 'approved') => ({
  supplierId: id,
  code: id,
  name: `Supplier ${id}`,
  standing,
  contact: 'qa@example.com',
  cumulativeSalesCny: 1000,
  documents: [{ type: 'business-licence', number: 'BL-1', validUntil: '2030-01-01' }],
  audits: [],
});

describe.each(BACKENDS)('master data on %s', (backend) => {
  let central: TestCentral;
  let s: TestStation;
  const pull = async (after: number, limit = 500, refresh = false) => {
    const res = await s.request(
      'GET',
      `/v1/master-data?after=${after}&limit=${limit}${refresh ? '&refresh=1' : ''}`,
    );
    expect(res.status).toBe(200);
    return res.json as unknown as MasterDataPage;
  };

  beforeAll(async () => {
    central = await startTestCentral(backend);
    s = new TestStation(central);
    await s.enroll();
  });
  afterAll(async () => {
    s.close();
    await central.close();
  });

  it('imports JSON and CSV with a report of every rejected row, then serves changes by cursor', async () => {
    const json = await importMasterData(central.db, {
      fileName: 'master.json',
      text: JSON.stringify({
        suppliers: [supplier('S-1'), supplier('S-2'), { ...supplier('S-3'), standing: 'great' }],
        users: [
          {
            userId: 'u-1',
            name: 'Ana',
            role: 'inspector',
            badge: 'B-0001',
            pin: '4321',
            active: true,
          },
          {
            userId: 'u-2',
            name: 'Bo',
            role: 'inspector',
            badge: 'B-0002',
            pinHash: '1234',
            active: true,
          },
        ],
        settings: [{ key: 'idleSignOutMinutes', value: 10 }],
        gadgets: [],
      }),
    });
    expect(json.accepted).toEqual({ supplier: 2, user: 1, setting: 1 });
    expect(json.rejected.map((r) => r.row)).toEqual(['gadgets', 'suppliers[2]', 'users[1]']);
    expect(json.rejected[1]?.reason).toMatch(/standing/);
    expect(json.rejected[2]?.reason).toMatch(/scrypt/);

    const csv = await importMasterData(central.db, {
      fileName: 'skus.csv',
      text: [
        'skuId,gtin,name,brand,category,shelfLifeDays,packaging,templateId',
        'SKU-1,09506000134352,"Milk, 1 L",Brand,dairy,300,"[{""gtin"":""09506000134352"",""level"":""unit"",""unitsPer"":1}]",',
        'SKU-2,123,Broken,Brand,dairy,300,[],',
      ].join('\n'),
    });
    expect(csv.accepted).toEqual({ sku: 1 });
    expect(csv.rejected).toEqual([
      expect.objectContaining({
        row: 'line 3',
        kind: 'sku',
        key: 'SKU-2',
        reason: expect.stringMatching(/gtin/) as unknown,
      }),
    ]);

    const page = await pull(0);
    // From nothing: a snapshot of the latest body per key.
    expect(page).toMatchObject({ fullRefresh: true, more: false });
    expect(page.changes.map((c) => `${c.kind}:${c.key}`)).toEqual([
      'supplier:S-1',
      'supplier:S-2',
      'user:u-1',
      'setting:idleSignOutMinutes',
      'sku:SKU-1',
    ]);
    const user = page.changes.find((c) => c.kind === 'user')?.body as { pinHash: string };
    expect(user.pinHash).toMatch(/^scrypt\$/);
    expect(verifyPin('4321', user.pinHash)).toBe(true);
    expect(JSON.stringify(page)).not.toContain('"pin"');
    const sku = page.changes.find((c) => c.kind === 'sku')?.body as {
      name: string;
      templateId: unknown;
      packaging: unknown[];
    };
    expect(sku).toMatchObject({
      name: 'Milk, 1 L',
      templateId: null,
      packaging: [{ unitsPer: 1 }],
    });

    // Re-importing the same rows changes nothing (the PIN's old hash is kept); a real change appends.
    const again = await importMasterData(central.db, {
      fileName: 'again.json',
      text: JSON.stringify([
        { kind: 'supplier', body: supplier('S-1') },
        {
          kind: 'user',
          body: {
            userId: 'u-1',
            name: 'Ana',
            role: 'inspector',
            badge: 'B-0001',
            pin: '4321',
            active: true,
          },
        },
        { kind: 'supplier', body: supplier('S-2', 'blacklisted') },
      ]),
    });
    expect(again).toMatchObject({ accepted: { supplier: 1 }, unchanged: 2, rejected: [] });
    const next = await pull(page.nextCursor);
    expect(next).toMatchObject({ fullRefresh: false, more: false });
    expect(next.changes).toEqual([
      expect.objectContaining({
        kind: 'supplier',
        key: 'S-2',
        body: expect.objectContaining({ standing: 'blacklisted' }) as unknown,
      }),
    ]);
    expect((await pull(next.nextCursor)).changes).toEqual([]);
  });

  it('pages changes, and pages a full refresh until its last page', async () => {
    const start = (await pull(0, 5000)).nextCursor;
    await importMasterData(central.db, {
      fileName: 'many.json',
      text: JSON.stringify({ suppliers: Array.from({ length: 7 }, (_, i) => supplier(`P-${i}`)) }),
    });
    const first = await pull(start, 4);
    expect(first).toMatchObject({ more: true, fullRefresh: false });
    expect(first.changes).toHaveLength(4);
    const second = await pull(first.nextCursor, 4);
    expect(second).toMatchObject({ more: false });
    expect(second.changes.map((c) => c.key)).toEqual(['P-4', 'P-5', 'P-6']);

    const raised = await adminFetch(central, 'POST', '/admin/full-refresh');
    expect(raised.status).toBe(200);
    // Even a station that is up to date gets the snapshot now.
    const keys: string[] = [];
    let page = await pull(second.nextCursor, 5);
    expect(page.fullRefresh).toBe(true);
    keys.push(...page.changes.map((c) => c.key));
    while (page.more) {
      page = await pull(page.nextCursor, 5, true);
      expect(page.fullRefresh).toBe(true);
      keys.push(...page.changes.map((c) => c.key));
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(['S-1', 'S-2', 'P-0', 'P-6', 'u-1', 'SKU-1', 'idleSignOutMinutes']),
    );
    // After the snapshot the station is past the floor: back to plain changes.
    expect(await pull(page.nextCursor)).toMatchObject({ fullRefresh: false, changes: [] });
  });

  it('imports and reports over the admin API, and shows stats and the status page', async () => {
    const res = await adminFetch(central, 'POST', '/admin/import', {
      fileName: 'suppliers.csv',
      text: 'supplierId,code,name,standing,contact,cumulativeSalesCny,documents,audits\nS-9,S9,Nine,approved,x,5,[],[]\nS-10,S10,Ten,bad,x,5,[],[]\n',
    });
    expect(res).toMatchObject({
      status: 200,
      json: { accepted: { supplier: 1 }, rejected: [{ row: 'line 3' }] },
    });
    expect((await fetch(`${central.url}/admin/stats`)).status).toBe(401);
    const stats = await adminFetch(central, 'GET', '/admin/stats');
    expect(stats.json.stations).toEqual([
      expect.objectContaining({ stationId: s.id, events: 0, lastSeq: 0, verificationFailures: 0 }),
    ]);
    const code = await adminFetch(central, 'POST', '/admin/enroll-codes');
    expect(code.json.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const page = await (await fetch(`${central.url}/`)).text();
    expect(page).toContain('1 station(s)');
    expect(page).not.toContain(s.id);
    expect(await (await fetch(`${central.url}/?token=${central.token}`)).text()).toContain(s.id);
  });
});

describe.each(BACKENDS)('central migrations on %s', (backend) => {
  let opened: Awaited<ReturnType<typeof openTestDb>>;
  afterEach(async () => {
    await opened.cleanup();
  });

  it('records migrations once and refuses a database with one it does not know', async () => {
    opened = await openTestDb(backend);
    expect((await migrateCentral(opened.db)).applied).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await migrateCentral(opened.db)).applied).toEqual([]);
    await opened.db.query(
      "INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')",
    );
    await expect(migrateCentral(opened.db)).rejects.toBeInstanceOf(SchemaMismatchError);
  });
});
