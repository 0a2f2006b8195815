import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintsScreen } from '../features/complaints/ComplaintsScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { InspectionScreen } from '../features/inspection/InspectionScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { ScanToast } from '../features/scanning/ScanToast';
import { useKeyboardWedge } from '../features/scanning/useKeyboardWedge';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ShelfLifeScreen } from '../features/shelf-life/ShelfLifeScreen';
import { SuppliersScreen } from '../features/suppliers/SuppliersScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { TraceScreen } from '../features/trace/TraceScreen';
import { SCREENS, useStation, type Screen } from '../store/station-store';
import { StorageBanner } from '../features/storage/StorageBanner';
import { StatusBar } from './StatusBar';
import { useIdleSignOut } from './useIdleSignOut';

const VIEWS: Record<Screen, () => React.JSX.Element | null> = {
  intake: IntakeScreen,
  inspection: InspectionScreen,
  shelfLife: ShelfLifeScreen,
  trace: TraceScreen,
  complaints: ComplaintsScreen,
  suppliers: SuppliersScreen,
  sync: SyncScreen,
  settings: SettingsScreen,
  review: ReviewScreen,
};

export function Shell() {
  const { t } = useTranslation();
  const screen = useStation((s) => s.screen);
  const go = useStation((s) => s.go);
  const signOut = useStation((s) => s.signOut);
  useIdleSignOut();
  useKeyboardWedge();

  // Alt+1…9 jumps between screens from anywhere, gloves on, no mouse needed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const index = Number(e.key) - 1;
      const target = SCREENS[index];
      if (target) {
        e.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const View = VIEWS[screen];
  return (
    <div className="shell">
      <nav className="nav" aria-label={t('nav.label')}>
        <div className="brand">{t('app.title')}</div>
        <ul>
          {SCREENS.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className={s === screen ? 'nav-item active' : 'nav-item'}
                aria-current={s === screen ? 'page' : undefined}
                data-screen={s}
                onClick={() => go(s)}
              >
                <span>{t(`nav.${s}`)}</span>
                <kbd>{t('nav.shortcut', { key: i + 1 })}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="nav-item sign-out" onClick={() => void signOut('user')}>
          {t('nav.signOut')}
        </button>
      </nav>
      <main className="content" id="content" aria-live="polite">
        <StorageBanner />
        <View />
      </main>
      <ScanToast onScreen={screen !== 'intake'} />
      <StatusBar />
    </div>
  );
}
