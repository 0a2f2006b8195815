import { useTranslation } from 'react-i18next';
import { headlineActivity, useCameraStatus } from './camera-status';

/** The status bar's camera: not in use, starting, running (and reading), unplugged, blocked… */
export function CameraStatusItem() {
  const { t } = useTranslation();
  const activity = useCameraStatus((s) => headlineActivity(s.users));
  let text: string;
  let tone = '';
  switch (activity?.state) {
    case undefined:
      text = t('status.cameraNone');
      break;
    case 'starting':
      text = t('camera.status.starting');
      break;
    case 'on':
      text = activity.scanning
        ? t('camera.status.scanning', { name: activity.label || t('camera.status.unnamed') })
        : t('camera.status.on', { name: activity.label || t('camera.status.unnamed') });
      tone = ' ok';
      break;
    case 'lost':
      text = t('camera.status.lost');
      tone = ' bad';
      break;
    case 'problem':
      text = t(`camera.status.problem`);
      tone = ' bad';
      break;
  }
  return (
    <span
      className={`status-item${tone}`}
      data-status="camera"
      data-state={activity?.state ?? 'off'}
      title={activity?.state === 'on' ? activity.label : undefined}
    >
      <b>{t('status.camera')}</b> {text}
    </span>
  );
}
