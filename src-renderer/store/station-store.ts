import { create } from 'zustand';
import type { SessionUser } from '../../src-shared/api/domain-auth';
import type { ScanResult } from '../../src-shared/api/domain-intake';
import type { StationSettings } from '../../src-shared/api/domain-settings';
import type { SyncStatus } from '../../src-shared/api/domain-sync';
import type { SystemInfo } from '../../src-shared/api/domain-system';
import type { ApiError } from '../../src-shared/api/result';
import { api } from '../api/client';

export const SCREENS = [
  'intake',
  'inspection',
  'shelfLife',
  'trace',
  'complaints',
  'suppliers',
  'sync',
  'settings',
  'review',
] as const;
export type Screen = (typeof SCREENS)[number];

interface ConnectionSlice {
  connected: boolean;
  info: SystemInfo | null;
  settings: StationSettings | null;
  sync: SyncStatus | null;
  setConnected: (connected: boolean) => void;
  loadSystem: () => Promise<void>;
  refreshSync: () => Promise<void>;
  saveSettings: (changes: Partial<StationSettings>) => Promise<ApiError | null>;
}

interface SessionSlice {
  user: SessionUser | null;
  sessionChecked: boolean;
  checkSession: () => Promise<void>;
  signIn: (badge: string, pin: string) => Promise<ApiError | null>;
  signOut: (why: 'user' | 'idle') => Promise<void>;
}

interface NavSlice {
  screen: Screen;
  go: (screen: Screen) => void;
}

interface ScanSlice {
  lastScan: ScanResult | null;
  scans: ScanResult[];
  addScan: (scan: ScanResult) => void;
}

export type StationState = ConnectionSlice & SessionSlice & NavSlice & ScanSlice;

function screenFromHash(): Screen {
  const name = location.hash.replace(/^#\/?/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'intake';
}

/** One store made of slices; actions live beside their state; components read via selectors. */
export const useStation = create<StationState>()((set, get) => ({
  // connection
  connected: false,
  info: null,
  settings: null,
  sync: null,
  setConnected: (connected) => set({ connected }),
  loadSystem: async () => {
    const [info, settings] = await Promise.all([
      api.call('system.info', {}),
      api.call('settings.get', {}),
    ]);
    set({
      info: info.ok ? info.value : get().info,
      settings: settings.ok ? settings.value : get().settings,
    });
  },
  refreshSync: async () => {
    if (!get().user) return;
    const result = await api.call('sync.status', {});
    if (result.ok) set({ sync: result.value });
  },
  saveSettings: async (changes) => {
    const result = await api.call('settings.update', changes);
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return null;
  },

  // session
  user: null,
  sessionChecked: false,
  checkSession: async () => {
    const result = await api.call('auth.session', {});
    set({ user: result.ok ? result.value : null, sessionChecked: true });
  },
  signIn: async (badge, pin) => {
    const result = await api.call('auth.signIn', { badge, pin });
    if (!result.ok) return result.error;
    set({ user: result.value });
    return null;
  },
  signOut: async (why) => {
    await api.call('auth.signOut', { why });
    set({ user: null, scans: [], lastScan: null });
  },

  // navigation: the hash keeps the screen across a reload
  screen: screenFromHash(),
  go: (screen) => {
    location.hash = `/${screen}`;
    set({ screen });
  },

  // scans pushed by the station
  lastScan: null,
  scans: [],
  addScan: (scan) => set((s) => ({ lastScan: scan, scans: [scan, ...s.scans].slice(0, 100) })),
}));
