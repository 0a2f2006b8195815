import { describe, expect, it } from 'vitest';
import { createScanSounds, type SoundName, type SoundOutput } from './sounds';

function fakeOutput(options: { visible?: boolean; claims?: boolean; fails?: boolean } = {}) {
  const played: SoundName[] = [];
  const claimed: string[] = [];
  const output: SoundOutput = {
    play: (name) => {
      played.push(name);
      return options.fails ? Promise.reject(new Error('404')) : Promise.resolve();
    },
    isVisible: () => options.visible ?? true,
    claim: (key) => {
      claimed.push(key);
      return Promise.resolve(options.claims ?? true);
    },
  };
  return { output, played, claimed };
}

describe('scan sounds', () => {
  it('beeps once per scan, with the sound of its severity', async () => {
    const fake = fakeOutput();
    const sounds = createScanSounds(fake.output);
    await sounds.scan('a', 'ok');
    await sounds.scan('a', 'ok');
    await sounds.scan('b', 'warning');
    await sounds.scan('c', 'error');
    expect(fake.played).toEqual(['ok', 'warning', 'error']);
    expect(fake.claimed).toEqual(['qcs-scan-sound:a', 'qcs-scan-sound:b', 'qcs-scan-sound:c']);
  });

  it('keeps quiet on a hidden screen, and does not beep later for the same scan', async () => {
    let visible = false;
    const fake = fakeOutput();
    const sounds = createScanSounds({ ...fake.output, isVisible: () => visible });
    await sounds.scan('a', 'ok');
    visible = true;
    await sounds.scan('a', 'ok');
    expect(fake.played).toEqual([]);
    await sounds.alert();
    expect(fake.played).toEqual(['error']);
  });

  it('keeps quiet when another visible screen claimed the scan', async () => {
    const fake = fakeOutput({ claims: false });
    await createScanSounds(fake.output).scan('a', 'ok');
    expect(fake.played).toEqual([]);
  });

  it('fails silently when a sound cannot play', async () => {
    const fake = fakeOutput({ fails: true });
    const sounds = createScanSounds(fake.output);
    await expect(sounds.scan('a', 'ok')).resolves.toBeUndefined();
    await expect(sounds.alert()).resolves.toBeUndefined();
  });
});
