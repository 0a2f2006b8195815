import { useEffect, useRef } from 'react';

type Consumer = (data: string) => boolean;

/** Screens that take keyboard-wedge scans for themselves, newest first (e.g. inspection units). */
const consumers: Consumer[] = [];

/**
 * Offers a wedge scan to the screen that wants it before it goes to the station's scan
 * pipeline: while a unit form is open, scanning a unit starts that unit instead of counting it
 * into the delivery a second time. Returns true when a screen took it.
 */
export function offerScan(data: string): boolean {
  return consumers.some((consume) => consume(data));
}

/** While mounted (and `active`), scans go to `onScan` instead of the pipeline. */
export function useScanConsumer(active: boolean, onScan: (data: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!active) return;
    const consumer: Consumer = (data) => {
      latest.current(data);
      return true;
    };
    consumers.unshift(consumer);
    return () => {
      const i = consumers.indexOf(consumer);
      if (i >= 0) consumers.splice(i, 1);
    };
  }, [active]);
}
