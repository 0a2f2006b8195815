import { describe, expect, it } from 'vitest';
import { RendererRecovery } from './renderer-recovery';

describe('renderer crash and hang recovery', () => {
  it('reloads after a crash, an OOM or a hang', () => {
    const r = new RendererRecovery();
    expect(r.onFailure('crashed')).toEqual({ action: 'reload' });
    expect(r.onFailure('oom')).toEqual({ action: 'reload' });
    expect(r.onFailure('unresponsive')).toEqual({ action: 'reload' });
  });

  it('does nothing when the renderer exits cleanly', () => {
    expect(new RendererRecovery().onFailure('clean-exit')).toBeNull();
  });

  it('stops reloading a renderer that keeps dying, and starts again once it has been stable', () => {
    let now = 0;
    const r = new RendererRecovery({ maxReloads: 3, windowMs: 60_000 }, () => now);
    for (let i = 0; i < 3; i += 1) {
      now += 1_000;
      expect(r.onFailure('crashed')).toEqual({ action: 'reload' });
    }
    now += 1_000;
    expect(r.onFailure('crashed')).toEqual({ action: 'give-up', crashes: 4 });
    now += 61_000;
    expect(r.onFailure('crashed')).toEqual({ action: 'reload' });
  });
});
