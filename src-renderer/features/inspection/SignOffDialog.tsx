import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SignOffInput {
  badge: string;
  pin: string;
  reason: string;
}

/** A QC manager signs off on this station: badge (scanned or typed), PIN and a mandatory reason. */
export function SignOffDialog({
  why,
  onSubmit,
  onCancel,
}: {
  why: string;
  onSubmit: (s: SignOffInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const badgeRef = useRef<HTMLInputElement>(null);
  useEffect(() => badgeRef.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({ badge: badge.trim(), pin, reason: reason.trim() });
  };
  return (
    <form
      className="card dialog signoff form-grid"
      role="dialog"
      aria-modal="true"
      aria-labelledby="signoff-title"
      data-testid="signoff"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id="signoff-title" className="span">
        {t('inspection.signOffTitle')}
      </h3>
      <p className="span hint">{why}</p>
      <label htmlFor="signoff-badge">{t('inspection.managerBadge')}</label>
      <input
        id="signoff-badge"
        ref={badgeRef}
        autoComplete="off"
        value={badge}
        onChange={(e) => setBadge(e.target.value)}
        required
      />
      <label htmlFor="signoff-pin">{t('signIn.pin')}</label>
      <input
        id="signoff-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
        required
      />
      <label htmlFor="signoff-reason">{t('inspection.reason')}</label>
      <input
        id="signoff-reason"
        value={reason}
        minLength={3}
        onChange={(e) => setReason(e.target.value)}
        required
      />
      <div className="span row">
        <button type="submit" className="primary">
          {t('inspection.signAndDecide')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
