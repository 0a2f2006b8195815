import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
  type VirtualizerOptions,
} from '@tanstack/react-virtual';
import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';

/** The rows in (and just around) the view, and the height of the whole list. */
export interface ViewportSnapshot {
  readonly items: readonly VirtualItem[];
  readonly totalSize: number;
}

type Options = VirtualizerOptions<HTMLElement, Element>;

/**
 * TanStack Virtual's virtualiser for a list of fixed-height rows, kept outside React: it
 * publishes an immutable snapshot whenever the visible range changes. (`useVirtualizer` returns
 * the mutable virtualiser itself, which the React Compiler cannot memoise safely; screens read
 * this snapshot through `useSyncExternalStore` instead.)
 */
export class RowViewport {
  private readonly virtualizer: Virtualizer<HTMLElement, Element>;
  private options: Options;
  private element: HTMLElement | null = null;
  private snapshot: ViewportSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(rowHeight: number, count: number, overscan = 6) {
    this.options = {
      count,
      getScrollElement: () => this.element,
      estimateSize: () => rowHeight,
      overscan,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      // Until the list is in the page, assume a screenful of rows.
      initialRect: { width: 0, height: rowHeight * 12 },
      onChange: () => this.publish(),
    };
    this.virtualizer = new Virtualizer(this.options);
    this.snapshot = this.take();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ViewportSnapshot => this.snapshot;

  /** Follows the scrolling element's size and scrolling; returns what stops it. */
  attach(element: HTMLElement): () => void {
    this.element = element;
    const stop = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
    this.publish();
    return () => {
      this.element = null;
      stop();
    };
  }

  /** The list now has `count` rows. */
  setCount(count: number): void {
    if (count === this.options.count) return;
    this.options = { ...this.options, count };
    this.virtualizer.setOptions(this.options);
    this.virtualizer._willUpdate();
    this.publish();
  }

  /** Scrolls just enough to bring a row into view. */
  scrollToIndex(index: number): void {
    this.virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  private take(): ViewportSnapshot {
    return {
      items: this.virtualizer.getVirtualItems(),
      totalSize: this.virtualizer.getTotalSize(),
    };
  }

  private publish(): void {
    const next = this.take();
    if (next.items === this.snapshot.items && next.totalSize === this.snapshot.totalSize) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** A `RowViewport` over the element `scrollRef` points at, and its current snapshot. */
export function useRowViewport(
  scrollRef: RefObject<HTMLElement | null>,
  rowHeight: number,
  count: number,
): { viewport: RowViewport; snapshot: ViewportSnapshot } {
  const [viewport] = useState(() => new RowViewport(rowHeight, count));
  useLayoutEffect(() => {
    const element = scrollRef.current;
    return element ? viewport.attach(element) : undefined;
  }, [viewport, scrollRef]);
  useLayoutEffect(() => viewport.setCount(count), [viewport, count]);
  const snapshot = useSyncExternalStore(viewport.subscribe, viewport.getSnapshot);
  return { viewport, snapshot };
}
