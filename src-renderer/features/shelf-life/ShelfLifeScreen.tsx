import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ShelfLifeRulesPanel } from './rules/ShelfLifeRulesPanel';
import { ShelfBoard } from './ShelfBoard';

type Tab = 'board' | 'rules';
const TABS: readonly Tab[] = ['board', 'rules'];

/** Lots to pull from sale (the board), and the shelf-life rules (read-only for inspectors). */
export function ShelfLifeScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('board');
  return (
    <section className="screen" aria-labelledby="shelf-title">
      <h1 id="shelf-title">{t('shelfLife.title')}</h1>
      <div className="row" role="tablist" aria-label={t('shelfLife.title')}>
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'chip active' : 'chip'}
            onClick={() => setTab(x)}
          >
            {t(`shelfLife.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'board' && <ShelfBoard />}
      {tab === 'rules' && <ShelfLifeRulesPanel />}
    </section>
  );
}
