import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../src-shared/api/contract';
import type { ApiError } from '../../src-shared/api/result';
import { api } from '../api/client';

/** Loads one call's result for a screen and refreshes it whenever the log grows. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>) {
  const [value, setValue] = useState<CallOutput<N> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);

  const load = useCallback(
    () =>
      api.call(name, JSON.parse(key) as CallInput<N>).then((result) => {
        if (result.ok) {
          setValue(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
        setLoading(false);
      }),
    [name, key],
  );

  useEffect(() => {
    void load();
    // Any new fact in the log may change what this screen shows.
    return api.on('log.appended', () => void load());
  }, [load]);

  return { value, error, loading, reload: load };
}
