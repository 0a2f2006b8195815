import { create } from 'zustand';
import type { ScanResult } from '../../../src-shared/api/domain-intake';
import { useStation } from '../../store/station-store';
import { scanSounds } from './sounds';

/** What the scan toast shows: the newest scan result, or a scan this screen could not send. */
export type ScanFeedback =
  { id: number; kind: 'scan'; scan: ScanResult } | { id: number; kind: 'failure'; message: string };

interface ScanFeedbackState {
  current: ScanFeedback | null;
  showScan: (scan: ScanResult) => void;
  showFailure: (message: string) => void;
  /** Hides the toast if it still shows `id` (a newer one stays). */
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useScanFeedback = create<ScanFeedbackState>()((set) => ({
  current: null,
  showScan: (scan) => set({ current: { id: nextId++, kind: 'scan', scan } }),
  showFailure: (message) => set({ current: { id: nextId++, kind: 'failure', message } }),
  dismiss: (id) => set((s) => (s.current?.id === id ? { current: null } : s)),
}));

function soundsOn(): boolean {
  return useStation.getState().settings?.sounds ?? true;
}

/**
 * Shows (and sounds) every scan result the station pushes from now on, whatever its source:
 * this screen's wedge, the simulator, a serial scanner, another screen. Returns the unsubscribe.
 */
export function watchStationScans(): () => void {
  return useStation.subscribe((state, previous) => {
    const scan = state.lastScan;
    if (!scan || scan === previous.lastScan) return;
    useScanFeedback.getState().showScan(scan);
    if (soundsOn()) void scanSounds().scan(scan.scanId, scan.severity);
  });
}

/** A scan read here but not recorded by the station: say so, loudly, on this screen. */
export function reportScanFailure(message: string): void {
  useScanFeedback.getState().showFailure(message);
  if (soundsOn()) void scanSounds().alert();
}
