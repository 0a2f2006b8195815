import { useTranslation } from 'react-i18next';
import type { TraceEntry, TraceLotPage } from '../../../src-shared/api/domain-trace';
import type { LotStatus } from '../../../src-shared/events/schemas';
import { api } from '../../api/client';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorBanner } from '../../components/ErrorText';
import { useCall } from '../../components/useCall';
import { PhotoThumbs } from '../photos';

/** Lot states that follow a decision: only those have a certificate. */
const DECIDED: ReadonlySet<LotStatus> = new Set<LotStatus>(['accepted', 'rejected', 'on-hold']);

/**
 * A lot traced back: what it is and where it went, its delivery and supplier, the delivery's
 * other lots, and its timeline from the log (every fact, with photos and sign-offs). Used by
 * the Trace screen; any screen can open it with a lot id.
 */
export function LotPage({
  lotId,
  onOpenLot,
  onClose,
}: {
  lotId: string;
  /** Opens another lot (one of the delivery's); without it those lots are not clickable. */
  onOpenLot?: (lotId: string) => void;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const page = useCall('trace.lot', { lotId });
  const p = page.value;
  return (
    <article className="lot-page" data-testid="lot-page" aria-labelledby="lot-page-title">
      <div className="row">
        {onClose && (
          <button type="button" className="secondary" onClick={onClose} data-testid="lot-page-back">
            {t('trace.back')}
          </button>
        )}
      </div>
      <ErrorBanner error={page.error} />
      {p && p.lot.lotId === lotId && (
        <>
          <h2 id="lot-page-title">
            {t('trace.lotTitle', { lot: p.lot.lot || t('inspection.noLot') })}{' '}
            <span className={`pill lot-${p.lot.status}`}>{t(`lotStatus.${p.lot.status}`)}</span>
          </h2>
          {DECIDED.has(p.lot.status) && (
            <DownloadButton
              label={t('exports.certificate')}
              testId="lot-page-certificate"
              fetchFile={() => api.call('inspection.certificate', { lotId })}
            />
          )}
          <div className="trace-facts">
            <LotFacts page={p} />
            <section data-testid="lot-page-delivery" aria-labelledby="lot-page-delivery-h">
              <h3 id="lot-page-delivery-h">{t('trace.delivery')}</h3>
              <dl className="trace-dl">
                <dt>{t('trace.deliveryNumber')}</dt>
                <dd>
                  <code>{p.delivery.number}</code> ({p.delivery.status})
                </dd>
                <dt>{t('trace.expectedDate')}</dt>
                <dd>{p.delivery.expectedDate}</dd>
                <dt>{t('trace.ssccs')}</dt>
                <dd>
                  {p.delivery.ssccs.length > 0
                    ? p.delivery.ssccs.map((s) => <code key={s}>{s} </code>)
                    : t('common.none')}
                </dd>
              </dl>
              <DownloadButton
                label={t('exports.deliveryPack')}
                testId="lot-page-delivery-pack"
                fetchFile={() =>
                  api.call('inspection.deliveryEvidencePack', { deliveryId: p.delivery.deliveryId })
                }
              />
            </section>
            <section data-testid="lot-page-supplier" aria-labelledby="lot-page-supplier-h">
              <h3 id="lot-page-supplier-h">{t('trace.supplier')}</h3>
              <dl className="trace-dl">
                <dt>{t('trace.supplierName')}</dt>
                <dd>
                  {p.supplier.name} <code>{p.supplier.code}</code>
                </dd>
                <dt>{t('trace.standing')}</dt>
                <dd>
                  <span className={`pill standing-${p.supplier.standing}`}>
                    {t(`standing.${p.supplier.standing}`)}
                  </span>
                </dd>
              </dl>
            </section>
          </div>
          <section data-testid="lot-page-timeline" aria-labelledby="lot-page-timeline-h">
            <h3 id="lot-page-timeline-h">{t('trace.timeline')}</h3>
            <ol className="trace-timeline">
              {p.timeline.map((e) => (
                <TimelineItem key={e.seq} entry={e} />
              ))}
            </ol>
          </section>
          <section data-testid="lot-page-other-lots" aria-labelledby="lot-page-other-h">
            <h3 id="lot-page-other-h">{t('trace.otherLots')}</h3>
            {p.otherLots.length === 0 ? (
              <p className="empty">{t('trace.noOtherLots')}</p>
            ) : (
              <ul className="trace-other-lots">
                {p.otherLots.map((l) => (
                  <li key={l.lotId}>
                    <button
                      type="button"
                      className="chip"
                      data-testid="lot-page-other-lot"
                      data-lot-id={l.lotId}
                      disabled={!onOpenLot}
                      onClick={() => onOpenLot?.(l.lotId)}
                    >
                      <code>{l.lot || t('inspection.noLot')}</code> {l.gtin} · {l.quantity} ·{' '}
                      {t(`lotStatus.${l.status}`)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </article>
  );
}

function LotFacts({ page: p }: { page: TraceLotPage }) {
  const { t, i18n } = useTranslation();
  const w = p.whereabouts;
  const name = i18n.language.startsWith('zh') ? (p.lot.skuNameZh ?? p.lot.skuName) : p.lot.skuName;
  return (
    <section data-testid="lot-page-summary" aria-labelledby="lot-page-summary-h">
      <h3 id="lot-page-summary-h">{t('trace.lotFacts')}</h3>
      <dl className="trace-dl">
        <dt>{t('inspection.product')}</dt>
        <dd>
          {name ?? t('common.none')} <code>{p.lot.gtin}</code>
        </dd>
        <dt>{t('inspection.quantity')}</dt>
        <dd>{p.lot.quantity}</dd>
        <dt>{t('inspection.expiry')}</dt>
        <dd>{p.lot.expiry ?? t('common.none')}</dd>
        <dt>{t('inspection.received')}</dt>
        <dd>{p.lot.receivedOn}</dd>
        <dt>{t('trace.whereabouts')}</dt>
        <dd data-testid="lot-page-whereabouts">
          {t(`trace.stock.${w.stockStatus}`, { defaultValue: w.stockStatus })}
          {w.locationNote ? ` · ${w.locationNote}` : ''}
          {w.returnedUnits > 0 ? ` · ${t('trace.returnedUnits', { count: w.returnedUnits })}` : ''}
        </dd>
      </dl>
    </section>
  );
}

function TimelineItem({ entry: e }: { entry: TraceEntry }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <li className={`trace-entry trace-${e.kind}`} data-testid="timeline-entry" data-kind={e.kind}>
      <div className="trace-entry-head">
        <span className="trace-seq" title={e.hash}>
          #{e.count > 1 ? `${e.seq}–${e.lastSeq}` : e.seq}
        </span>
        <time dateTime={new Date(e.recordedAt).toISOString()}>
          {new Date(e.recordedAt).toLocaleString()}
        </time>
        <span className="trace-kind">{t(`trace.kind.${e.kind}`)}</span>
        <span className="trace-actor">{e.actorName ?? e.actor}</span>
      </div>
      <p className="trace-summary">{zh ? e.summary.zh : e.summary.en}</p>
      {e.signOff && (
        <p className="trace-signoff" data-testid="timeline-signoff">
          {t('trace.signedOff', { name: e.signOff.name, meaning: e.signOff.meaning })}
        </p>
      )}
      {e.photos.length > 0 && (
        <div data-testid="timeline-photos">
          <PhotoThumbs photos={e.photos} />
        </div>
      )}
    </li>
  );
}
