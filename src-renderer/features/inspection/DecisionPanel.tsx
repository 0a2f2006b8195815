import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionView } from '../../../src-shared/api/domain-inspection';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { downloadBase64 } from '../../components/download';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorBanner } from '../../components/ErrorText';
import { useBilingual } from '../../components/useBilingual';
import { SignOffDialog, type SignOffInput } from './SignOffDialog';

type Decision = 'accept' | 'reject' | 'hold';
const DECISIONS: readonly Decision[] = ['accept', 'reject', 'hold'];

/**
 * The station's proposal and the decision. Confirming the proposal is the inspector's; any
 * other decision, a conditional acceptance or releasing a held lot asks for a QC manager's
 * sign-off first.
 */
export function DecisionPanel({
  view,
  onDecided,
}: {
  view: InspectionView;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const [conditional, setConditional] = useState(false);
  const [pending, setPending] = useState<{ decision: Decision; why: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const proposal = view.judgement.proposal;

  const decide = async (decision: Decision, signOff?: SignOffInput) => {
    const r = await api.call('inspection.decide', {
      lotId: view.lot.lotId,
      decision,
      ...(conditional && decision === 'accept' ? { conditional: true } : {}),
      ...(signOff
        ? { reason: signOff.reason, signOff: { badge: signOff.badge, pin: signOff.pin } }
        : {}),
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setPending(null);
    onDecided();
  };
  const choose = async (decision: Decision) => {
    const need = await api.call('inspection.signOffNeeded', {
      lotId: view.lot.lotId,
      decision,
      conditional: conditional && decision === 'accept',
    });
    if (!need.ok) return setError(need.error);
    if (need.value.needsSignOff) setPending({ decision, why: need.value.why ?? '' });
    else await decide(decision);
  };
  const pack = async () => {
    const r = await api.call('inspection.evidencePack', { lotId: view.lot.lotId });
    if (r.ok) downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
    else setError(r.error);
  };

  if (view.decision) {
    const d = view.decision;
    return (
      <section
        className="card decision-done"
        data-testid="decision"
        aria-labelledby="decision-title"
      >
        <h3 id="decision-title">
          {t('inspection.decided', { decision: t(`inspection.decision.${d.decision}`) })}
          {d.override && <span className="pill warn">{t('inspection.override')}</span>}
          {d.conditional && <span className="pill warn">{t('inspection.conditional')}</span>}
        </h3>
        <p>{d.reason}</p>
        {d.signOff && (
          <p className="signoff-line" data-testid="signoff-line">
            {t('inspection.signedBy', {
              name: d.signOff.name,
              at: new Date(d.signOff.at).toLocaleString(),
              meaning: d.signOff.meaning,
            })}
          </p>
        )}
        <p className="hint">
          {t('inspection.logRef', { seq: d.seq })} <code>{d.eventHash?.slice(0, 16)}…</code>
        </p>
        {view.returned && <p className="banner">{t('inspection.returnCreated')}</p>}
        <ErrorBanner error={error} />
        <div className="row tight">
          <button type="button" className="secondary" onClick={() => void pack()}>
            {t('inspection.evidencePack')}
          </button>
          <DownloadButton
            label={t('exports.certificate')}
            testId="certificate-pdf"
            fetchFile={() => api.call('inspection.certificate', { lotId: view.lot.lotId })}
          />
          <DownloadButton
            label={t('exports.deliveryPack')}
            testId="delivery-pack-pdf"
            fetchFile={() =>
              api.call('inspection.deliveryEvidencePack', { deliveryId: view.lot.deliveryId })
            }
          />
        </div>
      </section>
    );
  }

  return (
    <section className="card" data-testid="decide" aria-labelledby="decide-title">
      <h3 id="decide-title">
        {proposal
          ? t('inspection.proposes', { decision: t(`inspection.decision.${proposal}`) })
          : t('inspection.noProposal')}
      </h3>
      <ul>
        {view.judgement.reasons.map((r) => (
          <li key={r.en}>{pick(r)}</li>
        ))}
      </ul>
      <label className="row">
        <input
          type="checkbox"
          checked={conditional}
          onChange={(e) => setConditional(e.target.checked)}
        />{' '}
        {t('inspection.conditionalLabel')}
      </label>
      <div className="row">
        {DECISIONS.map((d) => (
          <button
            key={d}
            type="button"
            className={d === proposal ? 'primary' : 'secondary'}
            onClick={() => void choose(d)}
            data-decision={d}
          >
            {t(`inspection.decision.${d}`)}
          </button>
        ))}
      </div>
      <ErrorBanner error={error} />
      {pending && (
        <SignOffDialog
          why={pending.why}
          onCancel={() => setPending(null)}
          onSubmit={(s) => void decide(pending.decision, s)}
        />
      )}
    </section>
  );
}
