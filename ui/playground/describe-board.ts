import type { DrawableItem } from '../../src/simulator/drawable-item';
import type { BoardRules, SimulatedBoard } from '../../src/simulator/simulated-board';

/** One item of the board as tests and the console see it: absolute top-left, size, text, identity. */
export type BoardItemSummary = Pick<DrawableItem, 'id' | 'kind' | 'text' | 'x' | 'y' | 'width' | 'height' | 'hasIdentity' | 'parentId' | 'fill' | 'groupId' | 'rich'>;

/** What the playground shows on `window.__playground`, for tests and curious people. */
export interface PlaygroundState {
  /** The rules of the board shown now. */
  readonly rules: BoardRules;
  /** Every item on the board now, read from the simulated host. */
  describeBoard(): { items: BoardItemSummary[] };
}

/** The items of `board` as plain data: read fresh on every call. */
export function describeBoard(board: SimulatedBoard): { items: BoardItemSummary[] } {
  return {
    items: board.listItems().map(({ id, kind, text, x, y, width, height, hasIdentity, parentId, fill, groupId, rich }) => ({
      id,
      kind,
      text,
      x,
      y,
      width,
      height,
      hasIdentity,
      parentId,
      fill,
      ...(groupId === undefined ? {} : { groupId }),
      ...(rich === undefined ? {} : { rich }),
    })),
  };
}
