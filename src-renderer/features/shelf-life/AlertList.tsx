import { useTranslation } from 'react-i18next';
import type { BoardRow } from '../../../src-shared/api/domain-shelf-life';
import { dueLabel, productName } from './board-model';

/** How many alerts the compact list shows; the board's "Alerts" filter shows them all. */
export const ALERTS_SHOWN = 30;

/** Lots whose alert date has come, first to leave sale first; picking one selects it. */
export function AlertList({
  rows,
  total,
  onPick,
  onShowAll,
}: {
  rows: readonly BoardRow[];
  total: number;
  onPick: (lotId: string) => void;
  onShowAll: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card board-alerts" aria-labelledby="board-alerts-title">
      <h2 id="board-alerts-title">
        {t('shelfLife.alerts.title')} <span className="pill alert-mark">{total}</span>
      </h2>
      <div data-testid="alert-list">
        {rows.length === 0 ? (
          <p className="empty">{t('shelfLife.alerts.none')}</p>
        ) : (
          <ul className="alert-list">
            {rows.map((r) => {
              const due = dueLabel(r.daysToRemoval);
              return (
                <li key={r.lotId}>
                  <button
                    type="button"
                    className={`alert-item group-${r.group}`}
                    data-lot-id={r.lotId}
                    onClick={() => onPick(r.lotId)}
                  >
                    <span className="alert-name">{productName(r, i18n.language)}</span>
                    <span className="sub">
                      {t('shelfLife.alerts.line', {
                        lot: r.lot || t('common.none'),
                        date: r.removalDate,
                      })}{' '}
                      <span className={`due due-${r.group}`}>
                        {t(due.key, { count: due.count })}
                      </span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {total > rows.length && (
        <button type="button" className="secondary" onClick={onShowAll}>
          {t('shelfLife.alerts.showAll', { count: total })}
        </button>
      )}
    </section>
  );
}
