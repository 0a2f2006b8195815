import { z } from 'zod';

/**
 * How the desktop app presents itself on this machine (Electron only; browser mode ignores it):
 * kiosk (full screen, no way out to the desktop: a dock terminal), plain full screen, and
 * starting when the operator logs in. An admin's setting: it decides who can leave the app.
 */
export const desktopSettings = z.object({
  kiosk: z.boolean(),
  fullScreen: z.boolean(),
  startAtLogin: z.boolean(),
});
export type DesktopSettings = z.infer<typeof desktopSettings>;

export const defaultDesktopSettings: DesktopSettings = {
  kiosk: false,
  fullScreen: false,
  startAtLogin: false,
};
