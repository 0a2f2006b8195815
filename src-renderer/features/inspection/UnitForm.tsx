import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../src-shared/api/domain-inspection';
import type { CheckResult, TemplateCheck } from '../../../src-shared/events/schemas-inspection';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';
import { PhotoCapture } from '../photos/PhotoCapture';
import { LabelCheckPanel } from './LabelCheckPanel';
import { useScanConsumer } from '../scanning/scan-consumers';

interface Draft {
  passed: Record<string, boolean>;
  readings: Record<string, string[]>;
  choice: Record<string, string>;
  note: Record<string, string>;
}

const emptyDraft = (): Draft => ({ passed: {}, readings: {}, choice: {}, note: {} });

function toResults(checks: readonly TemplateCheck[], d: Draft): CheckResult[] {
  return checks.flatMap((c): CheckResult[] => {
    const note = d.note[c.checkId]?.trim();
    switch (c.kind) {
      case 'numeric': {
        const readings = (d.readings[c.checkId] ?? []).filter((v) => v.trim() !== '').map(Number);
        return [{ checkId: c.checkId, passed: true, readings }];
      }
      case 'choice':
        return [
          {
            checkId: c.checkId,
            passed: true,
            choice: d.choice[c.checkId] ?? '',
            ...(note ? { note } : {}),
          },
        ];
      case 'note':
        return note ? [{ checkId: c.checkId, passed: true, note }] : [];
      case 'pass-fail':
      case 'label-match':
        return [
          { checkId: c.checkId, passed: d.passed[c.checkId] ?? true, ...(note ? { note } : {}) },
        ];
    }
  });
}

/**
 * One sampled unit worked through the template. Scanning the unit's barcode fills its code
 * (the scan is not counted into the delivery again). Pass/fail checks start as pass; numeric
 * readings and choices must be entered; the station judges readings against the limits.
 */
export function UnitForm({
  view,
  onRecorded,
}: {
  view: InspectionView;
  onRecorded: (v: InspectionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [unitCode, setUnitCode] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useScanConsumer(true, setUnitCode);
  const unitNo = view.units.length + 1;
  const set = <K extends keyof Draft>(key: K, checkId: string, value: Draft[K][string]) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], [checkId]: value } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('inspection.recordUnit', {
      inspectionId: view.inspectionId,
      results: toResults(view.template.checks, draft),
      photos,
      ...(unitCode.trim() ? { unitCode: unitCode.trim() } : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setDraft(emptyDraft());
    setPhotos([]);
    setUnitCode('');
    onRecorded(r.value);
  };

  return (
    <form
      className="card unit-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="unit-title"
      data-testid="unit-form"
    >
      <h3 id="unit-title">
        {t('inspection.unitTitle', { n: unitNo, total: view.plan.sampleSize })}
      </h3>
      <div className="row">
        <label htmlFor="unit-code">{t('inspection.unitCode')}</label>
        <input
          id="unit-code"
          value={unitCode}
          onChange={(e) => setUnitCode(e.target.value)}
          placeholder={t('inspection.unitCodeHint')}
        />
      </div>
      <ol className="checks">
        {view.template.checks.map((c) => {
          const label = zh ? c.labelZh || c.label : c.label;
          const id = `check-${c.checkId}`;
          return (
            <li key={c.checkId} className={`check check-${c.defectClass}`} data-check={c.checkId}>
              <span className="check-label" id={`${id}-label`}>
                {label}{' '}
                <span className={`pill class-${c.defectClass}`}>
                  {t(`inspection.class.${c.defectClass}`)}
                </span>
              </span>
              {(c.kind === 'pass-fail' || c.kind === 'label-match') && (
                <span className="toggle" role="radiogroup" aria-labelledby={`${id}-label`}>
                  {[true, false].map((value) => (
                    <button
                      key={String(value)}
                      type="button"
                      role="radio"
                      aria-checked={(draft.passed[c.checkId] ?? true) === value}
                      className={
                        (draft.passed[c.checkId] ?? true) === value
                          ? value
                            ? 'chip active pass'
                            : 'chip active fail'
                          : 'chip'
                      }
                      onClick={() => set('passed', c.checkId, value)}
                    >
                      {value ? t('inspection.pass') : t('inspection.fail')}
                    </button>
                  ))}
                </span>
              )}
              {c.kind === 'label-match' && (
                <LabelCheckPanel
                  inspectionId={view.inspectionId}
                  photos={photos}
                  unitCode={unitCode}
                  onResult={(passed, note) => {
                    set('passed', c.checkId, passed);
                    set('note', c.checkId, note);
                  }}
                />
              )}
              {c.kind === 'numeric' && (
                <span className="readings">
                  {Array.from({ length: c.readingsPerUnit ?? 1 }, (_, i) => (
                    <input
                      key={i}
                      type="number"
                      step="any"
                      inputMode="decimal"
                      required
                      aria-label={`${label} ${i + 1}`}
                      value={draft.readings[c.checkId]?.[i] ?? ''}
                      onChange={(e) => {
                        const next = [...(draft.readings[c.checkId] ?? [])];
                        next[i] = e.target.value;
                        set('readings', c.checkId, next);
                      }}
                    />
                  ))}
                  <span className="hint">
                    {c.unit}{' '}
                    {t('inspection.limits', { lower: c.lower ?? '−∞', upper: c.upper ?? '∞' })}
                  </span>
                </span>
              )}
              {c.kind === 'choice' && (
                <select
                  aria-labelledby={`${id}-label`}
                  required
                  value={draft.choice[c.checkId] ?? ''}
                  onChange={(e) => set('choice', c.checkId, e.target.value)}
                >
                  <option value="">—</option>
                  {(c.choices ?? []).map((o) => (
                    <option key={o.value} value={o.value}>
                      {zh ? o.labelZh || o.label : o.label}
                    </option>
                  ))}
                </select>
              )}
              {c.kind === 'note' && (
                <input
                  aria-labelledby={`${id}-label`}
                  value={draft.note[c.checkId] ?? ''}
                  onChange={(e) => set('note', c.checkId, e.target.value)}
                />
              )}
            </li>
          );
        })}
      </ol>
      <PhotoCapture photos={photos} onChange={setPhotos} />
      <ErrorBanner error={error} />
      <div className="row">
        <button type="submit" className="primary">
          {t('inspection.recordUnit')}
        </button>
      </div>
    </form>
  );
}
