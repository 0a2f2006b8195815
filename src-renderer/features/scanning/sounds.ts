/**
 * The scan sounds: one beep per scan, from the screen the inspector can see.
 *
 * Every connected screen hears every `scan.result`; a screen in a hidden tab or a minimised
 * window keeps quiet, and when two screens of this station are visible at once (two windows),
 * a Web Lock named after the scan lets only the first of them beep.
 */

export type SoundName = 'ok' | 'warning' | 'error';

/** What the sounds need of the page; a test passes a fake. */
export interface SoundOutput {
  /** Plays a sound; may reject (file missing, autoplay refused), which is ignored. */
  play(name: SoundName): Promise<void>;
  isVisible(): boolean;
  /** True for the one screen that gets to beep for `key`. */
  claim(key: string): Promise<boolean>;
}

export interface ScanSounds {
  /** The sound for a scan result, at most once per scan id. */
  scan(scanId: string, severity: SoundName): Promise<void>;
  /** The error sound for something that happened on this screen only (a scan not sent). */
  alert(): Promise<void>;
}

/** Scan ids remembered to beep only once; far more than can arrive within a few seconds. */
const REMEMBERED = 200;

export function createScanSounds(output: SoundOutput): ScanSounds {
  const heard = new Set<string>();
  const play = (name: SoundName) => output.play(name).catch(() => undefined);
  return {
    async scan(scanId, severity) {
      if (heard.has(scanId)) return;
      heard.add(scanId);
      if (heard.size > REMEMBERED) {
        const oldest = heard.values().next();
        if (!oldest.done) heard.delete(oldest.value);
      }
      if (!output.isVisible()) return;
      if (!(await output.claim(`qcs-scan-sound:${scanId}`))) return;
      await play(severity);
    },
    async alert() {
      if (output.isVisible()) await play('error');
    },
  };
}

/** How long a screen keeps the right to a scan's beep: longer than any push takes to arrive. */
const CLAIM_HOLD_MS = 5000;

/** The page's audio: `./sounds/NAME.wav` beside index.html; silent if a file is missing. */
export function browserSoundOutput(): SoundOutput {
  const players = new Map<SoundName, HTMLAudioElement>();
  return {
    play(name) {
      let audio = players.get(name);
      if (!audio) {
        audio = new Audio(`./sounds/${name}.wav`);
        audio.preload = 'auto';
        players.set(name, audio);
      }
      // A file that failed to load once (missing, unreadable) is not asked for again.
      if (audio.error) return Promise.resolve();
      audio.currentTime = 0;
      return audio.play();
    },
    isVisible: () => document.visibilityState === 'visible',
    claim(key) {
      if (!('locks' in navigator)) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        navigator.locks
          .request(key, { ifAvailable: true }, (lock) => {
            resolve(lock !== null);
            return lock ? new Promise<void>((done) => setTimeout(done, CLAIM_HOLD_MS)) : undefined;
          })
          .catch(() => resolve(true));
      });
    },
  };
}

let shared: ScanSounds | null = null;

/** This page's scan sounds (created on first use, so importing this module touches no DOM). */
export function scanSounds(): ScanSounds {
  shared ??= createScanSounds(browserSoundOutput());
  return shared;
}
