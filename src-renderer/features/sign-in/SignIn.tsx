import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/ErrorText';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { useStation } from '../../store/station-store';

/** Badge first (a scanner types it and presses Enter), then the PIN. */
export function SignIn() {
  const { t } = useTranslation();
  const signIn = useStation((s) => s.signIn);
  const demo = useStation((s) => s.info?.demo ?? false);
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [step, setStep] = useState<'badge' | 'pin'>('badge');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const badgeRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (step === 'badge' ? badgeRef : pinRef).current?.focus();
  }, [step]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (step === 'badge') {
      if (badge.trim()) setStep('pin');
      return;
    }
    setBusy(true);
    const failure = await signIn(badge.trim(), pin);
    setBusy(false);
    if (failure) {
      setError(failure);
      setPin('');
      pinRef.current?.focus();
    }
  };

  return (
    <main className="sign-in">
      <form
        className="card sign-in-card"
        onSubmit={(e) => void submit(e)}
        aria-label={t('signIn.title')}
      >
        <h1>{t('app.title')}</h1>
        <h2>{t('signIn.title')}</h2>
        <label htmlFor="badge">{t('signIn.badge')}</label>
        <input
          id="badge"
          ref={badgeRef}
          value={badge}
          autoComplete="off"
          disabled={step === 'pin'}
          onChange={(e) => setBadge(e.target.value)}
          aria-describedby="badge-hint"
        />
        <p id="badge-hint" className="hint">
          {t('signIn.badgeHint')}
        </p>
        {step === 'pin' && (
          <>
            <label htmlFor="pin">{t('signIn.pin')}</label>
            <input
              id="pin"
              ref={pinRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
              aria-describedby="pin-hint"
            />
            <p id="pin-hint" className="hint">
              {t('signIn.pinHint')}
            </p>
          </>
        )}
        <ErrorBanner error={error} />
        <div className="row">
          {step === 'pin' && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setStep('badge');
                setPin('');
                setError(null);
              }}
            >
              {t('signIn.back')}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </div>
        {demo && (
          <p className="hint demo-hint">
            {t('signIn.demoUsers')}: {t('signIn.demoHint')}
          </p>
        )}
        <LanguageSwitch />
      </form>
    </main>
  );
}
