import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { useStation } from './store/station-store';
import './styles.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  const store = useStation.getState();
  await store.loadSystem();
  await initI18n(useStation.getState().settings?.language ?? 'en');
  await store.checkSession();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  document.body.textContent = `Intake QC Station could not start this screen: ${message}`;
});
