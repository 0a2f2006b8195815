import { useEffect } from 'react';
import { useStation } from '../store/station-store';

/** Signs the user out of this screen after the configured idle time (the station enforces it too). */
export function useIdleSignOut(): void {
  const minutes = useStation((s) => s.settings?.idleSignOutMinutes ?? 15);
  const signOut = useStation((s) => s.signOut);
  useEffect(() => {
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void signOut('idle'), minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, arm, { passive: true }));
    arm();
    return () => {
      window.clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, arm));
    };
  }, [minutes, signOut]);
}
