import { useTranslation } from 'react-i18next';
import type { LotPlan } from '../../../src-shared/events/schemas-inspection';

const CLASSES = ['critical', 'major', 'minor'] as const;

/** n and Ac/Re per defect class: the plan an inspector works to. */
export function PlanTable({
  plan,
  counts,
}: {
  plan: LotPlan;
  counts?: Record<
    (typeof CLASSES)[number],
    { defective: number; inspected: number; state: string }
  >;
}) {
  const { t } = useTranslation();
  return (
    <table className="data plan-table" aria-label={t('inspection.planTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('inspection.defectClass')}</th>
          <th scope="col" className="num">
            AQL
          </th>
          <th scope="col" className="num">
            n
          </th>
          <th scope="col" className="num">
            Ac
          </th>
          <th scope="col" className="num">
            Re
          </th>
          {counts && (
            <th scope="col" className="num">
              {t('inspection.found')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {CLASSES.map((c) => {
          const p = plan.classes[c];
          const count = counts?.[c];
          return (
            <tr
              key={c}
              className={count?.state === 'rejected' ? 'row-bad' : undefined}
              data-class={c}
            >
              <th scope="row">{t(`inspection.class.${c}`)}</th>
              <td className="num">{p.aql ?? t('inspection.zeroTolerance')}</td>
              <td className="num">{p.sampleSize}</td>
              <td className="num">{p.accept}</td>
              <td className="num">{p.reject}</td>
              {count && (
                <td className="num" data-testid={`found-${c}`}>
                  {count.defective} / {count.inspected}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
