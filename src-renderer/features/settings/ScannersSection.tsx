import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedSerialPort } from '../../../src-shared/api/domain-devices';
import type { SerialScannerSetting } from '../../../src-shared/api/domain-settings';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { useStation } from '../../store/station-store';

const TERMINATORS: readonly SerialScannerSetting['terminator'][] = [
  'CR',
  'LF',
  'CRLF',
  'ETX',
  'none',
];

/**
 * Settings › Serial scanners: which ports the station reads scans from (by path, or by USB ids so
 * that the scanner is found again on another port), their speed and frame terminator. The
 * system's port list helps pick one. A QC manager's or an admin's; every change is an event.
 */
export function ScannersSection() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const configured = useStation((s) => s.settings?.serialScanners ?? []);
  const save = useStation((s) => s.saveSettings);
  const [draft, setDraft] = useState<SerialScannerSetting[]>(configured);
  const [ports, setPorts] = useState<ListedSerialPort[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const canEdit = role === 'qc-manager' || role === 'admin';

  const edit = (i: number, patch: Partial<SerialScannerSetting>) => {
    setSaved(false);
    setDraft(draft.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  };
  const add = (port?: ListedSerialPort) => {
    setSaved(false);
    const id = `scanner-${draft.length + 1}`;
    const byUsb = port?.vendorId && port.scannerMaker;
    setDraft([
      ...draft,
      {
        id,
        ...(byUsb
          ? {
              vendorId: port.vendorId ?? '',
              ...(port.productId ? { productId: port.productId } : {}),
            }
          : { path: port?.path ?? '' }),
        baudRate: 9600,
        terminator: 'CR',
      },
    ]);
  };
  const detect = async () => {
    const r = await api.call('devices.ports', {});
    setError(r.ok ? null : r.error);
    if (r.ok) setPorts(r.value);
  };
  const submit = async () => {
    // Empty text fields mean "not given" (the schema wants a path or a USB vendor id).
    const cleaned = draft.map((s) => ({
      id: s.id,
      baudRate: s.baudRate,
      terminator: s.terminator,
      ...(s.path ? { path: s.path } : {}),
      ...(s.vendorId ? { vendorId: s.vendorId } : {}),
      ...(s.productId ? { productId: s.productId } : {}),
    }));
    const failure = await save({ serialScanners: cleaned });
    setError(failure);
    setSaved(!failure);
  };

  return (
    <section className="card" aria-labelledby="scanners-title" data-testid="scanners-section">
      <h2 id="scanners-title">{t('settings.scanners.title')}</h2>
      <p>{t('settings.scanners.hint')}</p>
      {draft.length === 0 && <p>{t('settings.scanners.none')}</p>}
      {draft.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('settings.scanners.id')}</th>
              <th>{t('settings.scanners.path')}</th>
              <th>{t('settings.scanners.vendorId')}</th>
              <th>{t('settings.scanners.productId')}</th>
              <th>{t('settings.scanners.baud')}</th>
              <th>{t('settings.scanners.terminator')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.map((s, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={t('settings.scanners.id')}
                    disabled={!canEdit}
                    value={s.id}
                    maxLength={40}
                    onChange={(e) => edit(i, { id: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('settings.scanners.path')}
                    disabled={!canEdit}
                    value={s.path ?? ''}
                    placeholder="/dev/ttyACM0 · COM3"
                    onChange={(e) => edit(i, { path: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('settings.scanners.vendorId')}
                    disabled={!canEdit}
                    value={s.vendorId ?? ''}
                    placeholder="0c2e"
                    size={6}
                    onChange={(e) => edit(i, { vendorId: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('settings.scanners.productId')}
                    disabled={!canEdit}
                    value={s.productId ?? ''}
                    size={6}
                    onChange={(e) => edit(i, { productId: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={t('settings.scanners.baud')}
                    type="number"
                    min={300}
                    max={921600}
                    disabled={!canEdit}
                    value={s.baudRate}
                    onChange={(e) => edit(i, { baudRate: Number(e.target.value) })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('settings.scanners.terminator')}
                    disabled={!canEdit}
                    value={s.terminator}
                    onChange={(e) =>
                      edit(i, { terminator: e.target.value as SerialScannerSetting['terminator'] })
                    }
                  >
                    {TERMINATORS.map((term) => (
                      <option key={term} value={term}>
                        {term}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {canEdit && (
                    <button
                      type="button"
                      onClick={() => {
                        setSaved(false);
                        setDraft(draft.filter((_, k) => k !== i));
                      }}
                    >
                      {t('settings.scanners.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit ? (
        <div className="row">
          <button type="button" onClick={() => add()}>
            {t('settings.scanners.add')}
          </button>
          <button type="button" onClick={() => void detect()}>
            {t('settings.scanners.detect')}
          </button>
          <button type="button" className="primary" onClick={() => void submit()}>
            {t('settings.scanners.save')}
          </button>
          {saved && <span role="status">{t('settings.saved')}</span>}
        </div>
      ) : (
        <p>{t('settings.managersOnly')}</p>
      )}
      <ErrorBanner error={error} />
      {ports && (
        <ul className="plain-list" data-testid="serial-ports">
          {ports.length === 0 && <li>{t('settings.scanners.noPorts')}</li>}
          {ports.map((p) => (
            <li key={p.path}>
              <code>{p.path}</code> {p.manufacturer ?? ''}{' '}
              {p.vendorId && `USB ${p.vendorId}:${p.productId ?? '????'}`}{' '}
              {p.scannerMaker && <strong>{p.scannerMaker}</strong>}{' '}
              <button type="button" onClick={() => add(p)}>
                {t('settings.scanners.use')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
