import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShelfBoard } from '../../../src-shared/api/domain-shelf-life';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { useStation } from '../../store/station-store';

/** Facts in the log that change which lots are on the board, or what it says about them. */
const CHANGES_BOARD = new Set([
  'lot.stock-changed',
  'lot.decided',
  'lot.shelf-life-evaluated',
  'lot.returned',
  'sku.upserted',
]);

/**
 * The shelf-life board, reloaded when the log records a fact that changes it (not on every
 * scan: the board can hold 100,000 lots) and when the station's date turns. Reloads asked for
 * while one is under way are folded into a single reload after it.
 */
export function useBoard() {
  const today = useStation((s) => s.info?.today ?? '');
  const [value, setValue] = useState<ShelfBoard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const load = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async () => {
      do {
        again.current = false;
        const result = await api.call('shelfLife.board', {});
        if (result.ok) {
          setValue(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      } while (again.current);
      running.current = null;
    };
    running.current = run();
    return running.current;
  }, []);

  useEffect(() => {
    void load();
    return api.on('log.appended', (e) => {
      if (CHANGES_BOARD.has(e.type)) void load();
    });
  }, [load, today]);

  return { value, error, reload: load };
}
