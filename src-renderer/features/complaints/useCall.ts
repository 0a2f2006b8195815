import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../src-shared/api/contract';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';

/** Loads one call's result, and again on `reload()` (after a change made on this screen). */
export function useCall<N extends CallName>(name: N, input: CallInput<N>) {
  const key = JSON.stringify(input);
  const [value, setValue] = useState<CallOutput<N> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void api.call(name, JSON.parse(key) as CallInput<N>).then((r) => {
      if (!live) return;
      if (r.ok) {
        setValue(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [name, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { value, error, reload };
}
