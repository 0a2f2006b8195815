import { useTranslation } from 'react-i18next';
import type { ShelfBoard } from '../../../src-shared/api/domain-shelf-life';

const TILES = [
  { key: 'overdue', testId: 'count-overdue', tone: 'bad' },
  { key: 'thisWeek', testId: 'count-this-week', tone: 'warn' },
  { key: 'next30Days', testId: 'count-next-30-days', tone: 'soon' },
  { key: 'alerting', testId: 'count-alerting', tone: 'alerting' },
] as const;

/** How many lots are overdue, due this week, due within 30 days, and past their alert date. */
export function CountTiles({ counts }: { counts: ShelfBoard['counts'] | null }) {
  const { t } = useTranslation();
  return (
    <div className="score-tiles board-tiles" role="group" aria-label={t('shelfLife.counts.label')}>
      {TILES.map((tile) => (
        <div key={tile.key} className={`score-tile ${tile.tone}`}>
          <b data-testid={tile.testId}>{counts ? counts[tile.key] : '…'}</b>
          <span>{t(`shelfLife.counts.${tile.key}`)}</span>
        </div>
      ))}
    </div>
  );
}
