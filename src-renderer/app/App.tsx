import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { SignIn } from '../features/sign-in/SignIn';
import { useStation } from '../store/station-store';
import { Shell } from './Shell';

export function App() {
  const { t } = useTranslation();
  const user = useStation((s) => s.user);
  const checked = useStation((s) => s.sessionChecked);
  const setConnected = useStation((s) => s.setConnected);
  const addScan = useStation((s) => s.addScan);

  useEffect(() => {
    const offConnection = api.onConnection(setConnected);
    const offScan = api.on('scan.result', addScan);
    return () => {
      offConnection();
      offScan();
    };
  }, [setConnected, addScan]);

  if (!checked) return <p className="loading">{t('app.loading')}</p>;
  return user ? <Shell /> : <SignIn />;
}
