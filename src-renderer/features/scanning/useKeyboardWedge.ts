import { useEffect } from 'react';
import { defaultSettings } from '../../../src-shared/api/domain-settings';
import { api } from '../../api/client';
import { useStation } from '../../store/station-store';
import { offerScan } from './scan-consumers';
import { scanRefusalText } from '../storage/scan-refusal';
import { reportScanFailure } from './scan-feedback';
import { insertReleasedText } from './text-insertion';
import { WedgeDetector, type WedgeScheduler } from './wedge-detector';

const browserScheduler: WedgeScheduler = (callback, delayMs) => {
  const timer = window.setTimeout(callback, delayMs);
  return () => window.clearTimeout(timer);
};

/**
 * Sends scans as one request at a time, in the order they were read: two quick scans must
 * reach the log in the order the cartons were scanned.
 */
function scanSender(): (data: string) => void {
  let queue: Promise<void> = Promise.resolve();
  return (data) => {
    // A screen that is waiting for a scan of its own (an inspection unit) takes it first.
    if (offerScan(data)) return;
    queue = queue.then(async () => {
      const result = await api.call('scan.submit', { data, source: 'wedge' });
      // Success needs nothing here: the station pushes `scan.result` to every screen.
      if (!result.ok) reportScanFailure(scanRefusalText(result.error));
    });
  };
}

/**
 * The idle sign-out watches keydown on window; held keys never get there (they are stopped
 * in the capture phase), so a person who only scans would be signed out mid-delivery. A
 * synthetic keydown (ignored below, as untrusted) tells it someone is at work.
 */
function noteActivity(): void {
  window.dispatchEvent(new KeyboardEvent('keydown'));
}

/**
 * Keyboard-wedge scanning on every screen of the Shell, whatever has the focus. Mounted once,
 * in Shell: the sign-in screen is outside it, so a scanned badge types into the badge field.
 */
export function useKeyboardWedge(): void {
  const settings = useStation((s) => s.settings) ?? defaultSettings;
  const loadSystem = useStation((s) => s.loadSystem);
  const { wedgeMaxInterKeyMs, wedgeMinLength, wedgePrefix, wedgeSuffix, wedgeGsSubstitute } =
    settings;

  useEffect(() => {
    const send = scanSender();
    const detector = new WedgeDetector<EventTarget | null>(
      {
        maxInterKeyMs: wedgeMaxInterKeyMs,
        minLength: wedgeMinLength,
        prefix: wedgePrefix,
        suffix: wedgeSuffix,
        gsSubstitute: wedgeGsSubstitute,
      },
      {
        onScan: (data) => {
          send(data);
          noteActivity();
        },
        onRelease: (text, target) => {
          insertReleasedText(target, text);
          noteActivity();
        },
      },
      browserScheduler,
    );
    // Capture phase on window: before any field, form or shortcut handler sees the key.
    const onKeyDown = (event: KeyboardEvent) => {
      // Our own activity signal, and events a script made up (they type nothing anyway).
      if (!event.isTrusted) return;
      if (detector.keydown(event, event.target) === 'hold') {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    // Leaving the window ends typing: give the text back while its field is still there.
    const onBlur = () => detector.flush();
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('blur', onBlur);
      detector.flush();
    };
  }, [wedgeMaxInterKeyMs, wedgeMinLength, wedgePrefix, wedgeSuffix, wedgeGsSubstitute]);

  // Wedge settings changed on another screen (or by an admin): read them again.
  useEffect(() => api.on('settings.changed', () => void loadSystem()), [loadSystem]);
}
