import { CentralError } from './central-client';

export interface RetryPolicy {
  /** Tries per call within one round, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 500, maxMs: 30_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Exponential backoff with full jitter (a random wait up to base·2^n, capped): many stations
 * coming back online together do not hammer head office in step. A Retry-After from head
 * office (429/503) is a floor.
 */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  const jittered = Math.round((policy.random ?? Math.random)() * ceiling);
  return Math.min(policy.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Runs `call` until it succeeds, fails for good, or the tries run out. Only errors head office
 * may get over by itself are retried (network, 5xx, 429); a 401 gets one `reauthenticate`
 * (the station re-learns head office's clock) and one more try.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  call: () => Promise<T>,
  reauthenticate?: () => Promise<void>,
): Promise<T> {
  const sleep = policy.sleep ?? realSleep;
  let reauthenticated = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      if (err.status === 401 && reauthenticate && !reauthenticated) {
        reauthenticated = true;
        await reauthenticate();
        continue;
      }
      if (!err.retryable || attempt + 1 >= policy.attempts) throw err;
      await sleep(backoffMs(policy, attempt, err.retryAfterMs));
    }
  }
}
