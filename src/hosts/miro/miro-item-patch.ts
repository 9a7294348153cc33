import type { Point } from '../../layout/scene';
import type { UpdateParts } from '../../sync/host-port';

/**
 * What an item on the board must show to show its scene node, field group
 * by field group, as a drawer describes it (see MiroDrawer.describeTarget):
 *
 * - `centre`: where Miro positions it (a frame child relative to the
 *   frame's top-left, https://developers.miro.com/docs/frame-1; the frame on
 *   the board);
 * - `geometry`: its size, and for a sticky its shape (Miro keeps a sticky's
 *   aspect ratio, so only its width is given,
 *   https://developers.miro.com/docs/websdk-reference-sticky-note);
 * - `text`: the field holding its text (`content` HTML, a frame's `title`);
 * - `look`: its style fields and, for shapes, the shape.
 */
export interface ItemTarget {
  /** Undefined for an item placed by what it joins (a connector). */
  centre?: Point;
  geometry: Readonly<Record<string, string | number>>;
  text?: { field: 'content' | 'title'; value: string };
  look: { style: Readonly<Record<string, unknown>>; shape?: string };
}

/** What decides which fields of an item an update writes. */
export interface PatchRules {
  /** The op's parts; undefined writes everything the node defines (first draw, finishing an insert). */
  parts?: UpdateParts;
  /**
   * The item's text as this run read it; when the board shows other text
   * now, a person typed since, and their words are kept. Undefined when the
   * run did not read the item.
   */
  readText?: string;
  /** The item lies in a person's group: only its place (and words the journey changed) are written, so the group stays as they made it. */
  nested?: boolean;
}

// Board units below which two positions or sizes are the same: what is left of rounding.
const SAME_NUMBER = 0.01;

const differs = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) > SAME_NUMBER : JSON.stringify(a) !== JSON.stringify(b);

/**
 * The fields to write onto `item` (an SDK object read afresh) so that it
 * shows `target`, under `rules`: the place and the geometry when they differ
 * from the board; the text only when the rules allow it (parts.text, or no
 * parts), the board still shows what the run read (text a person typed
 * since is theirs), and it differs; the look only when the rules allow it
 * (parts.style, or no parts) and it differs, merged over the item's own
 * style so fields the app does not set stay as they are. A nested item gets
 * neither geometry nor look. Empty when nothing needs writing: then no
 * `sync()` is due.
 */
export function planItemPatch(item: Readonly<Record<string, unknown>>, target: ItemTarget, rules: PatchRules = {}): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const centre = target.centre;
  if (centre && (differs(item.x, centre.x) || differs(item.y, centre.y))) Object.assign(patch, { x: centre.x, y: centre.y });
  if (!rules.nested) {
    for (const [field, value] of Object.entries(target.geometry)) if (differs(item[field], value)) patch[field] = value;
  }
  const text = target.text;
  if (text) {
    const allowed = rules.parts ? rules.parts.text : true;
    const current = typeof item[text.field] === 'string' ? (item[text.field] as string) : '';
    const untouched = rules.readText === undefined || current === rules.readText;
    if (allowed && untouched && current !== text.value) patch[text.field] = text.value;
  }
  const lookAllowed = !rules.nested && (rules.parts ? rules.parts.style : true);
  if (lookAllowed) {
    const style = (typeof item.style === 'object' && item.style !== null ? item.style : {}) as Record<string, unknown>;
    if (Object.entries(target.look.style).some(([field, value]) => differs(style[field], value))) patch.style = { ...style, ...target.look.style };
    if (target.look.shape !== undefined && item.shape !== target.look.shape) patch.shape = target.look.shape;
  }
  return patch;
}
