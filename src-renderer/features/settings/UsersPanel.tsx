import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/api/define';
import type { UserSummary } from '../../../src-shared/api/domain-users';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { Table, type Column } from '../../components/Table';
import { useCall } from '../../components/useCall';
import { useScanConsumer } from '../scanning/scan-consumers';

interface Draft {
  userId: string | null;
  name: string;
  role: Role;
  badge: string;
  active: boolean;
  pin: string;
}

const EMPTY: Draft = {
  userId: null,
  name: '',
  role: 'inspector',
  badge: '',
  active: true,
  pin: '',
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** The add/edit form. A badge scanned while its field has the focus fills the field. */
function UserForm({
  initial,
  onSaved,
  onCancel,
}: {
  initial: Draft;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(initial);
  const [badgeFocused, setBadgeFocused] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The keyboard wedge sends a scan to the station's scan pipeline whatever has the focus; while
  // the badge field is focused, the scan is the badge instead of a carton.
  useScanConsumer(badgeFocused, (data) => setDraft((d) => ({ ...d, badge: data.trim() })));
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const creating = draft.userId === null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('users.save', {
      ...(draft.userId ? { userId: draft.userId } : {}),
      name: draft.name,
      role: draft.role,
      badge: draft.badge,
      active: draft.active,
      ...(draft.pin ? { pin: draft.pin } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    onSaved();
  };

  return (
    <form className="card form-grid" data-testid="user-form" onSubmit={(e) => void submit(e)}>
      <h3 className="span">
        {creating ? t('users.add') : t('users.edit', { name: initial.name })}
      </h3>
      <label htmlFor="user-name">{t('users.name')}</label>
      <input
        id="user-name"
        required
        maxLength={120}
        value={draft.name}
        onChange={(e) => update('name', e.target.value)}
      />
      <label htmlFor="user-role">{t('users.role')}</label>
      <select
        id="user-role"
        value={draft.role}
        onChange={(e) => update('role', e.target.value as Role)}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor="user-badge">{t('users.badge')}</label>
      <input
        id="user-badge"
        required
        minLength={3}
        maxLength={64}
        autoComplete="off"
        placeholder={t('users.badgeHint')}
        value={draft.badge}
        onFocus={() => setBadgeFocused(true)}
        onBlur={() => setBadgeFocused(false)}
        onChange={(e) => update('badge', e.target.value)}
      />
      <label htmlFor="user-pin">{creating ? t('users.pin') : t('users.pinReset')}</label>
      <input
        id="user-pin"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        pattern="\d{4,8}"
        required={creating}
        maxLength={8}
        title={t('users.pinRule')}
        value={draft.pin}
        onChange={(e) => update('pin', e.target.value)}
      />
      <label htmlFor="user-active">{t('users.active')}</label>
      <input
        id="user-active"
        type="checkbox"
        checked={draft.active}
        onChange={(e) => update('active', e.target.checked)}
      />
      <div className="span row">
        <button type="submit" className="primary" data-testid="user-save">
          {t('users.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <div className="span">
        <ErrorBanner error={error} />
      </div>
    </form>
  );
}

/** Admins: the station's users, with add/edit, PIN reset, (de)activation, unlock and CSV. */
export function UsersPanel() {
  const { t } = useTranslation();
  const { value: users, error: loadError, reload } = useCall('users.list', {});
  const [editing, setEditing] = useState<Draft | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const after = (r: { ok: true } | { ok: false; error: ApiError }) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    void reload();
  };
  const setActive = async (u: UserSummary, active: boolean) =>
    after(
      await api.call('users.save', {
        userId: u.userId,
        name: u.name,
        role: u.role,
        badge: u.badge,
        active,
      }),
    );
  const unlock = async (u: UserSummary) =>
    after(await api.call('users.unlock', { userId: u.userId }));

  const columns: Column<UserSummary>[] = [
    { key: 'name', header: t('users.name'), render: (u) => u.name },
    { key: 'role', header: t('users.role'), render: (u) => t(`roles.${u.role}`) },
    { key: 'badge', header: t('users.badge'), render: (u) => <code>{u.badge}</code> },
    {
      key: 'state',
      header: t('users.state'),
      render: (u) =>
        u.lockedUntil
          ? t('users.lockedUntil', { time: when(u.lockedUntil) })
          : u.active
            ? t('users.isActive')
            : t('users.isInactive'),
    },
    { key: 'failed', header: t('users.failedAttempts'), render: (u) => u.failedAttempts },
    { key: 'last', header: t('users.lastSignIn'), render: (u) => when(u.lastSignInAt) },
    {
      key: 'actions',
      header: '',
      render: (u) => (
        <span className="row tight">
          <button
            type="button"
            className="chip"
            onClick={() =>
              setEditing({
                userId: u.userId,
                name: u.name,
                role: u.role,
                badge: u.badge,
                active: u.active,
                pin: '',
              })
            }
          >
            {t('users.editButton')}
          </button>
          <button type="button" className="chip" onClick={() => void setActive(u, !u.active)}>
            {u.active ? t('users.deactivate') : t('users.activate')}
          </button>
          {u.failedAttempts > 0 && (
            <button type="button" className="chip" onClick={() => void unlock(u)}>
              {t('users.unlock')}
            </button>
          )}
        </span>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="users-title" data-testid="users-panel">
      <div className="row tight">
        <h2 id="users-title">{t('users.title')}</h2>
        <button
          type="button"
          className="primary"
          data-testid="user-add"
          onClick={() => setEditing({ ...EMPTY })}
        >
          {t('users.add')}
        </button>
        <ExportCsvButton entity="users" />
      </div>
      <ErrorBanner error={error ?? loadError} />
      {editing && (
        <UserForm
          key={editing.userId ?? 'new'}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      <Table
        rows={users ?? []}
        columns={columns}
        rowKey={(u) => u.userId}
        empty={t('users.empty')}
        label={t('users.title')}
      />
    </section>
  );
}
