import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot, resourcePath } from '../src-main/paths';

const NAMES = ['ok', 'warning', 'error'] as const;

interface WavInfo {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  samples: Int16Array;
}

/** Reads the canonical 44-byte header the script writes, checking every field it relies on. */
function readWav(file: string): WavInfo {
  const buf = readFileSync(file);
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF');
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8);
  expect(buf.toString('ascii', 8, 16)).toBe('WAVEfmt ');
  expect(buf.toString('ascii', 36, 40)).toBe('data');
  const dataBytes = buf.readUInt32LE(40);
  expect(dataBytes).toBe(buf.length - 44);
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i += 1) samples[i] = buf.readInt16LE(44 + i * 2);
  return {
    format: buf.readUInt16LE(20),
    channels: buf.readUInt16LE(22),
    sampleRate: buf.readUInt32LE(24),
    bitsPerSample: buf.readUInt16LE(34),
    samples,
  };
}

describe('station sounds', () => {
  it('are exactly what scripts/make-sounds.mjs generates', () => {
    const r = spawnSync(
      process.execPath,
      [join(appRoot(), 'scripts', 'make-sounds.mjs'), '--check'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(NAMES)(
    '%s.wav is short 16-bit PCM mono at 22.05 kHz, click-free and not clipped',
    (name) => {
      const wav = readWav(resourcePath('sounds', `${name}.wav`));
      expect(wav).toMatchObject({ format: 1, channels: 1, sampleRate: 22_050, bitsPerSample: 16 });
      const ms = (wav.samples.length / wav.sampleRate) * 1000;
      expect(ms).toBeGreaterThan(50);
      expect(ms).toBeLessThanOrEqual(300);
      const peak = wav.samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(peak).toBeGreaterThan(0.5 * 32767);
      expect(peak).toBeLessThan(0.8 * 32767);
      // Starting and ending at silence is what keeps the speaker from clicking.
      expect(wav.samples[0]).toBe(0);
      expect(wav.samples[wav.samples.length - 1]).toBe(0);
    },
  );

  it('fall in pitch from ok to warning to error, so they can be told apart by ear', () => {
    // Zero crossings per second of the sounding part approximate twice the fundamental.
    const pitch = (name: string) => {
      const { samples, sampleRate } = readWav(resourcePath('sounds', `${name}.wav`));
      let crossings = 0;
      let sounding = 0;
      for (let i = 1; i < samples.length; i += 1) {
        const a = samples[i - 1] ?? 0;
        const b = samples[i] ?? 0;
        if (Math.abs(b) > 300) sounding += 1;
        if ((a < 0 && b >= 0) || (a >= 0 && b < 0)) crossings += 1;
      }
      return crossings / 2 / (sounding / sampleRate);
    };
    const [ok, warning, error] = NAMES.map(pitch);
    expect(ok).toBeGreaterThan(1.2 * (warning ?? 0));
    expect(warning).toBeGreaterThan(1.5 * (error ?? 0));
  });
});
