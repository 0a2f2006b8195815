import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../src-shared/api/contract';
import { DEFECT_CLASSES, type LotPlan } from '../../../../src-shared/events/schemas-inspection';
import { ErrorBanner } from '../../../components/ErrorText';
import { useCall } from '../../../components/useCall';

const SEVERITIES = ['normal', 'tightened', 'reduced'] as const;
const MAX_LOT = 100_000_000;

type Source =
  | { templateId: string }
  | Pick<Extract<CallInput<'templates.preview'>, { level: unknown }>, 'level' | 'aql'>;

/** What a template implies for a lot of a given size: units to pull and Ac/Re per class. */
export function PlanPreview({ source }: { source: Source }) {
  const { t } = useTranslation();
  const id = useId();
  const [lotText, setLotText] = useState('1200');
  const lotSize = Number(lotText);
  const valid = /^\d+$/.test(lotText) && lotSize >= 1 && lotSize <= MAX_LOT;
  return (
    <section className="card plan-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('templates.preview')}</h3>
      <div className="row">
        <label htmlFor={`${id}-lot`}>{t('templates.lotSize')}</label>
        <input
          id={`${id}-lot`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_LOT}
          value={lotText}
          onChange={(e) => setLotText(e.target.value)}
        />
      </div>
      {valid ? (
        <PreviewTable input={{ ...source, lotSize }} />
      ) : (
        <p className="hint">{t('templates.lotSizeHint')}</p>
      )}
    </section>
  );
}

function PreviewTable({ input }: { input: CallInput<'templates.preview'> }) {
  const { t } = useTranslation();
  const preview = useCall('templates.preview', input);
  if (preview.error) return <ErrorBanner error={preview.error} />;
  const value = preview.value;
  if (!value) return null;
  const cell = (plan: LotPlan, defectClass: (typeof DEFECT_CLASSES)[number]) => {
    const p = plan.classes[defectClass];
    return t('templates.acRe', { n: p.sampleSize, ac: p.accept, re: p.reject });
  };
  return (
    <>
      <table className="data" aria-label={t('templates.preview')}>
        <thead>
          <tr>
            <th scope="col">{t('templates.severity')}</th>
            <th scope="col">{t('templates.codeLetter')}</th>
            <th scope="col" className="num">
              {t('templates.unitsToPull')}
            </th>
            {DEFECT_CLASSES.map((c) => (
              <th key={c} scope="col">
                {t(`templates.class.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((severity) => {
            const plan = value[severity];
            return (
              <tr key={severity}>
                <th scope="row">{t(`templates.severities.${severity}`)}</th>
                <td>{plan.codeLetter}</td>
                <td className="num">
                  {plan.inspectAll
                    ? t('templates.inspectAll', { n: plan.sampleSize })
                    : plan.sampleSize}
                </td>
                {DEFECT_CLASSES.map((c) => (
                  <td key={c}>{cell(plan, c)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {value.normal.classes.critical.aql === null && (
        <p className="hint">{t('templates.zeroToleranceHint')}</p>
      )}
    </>
  );
}
