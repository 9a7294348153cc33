import type { RichText } from '../model/rich-text';

/** What the board simulator can draw; one list for every host. */
export type DrawableKind = 'frame' | 'sticky' | 'shape' | 'ellipse' | 'text' | 'line' | 'image';

/**
 * One item a simulated host holds, as the simulator draws it: absolute
 * board coordinates (top-left corner and size), text, and colours as
 * `#rrggbb`. Host details (Miro centres, FigJam section-relative positions,
 * HTML content, paints) are resolved by the host's reader.
 */
export interface DrawableItem {
  /** The host's item id. */
  id: string;
  kind: DrawableKind;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Plain text, lines separated by `\n`; a frame's title. */
  text: string;
  /** How many leading lines are bold (a shape's heading); 0 for none. */
  boldLines: number;
  /** Font size in board units; 0 asks the drawing to shrink the text to fit (Miro stickies). */
  fontSize: number;
  align: 'left' | 'center' | 'right';
  verticalAlign: 'top' | 'middle' | 'bottom';
  /** Inner padding around the text, in board units. */
  padding: number;
  fill: string | undefined;
  stroke: string | undefined;
  strokeWidth: number;
  textColor: string;
  cornerRadius: number;
  /** Images only: the picture, as a data URL. */
  src?: string;
  /** Lines only: SVG path data relative to (x, y). */
  path?: string;
  /** Whether the item carries this app's identity (metadata / plugin data). */
  hasIdentity: boolean;
  /** The frame or section holding the item, if any. */
  parentId: string | undefined;
  /** The group the item belongs to, if any. */
  groupId?: string;
  /** The form of the text (bold, italics, links…), when it has more than plain lines. */
  rich?: RichText;
}

/** Item kinds whose text a person edits in place on the board. */
export const EDITABLE_KINDS: ReadonlySet<DrawableKind> = new Set(['sticky', 'shape', 'text']);

/** Item kinds a person drags on the simulated board (elsewhere a drag pans the view). */
export const DRAGGABLE_KINDS: ReadonlySet<DrawableKind> = new Set(['sticky', 'ellipse']);
