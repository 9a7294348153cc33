import type { DrawableItem } from './drawable-item';

/** Which host's rules a simulated board follows. */
export type BoardRules = 'miro' | 'figjam';

/** A rectangle in board units: top-left corner and size. */
export interface BoardRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A fake host board seen from the person's side: what to draw, and the
 * edits a person makes by hand. Edits change the fake's stored items
 * directly, as a person's edit reaches the host: no SDK call is logged and
 * app identity is kept. Every method throws when `id` is not on the board.
 */
export interface SimulatedBoard {
  readonly rules: BoardRules;
  /** Every item, back to front, in absolute board coordinates. */
  listItems(): DrawableItem[];
  /**
   * A number that changes whenever the board may have changed (an SDK call
   * or a person's edit); cheap enough to read every animation frame.
   */
  readChangeCount(): number;
  /** Item ids the app asked the host to zoom to since the last call, latest request only; undefined if none. */
  takeZoomRequest(): string[] | undefined;
  /** Ids of the items selected on the board, by a person or by the app ("show on board"). */
  listSelectedIds(): string[];
  /** A person selects items (none to clear the selection): what the app's "selected map" follows. */
  selectByHand(ids: readonly string[]): void;
  /** A person replaces the text of a sticky, shape or text item. */
  editTextByHand(id: string, text: string): void;
  /** A person drags an item so that its top-left corner lands at (x, y); dropped in a frame or section, it joins it. */
  moveByHand(id: string, x: number, y: number): void;
  /** A person deletes an item (a frame or section with what it holds; a connector too). */
  removeByHand(id: string): void;
  /**
   * A person draws a connector from one item to another (FigJam: an elbowed
   * connector with AUTO magnets; Miro: a curved connector snapped 'auto' at
   * both ends, as Miro's connector tool draws). Returns its id.
   */
  connectByHand(fromId: string, toId: string): string;
  /** A person adds a yellow sticky centred on (x, y) with `text`, without app identity. Returns its id. */
  addStickyByHand(x: number, y: number, text: string): string;
  /**
   * A person groups items (FigJam ⌘G, Miro's Group): they keep their places
   * and their frame or section. Returns the group's id.
   */
  groupByHand(ids: readonly string[]): string;
  /** A person ungroups a group: its items stay where they are. */
  ungroupByHand(groupId: string): void;
  /** A person gives a sticky or shape another fill (`#rrggbb`, snapped to the colours the host offers). */
  recolourByHand(id: string, fill: string): void;
  /**
   * A person styles characters `start` to `end` (UTF-16 offsets into the
   * item's plain text) of a sticky's or shape's text: bold, italic, a link.
   */
  styleTextByHand(id: string, range: { start: number; end: number }, style: { bold?: boolean; italic?: boolean; link?: string }): void;
  /** A person looks at `rect` of the board: where the host places new maps. */
  setViewportByHand(rect: BoardRect): void;
}
