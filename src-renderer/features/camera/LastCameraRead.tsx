import { useTranslation } from 'react-i18next';
import { ErrorBanner } from '../../components/ErrorText';
import type { CameraRead } from './useLiveScan';

/** The last code the camera sent, and what the station made of it. */
export function LastCameraRead({ read }: { read: CameraRead | null }) {
  const { t, i18n } = useTranslation();
  if (!read) return <p className="hint">{t('camera.noReadYet')}</p>;
  const { code, result } = read;
  const outcome = result?.outcome ?? (read.consumed ? 'taken-by-screen' : 'not-recorded');
  return (
    <div
      className={`camera-last-read ${result?.severity ?? (read.consumed ? 'ok' : 'error')}`}
      role="status"
      data-testid="camera-last-read"
      data-source={result?.source ?? 'camera'}
      data-outcome={outcome}
    >
      <span className="camera-last-read-title">
        {t('camera.lastRead', { format: code.format })}
      </span>
      <code>{code.text}</code>
      {result && (
        <span className="camera-last-read-message">
          {i18n.language === 'zh-CN' ? result.messageZh : result.message}
          {result.duplicate && ` · ${t('intake.duplicate')}`}
        </span>
      )}
      {read.consumed && <span>{t('camera.takenByScreen')}</span>}
      <ErrorBanner error={read.error} />
    </div>
  );
}
