// Generates the station's feedback sounds, resources/sounds/{ok,warning,error}.wav, from nothing
// but arithmetic, so they are reproducible and carry no third-party licence. The WAV files are
// committed; run this after changing a sound, and `node scripts/make-sounds.mjs --check` to verify
// that the committed files are exactly what this script makes (the test does that).
//
// Design: a dock is loud (forklifts, wrap machines, radios) and the inspector hears these
// hundreds of times a shift, so each sound is short, sits where small speakers are loud
// (roughly 300 Hz to 2 kHz), has soft edges (no clicks) and peaks well below full scale.
// The three differ in pitch, rhythm and direction, so they can be told apart without looking
// and by people with reduced high-frequency hearing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SAMPLE_RATE = 22_050;
const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'sounds');

/**
 * One tone as samples in [-1, 1]. `partials` are [harmonic, relative amplitude] pairs: a few
 * quiet overtones make a tone audible on a small speaker that cannot reproduce its fundamental,
 * without the harshness of a square wave. The envelope rises in `attackMs` and decays
 * exponentially to silence at the end, so neither edge clicks.
 */
function tone({ hz, ms, partials, attackMs = 5, decay = 3 }) {
  const n = Math.round((SAMPLE_RATE * ms) / 1000);
  const attack = Math.max(1, Math.round((SAMPLE_RATE * attackMs) / 1000));
  const norm = partials.reduce((sum, [, a]) => sum + a, 0);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const t = i / SAMPLE_RATE;
    let v = 0;
    for (const [h, a] of partials) v += a * Math.sin(2 * Math.PI * hz * h * t);
    const rise = Math.min(1, i / attack);
    // Exponential decay, pulled to exactly zero at the last sample by the linear factor.
    const fall = Math.exp((-decay * i) / n) * (1 - i / (n - 1));
    out[i] = (v / norm) * rise * fall;
  }
  return out;
}

function silence(ms) {
  return new Float64Array(Math.round((SAMPLE_RATE * ms) / 1000));
}

function concat(...parts) {
  const out = new Float64Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const PURE = [
  [1, 1],
  [2, 0.12],
];
/** Odd harmonics, falling off fast: a soft buzz that still reads as "wrong". */
const BUZZ = [
  [1, 1],
  [2, 0.2],
  [3, 0.35],
  [5, 0.12],
];

/** Each sound as samples in [-1, 1], and the peak level it is scaled to. */
export const SOUNDS = {
  // A single bright beep (E6): "got it", heard hundreds of times a shift, so the shortest.
  ok: { peak: 0.6, samples: () => tone({ hz: 1318.5, ms: 110, partials: PURE, decay: 2.5 }) },
  // Two beeps at a middle pitch (A5): "look at the screen".
  warning: {
    peak: 0.65,
    samples: () =>
      concat(
        tone({ hz: 880, ms: 95, partials: PURE, decay: 1.5 }),
        silence(55),
        tone({ hz: 880, ms: 95, partials: PURE, decay: 1.5 }),
      ),
  },
  // A low buzzing pair falling a fifth (G4 to C4): "stop, this scan was refused".
  error: {
    peak: 0.7,
    samples: () =>
      concat(
        tone({ hz: 392, ms: 125, partials: BUZZ, attackMs: 8, decay: 1 }),
        silence(25),
        tone({ hz: 261.63, ms: 145, partials: BUZZ, attackMs: 8, decay: 1.5 }),
      ),
  },
};

/** 16-bit PCM, mono, little-endian, with the canonical 44-byte RIFF/WAVE header. */
export function encodeWav(samples, peak) {
  let max = 0;
  for (const v of samples) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 0 : (peak * 32767) / max;
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(SAMPLE_RATE, 24);
  buf.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  buf.writeUInt16LE(2, 32); // block align
  buf.writeUInt16LE(16, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i += 1) {
    buf.writeInt16LE(Math.round(samples[i] * scale), 44 + i * 2);
  }
  return buf;
}

export function renderSounds() {
  return Object.fromEntries(
    Object.entries(SOUNDS).map(([name, s]) => [name, encodeWav(s.samples(), s.peak)]),
  );
}

function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, wav] of Object.entries(renderSounds())) {
    const file = join(OUT_DIR, `${name}.wav`);
    if (check) {
      let current = null;
      try {
        current = readFileSync(file);
      } catch {
        // A missing file is reported as stale below.
      }
      if (current === null || !current.equals(wav)) stale.push(file);
    } else {
      writeFileSync(file, wav);
      console.log(`${file}: ${Math.round(((wav.length - 44) / 2 / SAMPLE_RATE) * 1000)} ms`);
    }
  }
  if (stale.length > 0) {
    console.error(`Not what scripts/make-sounds.mjs makes: ${stale.join(', ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
