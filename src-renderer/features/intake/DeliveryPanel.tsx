import { useTranslation } from 'react-i18next';
import type { DeliveryDetail, DeliveryLineView } from '../../../src-shared/api/domain-intake';
import { Table } from '../../components/Table';
import { useBilingual } from '../../components/useBilingual';
import { useLotColumns } from '../inspection/lot-columns';
import { LotDatesForm } from '../shelf-life/LotDatesForm';
import { useStation } from '../../store/station-store';
import { QuarantineList } from './QuarantineList';

/** The open delivery: what was expected, what has arrived, the lots, the discrepancies so far. */
export function DeliveryPanel({
  detail,
  onClose,
  onSwitch,
}: {
  detail: DeliveryDetail;
  onClose: () => void;
  onSwitch: () => void;
}) {
  const { t, i18n } = useTranslation();
  const pick = useBilingual();
  const lotColumns = useLotColumns().filter((c) => c.key !== 'delivery');
  const lastScan = useStation((st) => st.lastScan);
  const needDates = detail.lots.filter((l) => l.shelf === 'dates-missing');
  const d = detail.delivery;
  const s = detail.summary;
  const counts = {
    short: detail.lines.filter((l) => l.state === 'short' || l.state === 'missing').length,
    over: detail.lines.filter((l) => l.state === 'over').length,
    unexpected: detail.lines.filter((l) => l.state === 'unexpected').length,
  };
  return (
    <section
      className="delivery-panel"
      aria-labelledby="delivery-title"
      data-testid="delivery-panel"
    >
      <header className="delivery-header">
        <h2 id="delivery-title">
          {d.number} · {d.supplierName}{' '}
          <span className={`pill standing-${d.supplierStanding}`}>
            {t(`standing.${d.supplierStanding}`)}
          </span>
          {d.flaggedForReview && <span className="pill warn">{t('intake.flagged')}</span>}
        </h2>
        <div className="row">
          <button type="button" className="primary" onClick={onClose} accessKey="c">
            {t('intake.close')}
          </button>
          <button type="button" className="secondary" onClick={onSwitch}>
            {t('intake.switch')}
          </button>
        </div>
      </header>
      {detail.gate.reasons.length > 0 && (
        <ul className="gate-reasons" aria-label={t('intake.gate')}>
          {detail.gate.reasons.map((r) => (
            <li key={r.code + r.en} className={r.verdict}>
              {pick(r)}
            </li>
          ))}
        </ul>
      )}
      <div className="counters" role="group" aria-label={t('intake.counters')}>
        <div className="counter">
          <b data-testid="count-received">{s.receivedUnits}</b> / {s.expectedUnits}
          <span>{t('intake.unitsShort')}</span>
        </div>
        <div className={counts.short > 0 ? 'counter warn' : 'counter'}>
          <b data-testid="count-short">{counts.short}</b>
          <span>{t('intake.shortLines')}</span>
        </div>
        <div className={counts.over > 0 ? 'counter warn' : 'counter'}>
          <b data-testid="count-over">{counts.over}</b>
          <span>{t('intake.overLines')}</span>
        </div>
        <div className={counts.unexpected > 0 ? 'counter warn' : 'counter'}>
          <b data-testid="count-unexpected">{counts.unexpected}</b>
          <span>{t('intake.unexpectedLines')}</span>
        </div>
        <div className={s.unidentifiedItems > 0 ? 'counter bad' : 'counter'}>
          <b data-testid="count-quarantine">{s.unidentifiedItems}</b>
          <span>{t('intake.unidentified')}</span>
        </div>
        <div className="counter">
          <b>{s.lotsAwaitingInspection}</b>
          <span>{t('intake.lotsAwaiting')}</span>
        </div>
      </div>
      <QuarantineList detail={detail} />
      <h2>{t('intake.linesTitle')}</h2>
      <Table<DeliveryLineView>
        label={t('intake.linesTitle')}
        rows={detail.lines}
        rowKey={(l) => String(l.lineNo)}
        empty={t('inspection.none')}
        columns={[
          { key: 'gtin', header: 'GTIN', render: (l) => <code>{l.gtin}</code> },
          {
            key: 'name',
            header: t('inspection.product'),
            render: (l) =>
              (i18n.language === 'zh-CN' ? (l.nameZh ?? l.name) : l.name) ?? t('common.none'),
          },
          {
            key: 'expected',
            header: t('intake.expected'),
            render: (l) => l.expected,
            className: 'num',
          },
          {
            key: 'received',
            header: t('intake.received'),
            render: (l) => l.received,
            className: 'num',
          },
          {
            key: 'state',
            header: t('intake.status'),
            render: (l) => (
              <span className={`pill line-${l.state}`}>{t(`lineState.${l.state}`)}</span>
            ),
          },
        ]}
      />
      {needDates.length > 0 && (
        <section aria-labelledby="dates-needed-title">
          <h2 id="dates-needed-title">{t('shelfDates.needed')}</h2>
          {needDates.map((l) => (
            <LotDatesForm
              key={l.lotId}
              lot={l}
              focus={lastScan?.promptDates === true && lastScan.lotId === l.lotId}
            />
          ))}
        </section>
      )}
      <h2>{t('intake.lotsTitle')}</h2>
      <Table
        label={t('intake.lotsTitle')}
        rows={detail.lots}
        rowKey={(l) => l.lotId}
        empty={t('inspection.none')}
        columns={lotColumns}
      />
    </section>
  );
}
