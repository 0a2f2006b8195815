import type { Station } from '../station';

export type TestRole = 'inspector' | 'qc-manager' | 'admin';

/** The demo users a test acts as (see src-main/demo/demo-data.ts). */
export const TEST_USER_IDS: Readonly<Record<TestRole, string>> = {
  inspector: 'usr-inspector-1',
  'qc-manager': 'usr-manager-1',
  admin: 'usr-admin-1',
};

export interface Reply<T> {
  ok: boolean;
  value: T;
  error: { code: string; message: string };
}

/**
 * Dispatches a call through the station's registry as a screen signed in with that role, the
 * way the UI does (input validation, access rules, handlers; no transport).
 */
export function callAs<T>(
  station: Station,
  role: TestRole,
  name: string,
  input: unknown,
): Promise<Reply<T>> {
  const clientId = `screen-${role}`;
  station.sessions.signIn(clientId, { userId: TEST_USER_IDS[role], name: role, role });
  return station.registry.dispatch(name, input, { clientId, transport: 'test' }) as Promise<
    Reply<T>
  >;
}

/** The value of a reply that must succeed; otherwise the error's code and message. */
export async function valueOf<T>(reply: Promise<Reply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
