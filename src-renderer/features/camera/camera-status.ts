import { create } from 'zustand';

/** What one open camera (a preview on some panel) is doing, for the status bar. */
export type CameraActivity =
  | { state: 'starting' }
  | { state: 'on'; label: string; scanning: boolean }
  | { state: 'lost'; label: string }
  | { state: 'problem'; problem: string };

interface CameraStatusState {
  /** By camera user (each preview hook has its own key). */
  users: Record<string, CameraActivity>;
  set: (key: string, activity: CameraActivity | null) => void;
}

export const useCameraStatus = create<CameraStatusState>()((set) => ({
  users: {},
  set: (key, activity) =>
    set((s) => {
      const users = { ...s.users };
      if (activity) users[key] = activity;
      else delete users[key];
      return { users };
    }),
}));

const RANK: Record<CameraActivity['state'], number> = { lost: 4, problem: 3, on: 2, starting: 1 };

/** The one to show when several previews are open: trouble first, then a running camera. */
export function headlineActivity(users: Record<string, CameraActivity>): CameraActivity | null {
  let best: CameraActivity | null = null;
  for (const a of Object.values(users)) {
    if (!best || RANK[a.state] > RANK[best.state]) best = a;
  }
  return best;
}
