import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DrawableItem } from '../../src/simulator/drawable-item';
import type { SimulatedBoard } from '../../src/simulator/simulated-board';

// While the app draws, the board changes on every call: reading it at most
// every few frames keeps a 150-item map fluid on a slow machine.
const MIN_READ_INTERVAL_MS = 50;

/** What the board holds now, kept fresh. */
export interface BoardItems {
  items: DrawableItem[];
  /** Items the app selected on the board ("show on board"). */
  hostSelectedIds: string[];
  /** Reads the board again now: after a person's edit, so the view never shows the old state. */
  refresh: () => void;
}

/**
 * Keeps the items of `board` fresh: each animation frame compares the
 * board's change count and reads the board again when it moved. Hands the
 * host's zoom requests (zoomTo, scrollAndZoomIntoView) to `onZoomRequest`.
 */
export function useBoardItems(board: SimulatedBoard, onZoomRequest: (ids: string[]) => void): BoardItems {
  const [state, setState] = useState(() => ({ items: board.listItems(), hostSelectedIds: board.listSelectedIds() }));
  const zoomHandler = useRef(onZoomRequest);
  zoomHandler.current = onZoomRequest;

  const refresh = useCallback(() => setState({ items: board.listItems(), hostSelectedIds: board.listSelectedIds() }), [board]);

  useEffect(() => {
    let frame = 0;
    let seen = board.readChangeCount();
    let lastRead = 0;
    const tick = (now: number) => {
      const count = board.readChangeCount();
      if (count !== seen && now - lastRead >= MIN_READ_INTERVAL_MS) {
        seen = count;
        lastRead = now;
        refresh();
      }
      const zoom = board.takeZoomRequest();
      if (zoom) {
        // The app selects what it brings into view ("show on board", presenting): selecting writes nothing, so read it now.
        refresh();
        zoomHandler.current(zoom);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [board, refresh]);

  return { ...state, refresh };
}
