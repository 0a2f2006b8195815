import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStation } from '../../store/station-store';
import { CameraPanel } from './CameraPanel';

/** Whether the panel was open: a reload (or the next shift) finds the camera as it was left. */
const OPEN_KEY = 'qcs-camera-open';

function rememberedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** The Intake screen's "Camera" toggle and, when on, the live camera panel. */
export function CameraScanner() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(rememberedOpen);
  // The panel opens the chosen camera at once: not before the settings say which one it is.
  const settingsLoaded = useStation((s) => s.settings !== null);
  const toggle = (next: boolean) => {
    setOpen(next);
    try {
      localStorage.setItem(OPEN_KEY, next ? '1' : '0');
    } catch {
      // Storage refused (private window): the panel simply starts closed next time.
    }
  };
  return (
    <div className="camera-scanner">
      <button
        type="button"
        className={open ? 'primary' : 'secondary'}
        aria-expanded={open}
        data-testid="camera-toggle"
        onClick={() => toggle(!open)}
      >
        {t('camera.toggle')}
      </button>
      {open && settingsLoaded && <CameraPanel onClose={() => toggle(false)} />}
    </div>
  );
}
