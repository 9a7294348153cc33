/**
 * An in-memory fake of the FigJam plugin API (`figma` global) for tests.
 *
 * It follows the documented rules that matter to cjm-board and logs every
 * call, so tests can assert the exact list of host calls:
 * - stickies have a constant width of 240 (416 when `isWideWidth`), no
 *   `resize`, and grow in height with their text;
 * - text can be written only after `loadFontAsync` of every font involved
 *   ("Cannot write to node with unloaded font");
 * - section children are positioned relative to the section, `appendChild`
 *   re-parents;
 * - vector path data accepts only absolute `M L Q C Z` with plain numbers;
 * - with `"documentAccess": "dynamic-page"`, `getNodeById` throws and a page
 *   must be `loadAsync`-ed before it can be searched;
 * - `getPluginData` returns "" for a missing key, `setPluginData(key, "")`
 *   removes it, and an entry over 100 kB (key and value) is refused;
 * - `setRelaunchData` replaces all relaunch data and refuses descriptions
 *   over 1000 characters.
 * - `clientStorage` keeps structured-cloned values per key on the person's
 *   machine, answers undefined for a missing key and refuses `undefined`
 *   values and more than 5 MB in all
 *   (https://developers.figma.com/docs/plugins/api/figma-clientStorage).
 * - groups (`figma.group`) have no coordinate space of their own: their
 *   children are positioned in the group's container (the nearest ancestor
 *   that is not a group), a group's box is the bounds of its children, and a
 *   group left without children removes itself
 *   (https://developers.figma.com/docs/plugins/api/GroupNode,
 *   https://developers.figma.com/docs/plugins/api/properties/nodes-relativetransform);
 *   sections nest, `absoluteTransform` and `absoluteBoundingBox` add up
 *   every container on the way and skip groups;
 * - text keeps a style per character (font, decoration, link, list);
 *   writing `characters` resets the ranges, the whole text taking the style
 *   of its first character
 *   (https://developers.figma.com/docs/plugins/api/properties/TextNode-characters),
 *   and `getStyledTextSegments` answers runs of equal styles;
 * - `locked` only stops people: plugins write locked nodes as any other
 *   (https://developers.figma.com/docs/plugins/api/properties/nodes-locked).
 * - `createConnector` (FigJam only) makes an elbowed connector 200 wide on
 *   the current page, its start cap NONE and end cap ARROW_LINES
 *   (https://developers.figma.com/docs/plugins/api/properties/figma-createconnector,
 *   https://developers.figma.com/docs/plugins/api/ConnectorNode); an end is
 *   attached to a node by a magnet or by a position on the node, or free at
 *   a position on the canvas; straight connectors take only CENTER or NONE
 *   magnets, elbowed ones every magnet but CENTER; an end naming a missing or
 *   removed node, the connector itself or another connector, or giving both
 *   a magnet and a position, throws; reads answer copies
 *   (https://developers.figma.com/docs/plugins/api/ConnectorEndpoint). A
 *   connector's box is the bounds of its two ends (an attached end at its
 *   node's centre, or at its position on the node), so it follows the nodes.
 *   Undocumented, the fake's choices: a connector stays when a node it is
 *   attached to is removed, that end left free where the node's centre was;
 *   a new line type moves magnets it refuses to CENTER (straight) or AUTO
 *   (elbowed); moving a connector moves its free ends only.
 * Failures can be requested with `failOn`. `duplicate` does what a person's
 * Duplicate does: copies a node and its subtree with new ids (plugin data
 * copied by default; whether FigJam copies it is not documented); a copied
 * connector's ends on copied nodes go onto their copies, as FigJam copies a
 * connector with the shapes it joins, other ends stay as they were. Other
 * people act while the plugin awaits an API call (`onAwait`): in FigJam,
 * that is when edits of others reach a running plugin.
 */

/** What kind of effect a call has; tests count `write` calls. */
import { readPngSize } from '../app/slide-deck';

export type FakeCallKind = 'read' | 'write' | 'view' | 'plugin' | 'ui';

/** One logged call: a method call or a property write. */
export interface FakeCall {
  kind: FakeCallKind;
  /** Method name, or `set:<property>` for a property write. */
  method: string;
  /** `figma`, `viewport`, `ui`, or the node, e.g. `STICKY 1:7` or `STICKY 1:7 text`. */
  target: string;
  args: unknown[];
}

/** Options of a fake. */
export interface FakeFigmaOptions {
  /** `figma.command`; '' when the plugin was run without a menu command. */
  command?: string;
  viewportCenter?: { x: number; y: number };
  /** `figma.currentUser` (the manifest asks for "currentuser"); default a FigJam user, null for none. */
  currentUser?: { id: string | null; name: string } | null;
  /** Fonts `loadFontAsync` can load; default Inter Regular, Medium, Semi Bold, Bold and Italic, Medium Italic, Bold Italic. */
  availableFonts?: string[];
}

/** The fake and its controls. */
export interface FakeFigma {
  /** The `figma` global to hand to the code under test. */
  api: PluginAPI;
  /** Every call, in order. */
  calls: FakeCall[];
  /** Fonts loaded so far, as `Family Style`. */
  loadedFonts: Set<string>;
  /** Messages the plugin posted to its UI (`figma.ui.postMessage`). */
  uiMessages: unknown[];
  /** Messages shown with `figma.notify`. */
  notifications: string[];
  /** `showUI` arguments, once called. */
  shownUi: { html: string; options: ShowUIOptions | undefined } | undefined;
  /** Whether `closePlugin` was called, and resolves when it is. */
  closed: boolean;
  whenClosed: Promise<void>;
  /** Makes the `nth` next call of `method` throw; `create` matches every `create*`, `set:x` a property write. */
  failOn(method: string, nth?: number): void;
  /**
   * From now on each node-level write (create*, appendChild, insertChild,
   * setPluginData: about one per node drawn) fails with probability `rate`,
   * drawing from `random`. Property sets and `remove` (a run's clean-up of a
   * half-drawn node) do not fail.
   */
  failRandomly(rate: number, random: () => number): void;
  /** Delivers a message from the UI iframe to the plugin (`onmessage` and `on('message')` handlers). */
  sendFromUi(message: unknown): void;
  /** Every node on the current page, depth first. */
  listNodes(): SceneNode[];
  /** The calls that changed the document. */
  listWrites(): FakeCall[];
  /** Forgets the logged calls. */
  clearCalls(): void;
  /**
   * A person duplicates `node`: a copy of it and its subtree, with new ids,
   * added to the same parent at (x, y); connectors copied along join the
   * copies of the nodes they joined. Not logged: it is not a plugin call.
   */
  duplicate<T extends SceneNode>(node: T, options?: { x?: number; y?: number; keepPluginData?: boolean }): T;
  /**
   * A person types `text` into a sticky, shape or text node. Not logged; no
   * font needs loading. Line by line, the characters a person kept keep
   * their style and typed ones take the style of the first character they
   * replace (or of the one before them): a bold heading retyped stays bold,
   * a link edited inside stays a link.
   */
  editTextByHand(node: SceneNode, text: string): void;
  /**
   * A person drags `node` so that its top-left corner is at (x, y) on the
   * page: dropped with its centre inside a section it becomes the child of
   * the innermost such section (positioned relative to it), elsewhere a
   * child of the page; a member of a group stays in its group. Not logged.
   */
  moveByHand(node: SceneNode, x: number, y: number): void;
  /**
   * A person deletes `node` (a section with everything inside it; a
   * connector too). Connectors attached to what goes stay, their ends left
   * free where the nodes were. Not logged.
   */
  removeByHand(node: SceneNode): void;
  /**
   * A person draws a connector from `from` to `to` (both on the page, not
   * connectors): elbowed by default as FigJam's connector tool draws, its
   * ends on AUTO magnets (CENTER for a straight one, the only attached magnet
   * it takes), `label` typed as its text. It goes into the innermost section
   * holding both nodes, else onto the page: an assumption, FigJam does not
   * document where a person's connector is parented. No plugin data. Not
   * logged. Returns the connector; throws when a node is not on the page.
   */
  connectByHand(from: SceneNode, to: SceneNode, options?: { lineType?: ConnectorNode['connectorLineType']; label?: string }): ConnectorNode;
  /**
   * A person puts a new sticky (FigJam's default, light yellow) with its
   * top-left at (x, y) on the page, inside the section under its centre if
   * any, and types `text`. No plugin data. Not logged. Returns the sticky.
   */
  createStickyByHand(x: number, y: number, text: string): StickyNode;
  /** A person selects `nodes` (none to clear): `figma.currentPage.selection` answers them. Not logged. */
  selectByHand(nodes: readonly SceneNode[]): void;
  /** A person pans the canvas: `figma.viewport.center` answers `center` from now on. Not logged. */
  setViewportCenterByHand(center: { x: number; y: number }): void;
  /** A node's plugin data under `key` ("" when absent), read without logging a call. */
  peekPluginData(node: BaseNode, key: string): string;
  /** The bytes of an image `figma.createImage` made, by hash, unlogged; undefined for an unknown hash. */
  peekImage(hash: string): Uint8Array | undefined;
  /**
   * Calls `listener` with each message the plugin posts to its UI, right
   * after it is added to `uiMessages`. Returns the function that stops it.
   */
  listenToUiMessages(listener: (message: unknown) => void): () => void;
  /**
   * Calls `hook` with the method's name each time the plugin awaits one of
   * the API's asynchronous calls (`getNodeByIdAsync`, `loadFontAsync`,
   * `loadAsync` of a page, `clientStorage`), before the call answers: a
   * second person acting while the plugin waits. Calls the hook makes do
   * not call hooks again. Returns the function that stops it.
   */
  onAwait(hook: (method: string) => void | Promise<void>): () => void;
  /**
   * A person groups `nodes` (⌘G): a GROUP in the parent of the first one,
   * where the front-most of them was; every node keeps its place on the
   * page. Not logged. Returns the group.
   */
  groupByHand(nodes: readonly SceneNode[]): GroupNode;
  /** A person ungroups `group`: its children go to the group's parent where they are, the group goes. Not logged. */
  ungroupByHand(group: GroupNode): void;
  /**
   * A person puts `nodes` into a new section drawn around them (`padding`
   * on every side, default 40) inside the parent of the first one; every
   * node keeps its place on the page. Not logged. Returns the section.
   */
  wrapInSectionByHand(nodes: readonly SceneNode[], options?: { padding?: number; name?: string }): SectionNode;
  /** A person picks another fill (`#rrggbb`) for a sticky, shape or section. Not logged. */
  recolourByHand(node: SceneNode, hex: string): void;
  /**
   * A person styles characters `start` (inclusive) to `end` (exclusive) of a
   * sticky's, shape's or text's text: bold or italic (Inter Bold, Medium
   * Italic, Bold Italic), underline or strike-through, a link (`null`
   * removes it), a list for the paragraphs the range touches. Not logged.
   */
  styleTextByHand(node: SceneNode, range: { start: number; end: number }, style: HandTextStyle): void;
  /** A person locks (or unlocks) `node` on the canvas. Not logged. */
  lockByHand(node: SceneNode, locked?: boolean): void;
}

/** What a person can do to a range of text by hand (see FakeFigma.styleTextByHand). */
export interface HandTextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  link?: string | null;
  list?: 'ORDERED' | 'UNORDERED' | 'NONE';
}

// "The total size of your entry (pluginId, key, value) cannot exceed 100 kB"
// (https://developers.figma.com/docs/plugins/api/properties/nodes-setplugindata).
const PLUGIN_DATA_LIMIT = 100_000;
// "The total data size stored by a plugin is limited to 5MB"
// (https://developers.figma.com/docs/plugins/api/figma-clientStorage).
const CLIENT_STORAGE_LIMIT = 5_000_000;
// "This method will throw if description exceeds 1000 characters"
// (https://developers.figma.com/docs/plugins/api/properties/nodes-setrelaunchdata).
const RELAUNCH_DESCRIPTION_LIMIT = 1000;

const ARG_COUNTS: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };
const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;

const READ_METHODS = new Set([
  'getPluginData',
  'getPluginDataKeys',
  'getSharedPluginData',
  'findAll',
  'findAllWithCriteria',
  'findOne',
  'findChildren',
  'findChild',
  'loadAsync',
  'getRangeAllFontNames',
  'getRangeFontName',
  'getRangeTextDecoration',
  'getRangeHyperlink',
  'getRangeListOptions',
  'getStyledTextSegments',
  'getRelaunchData',
  'toString',
  'valueOf',
]);

const fontKey = (font: FontName): string => `${font.family} ${font.style}`;

/** Throws the error Figma throws when path data is not in its SVG subset. */
function validateVectorData(data: string): { width: number; height: number } {
  const fail = (why: string): never => {
    throw new Error(`in set_vectorPaths: Failed to parse path data "${data}": ${why}. Use absolute M, L, Q, C, Z commands with plain numbers, separated by single spaces.`);
  };
  if (typeof data !== 'string' || data.length === 0) fail('empty path');
  const tokens = data.split(' ');
  if (tokens.some((token) => token === '')) fail('tokens must be separated by exactly one space');
  if (tokens[0] !== 'M') fail(`the path must start with "M", not "${tokens[0]}"`);
  let maxX = 0;
  let maxY = 0;
  for (let index = 0; index < tokens.length; ) {
    const command = tokens[index] as string;
    const count = ARG_COUNTS[command];
    if (count === undefined) fail(`unsupported command "${command}" at token ${index}`);
    for (let arg = 1; arg <= (count ?? 0); arg += 1) {
      const token = tokens[index + arg];
      if (token === undefined || !NUMBER.test(token)) fail(`"${command}" at token ${index} needs ${count} numbers, got "${token}"`);
      const value = Number(token);
      if (arg % 2 === 1) maxX = Math.max(maxX, value);
      else maxY = Math.max(maxY, value);
    }
    index += 1 + (count ?? 0);
  }
  return { width: maxX, height: maxY };
}

interface FakeInternals {
  log(kind: FakeCallKind, method: string, target: string, args: unknown[]): void;
  requireFont(font: FontName, operation: string): void;
  nextId(): string;
  /** The unlogged object behind a logging proxy (the object itself when it is not one). */
  raw<T extends object>(value: T): T;
  /** Lets the event loop turn and other people act, as an awaited API call does. */
  settleAsync(method: string): Promise<void>;
  /** The unlogged node with `id` that is on the page (not removed), or undefined. */
  findNode(id: string): FakeNode | undefined;
  /** Frees the ends of connectors attached to `gone` (about to be removed) where they are now. */
  releaseConnectors(gone: readonly FakeNode[]): void;
  /** The images `figma.createImage` made, by hash. */
  images: Map<string, { bytes: Uint8Array; width: number; height: number }>;
}

/** Estimated height of wrapped text: about 0.55 em per character, 1.3 line height. */
function measureTextHeight(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.55)));
  const lines = text.split('\n').reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
  return Math.ceil(lines * fontSize * 1.3);
}

/** The style of one character (one UTF-16 code unit, as Figma counts). Never mutated: ranges get new objects. */
interface CharStyle {
  readonly font: FontName;
  readonly decoration: TextDecoration;
  readonly link: HyperlinkTarget | null;
  readonly list: TextListOptions['type'];
}

/** The fields of StyledTextSegment the fake answers. */
type FakeSegmentField = 'fontName' | 'fontSize' | 'fontWeight' | 'fontStyle' | 'textDecoration' | 'hyperlink' | 'listOptions' | 'fills';

/** One run of characters with equal values of the asked fields, as `getStyledTextSegments` answers it. */
export type FakeTextSegment = { characters: string; start: number; end: number } & Partial<Record<FakeSegmentField, unknown>>;

const sameFont = (a: FontName, b: FontName): boolean => a.family === b.family && a.style === b.style;
const sameLink = (a: HyperlinkTarget | null, b: HyperlinkTarget | null): boolean => (a === null || b === null ? a === b : a.type === b.type && a.value === b.value);

/** Lines of `text` with the offset each starts at. */
function splitLines(text: string): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, text: line });
    start += line.length + 1;
  }
  return lines;
}

/**
 * The styles of a line a person retyped: characters kept at its start and
 * end keep theirs; typed ones take the style of the first one they replace,
 * or of the one before them (as typing continues the text before the caret).
 */
function restyleLine(old: string, styles: readonly CharStyle[], typed: string, fallback: CharStyle): CharStyle[] {
  let prefix = 0;
  while (prefix < old.length && prefix < typed.length && old[prefix] === typed[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < typed.length - prefix && old[old.length - 1 - suffix] === typed[typed.length - 1 - suffix]) suffix += 1;
  const replaced = old.length - prefix - suffix > 0;
  const inserted = (replaced ? styles[prefix] : (styles[prefix - 1] ?? styles[prefix])) ?? fallback;
  return [...styles.slice(0, prefix), ...Array<CharStyle>(typed.length - prefix - suffix).fill(inserted), ...styles.slice(old.length - suffix)];
}

/** Text content of a TEXT node or of a sticky / shape text sublayer. */
class FakeTextContent {
  _fake: FakeInternals;
  _fontSize: number;
  _characters = '';
  /** One style per character. */
  _styles: CharStyle[] = [];
  /** The style new text takes when there is none to copy (an empty text). */
  _base: CharStyle;
  fills: readonly Paint[] = [{ type: 'SOLID', color: { r: 0.12, g: 0.12, b: 0.12 } }];
  hasMissingFont = false;

  constructor(fake: FakeInternals, font: FontName, fontSize: number) {
    this._fake = fake;
    this._base = { font: { family: font.family, style: font.style }, decoration: 'NONE', link: null, list: 'NONE' };
    this._fontSize = fontSize;
  }

  _listFonts(start = 0, end = this._characters.length): FontName[] {
    const fonts = new Map<string, FontName>();
    if (this._characters.length === 0) fonts.set(fontKey(this._base.font), this._base.font);
    for (let index = start; index < end; index += 1) {
      const font = this._styles[index]?.font;
      if (font) fonts.set(fontKey(font), font);
    }
    return [...fonts.values()];
  }
  _requireAllFonts(operation: string, start?: number, end?: number): void {
    for (const font of this._listFonts(start, end)) this._fake.requireFont(font, operation);
  }
  _checkRange(operation: string, start: number, end: number): void {
    if (!(start >= 0 && end > start && end <= this._characters.length)) {
      throw new Error(`in ${operation}: Invalid range ${start}..${end} for ${this._characters.length} characters`);
    }
  }
  _restyle(start: number, end: number, change: (style: CharStyle) => CharStyle): void {
    for (let index = start; index < end; index += 1) {
      const style = this._styles[index];
      if (style) this._styles[index] = change(style);
    }
  }

  get fontName(): FontName {
    return { ...(this._styles[0] ?? this._base).font };
  }
  set fontName(font: FontName) {
    this._fake.requireFont(font, 'set_fontName');
    const copy = { family: font.family, style: font.style };
    this._base = { ...this._base, font: copy };
    this._restyle(0, this._characters.length, (style) => ({ ...style, font: copy }));
  }
  get fontSize(): number {
    return this._fontSize;
  }
  set fontSize(size: number) {
    this._requireAllFonts('set_fontSize');
    if (typeof size !== 'number' || !(size >= 1)) throw new Error(`in set_fontSize: Expected a number >= 1, got ${String(size)}`);
    this._fontSize = size;
  }
  get characters(): string {
    return this._characters;
  }
  set characters(value: string) {
    if (typeof value !== 'string') throw new Error(`in set_characters: Expected a string, got ${typeof value}`);
    this._requireAllFonts('set_characters');
    // "Setting this property will reset styles applied to character ranges":
    // the new text takes the style of the first character.
    const first = this._styles[0] ?? this._base;
    this._base = first;
    this._characters = value;
    this._styles = Array<CharStyle>(value.length).fill(first);
  }
  setRangeFontName(start: number, end: number, font: FontName): void {
    this._fake.requireFont(font, 'setRangeFontName');
    this._checkRange('setRangeFontName', start, end);
    const copy = { family: font.family, style: font.style };
    this._restyle(start, end, (style) => ({ ...style, font: copy }));
  }
  setRangeTextDecoration(start: number, end: number, value: TextDecoration): void {
    this._checkRange('setRangeTextDecoration', start, end);
    this._requireAllFonts('setRangeTextDecoration', start, end);
    if (!['NONE', 'UNDERLINE', 'STRIKETHROUGH'].includes(value)) throw new Error(`in setRangeTextDecoration: Invalid text decoration "${String(value)}"`);
    this._restyle(start, end, (style) => ({ ...style, decoration: value }));
  }
  setRangeHyperlink(start: number, end: number, value: HyperlinkTarget | null): void {
    this._checkRange('setRangeHyperlink', start, end);
    if (value !== null && (typeof value?.value !== 'string' || (value.type !== 'URL' && value.type !== 'NODE'))) {
      throw new Error(`in setRangeHyperlink: Expected { type: "URL" | "NODE", value: string } or null, got ${JSON.stringify(value)}`);
    }
    const link = value === null ? null : { type: value.type, value: value.value };
    this._restyle(start, end, (style) => ({ ...style, link }));
  }
  setRangeListOptions(start: number, end: number, value: TextListOptions): void {
    this._checkRange('setRangeListOptions', start, end);
    if (!['ORDERED', 'UNORDERED', 'NONE'].includes(value?.type)) throw new Error(`in setRangeListOptions: Invalid list type "${String(value?.type)}"`);
    this._restyle(start, end, (style) => ({ ...style, list: value.type }));
  }
  getRangeAllFontNames(start = 0, end = this._characters.length): FontName[] {
    return this._listFonts(start, end).map((font) => ({ ...font }));
  }
  getStyledTextSegments(fields: readonly string[], start?: number, end?: number): FakeTextSegment[] {
    return this._segments(fields, start, end);
  }
  /** getStyledTextSegments without logging, for the simulator's reader. */
  _segments(fields: readonly string[], start = 0, end = this._characters.length): FakeTextSegment[] {
    const known: readonly string[] = ['fontName', 'fontSize', 'fontWeight', 'fontStyle', 'textDecoration', 'hyperlink', 'listOptions', 'fills'];
    const unknown = fields.find((field) => !known.includes(field));
    if (unknown) throw new Error(`in getStyledTextSegments: the fake does not model the field "${unknown}"`);
    if (start === end && start <= this._characters.length) return [];
    this._checkRange('getStyledTextSegments', start, end);
    const equal = (a: CharStyle, b: CharStyle): boolean =>
      fields.every((field) => {
        if (field === 'fontName' || field === 'fontWeight' || field === 'fontStyle') return sameFont(a.font, b.font);
        if (field === 'textDecoration') return a.decoration === b.decoration;
        if (field === 'hyperlink') return sameLink(a.link, b.link);
        if (field === 'listOptions') return a.list === b.list;
        return true;
      });
    const describeStyle = (style: CharStyle): Partial<Record<FakeSegmentField, unknown>> => {
      const values: Partial<Record<FakeSegmentField, unknown>> = {};
      for (const field of fields as FakeSegmentField[]) {
        if (field === 'fontName') values.fontName = { ...style.font };
        else if (field === 'fontWeight') values.fontWeight = /bold/i.test(style.font.style) ? 700 : /medium/i.test(style.font.style) ? 500 : 400;
        else if (field === 'fontStyle') values.fontStyle = /italic/i.test(style.font.style) ? 'ITALIC' : 'REGULAR';
        else if (field === 'textDecoration') values.textDecoration = style.decoration;
        else if (field === 'hyperlink') values.hyperlink = style.link && { ...style.link };
        else if (field === 'listOptions') values.listOptions = { type: style.list };
        else if (field === 'fontSize') values.fontSize = this._fontSize;
        else values.fills = this.fills;
      }
      return values;
    };
    const segments: FakeTextSegment[] = [];
    let from = start;
    for (let index = start + 1; index <= end; index += 1) {
      const previous = this._styles[index - 1] as CharStyle;
      const current = this._styles[index];
      if (index < end && current && equal(previous, current)) continue;
      segments.push({ characters: this._characters.slice(from, index), start: from, end: index, ...describeStyle(previous) });
      from = index;
    }
    return segments;
  }
  /** What a person's typing does: see restyleLine; the line breaks keep theirs. */
  _type(text: string): void {
    const oldLines = splitLines(this._characters);
    const styles: CharStyle[] = [];
    splitLines(text).forEach((line, index, lines) => {
      const old = oldLines[Math.min(index, oldLines.length - 1)] as { start: number; text: string };
      const end = old.start + old.text.length;
      const fallback = this._styles[old.start - 1] ?? this._styles[end] ?? this._base;
      styles.push(...restyleLine(old.text, this._styles.slice(old.start, end), line.text, fallback));
      if (index < lines.length - 1) styles.push(this._styles[end] ?? styles[styles.length - 1] ?? fallback);
    });
    if (this._styles[0]) this._base = this._styles[0];
    this._characters = text;
    this._styles = styles;
  }
  /** The font of one character, for tests. */
  _fontAt(index: number): FontName {
    return (this._styles[index] ?? this._base).font;
  }
}

/** Common node behaviour: identity, parent, position, plugin data. */
class FakeNode {
  _fake: FakeInternals;
  _type: string;
  _id: string;
  _parent: FakeContainer | null = null;
  _removed = false;
  _pluginData = new Map<string, string>();
  _width = 100;
  _height = 100;
  _x = 0;
  _y = 0;
  name: string;
  visible = true;
  // Locked stops people from selecting and dragging; plugins write locked nodes as any other.
  locked = false;

  constructor(fake: FakeInternals, type: string, name: string) {
    this._fake = fake;
    this._type = type;
    this._id = fake.nextId();
    this.name = name;
  }
  get id(): string {
    return this._id;
  }
  get type(): string {
    return this._type;
  }
  get parent(): FakeContainer | null {
    return this._parent;
  }
  get removed(): boolean {
    return this._removed;
  }
  /** Relative to the node's container (the nearest ancestor that is not a group). */
  get x(): number {
    return this._x;
  }
  set x(value: number) {
    this._x = value;
  }
  get y(): number {
    return this._y;
  }
  set y(value: number) {
    this._y = value;
  }
  get width(): number {
    return this._width;
  }
  get height(): number {
    return this._height;
  }
  /** Where the node's top-left corner is on the page. */
  _absolute(): { x: number; y: number } {
    const origin = findSpaceOrigin(this._parent);
    return { x: origin.x + this.x, y: origin.y + this.y };
  }
  get absoluteTransform(): Transform {
    const { x, y } = this._absolute();
    return [
      [1, 0, x],
      [0, 1, y],
    ];
  }
  get absoluteBoundingBox(): Rect {
    return { ...this._absolute(), width: this.width, height: this.height };
  }
  getPluginData(key: string): string {
    return this._pluginData.get(key) ?? '';
  }
  setPluginData(key: string, value: string): void {
    if (typeof value !== 'string') throw new Error(`in setPluginData: Expected value to be a string, got ${typeof value}`);
    const size = new TextEncoder().encode(key + value).length;
    if (size > PLUGIN_DATA_LIMIT) throw new Error(`in setPluginData: Plugin data entry is ${size} bytes, over the limit of 100 kB`);
    if (value === '') this._pluginData.delete(key);
    else this._pluginData.set(key, value);
  }
  _relaunchData: Record<string, string> = {};
  setRelaunchData(data: Record<string, string>): void {
    for (const [command, description] of Object.entries(data)) {
      if (typeof description !== 'string' || description.length > RELAUNCH_DESCRIPTION_LIMIT) {
        throw new Error(`in setRelaunchData: description of "${command}" must be a string of at most 1000 characters`);
      }
    }
    this._relaunchData = { ...data };
  }
  getRelaunchData(): Record<string, string> {
    return { ...this._relaunchData };
  }
  getPluginDataKeys(): string[] {
    return [...this._pluginData.keys()];
  }
  remove(): void {
    if (this._removed) throw new Error(`in remove: The node with id "${this._id}" does not exist`);
    // Before detaching: a freed connector end stays where the node is now.
    this._fake.releaseConnectors([this, ...(this instanceof FakeContainer ? this._listDescendants() : [])]);
    this._parent?._detach(this);
    this._parent = null;
    this._markRemoved();
  }
  _markRemoved(): void {
    this._removed = true;
  }
}

/**
 * Where the coordinate space of `container`'s children starts on the page:
 * a group has none of its own (its children are positioned in the group's
 * container), the page's starts at 0, 0.
 */
function findSpaceOrigin(container: FakeContainer | null): { x: number; y: number } {
  let space = container;
  while (space && space._type === 'GROUP') space = space._parent;
  if (!space || space._type === 'PAGE' || space._type === 'DOCUMENT') return { x: 0, y: 0 };
  return space._absolute();
}

/** Whether `container` is `node` or lies inside it. */
function isWithin(container: FakeContainer, node: FakeNode): boolean {
  const raw = container._fake.raw(node);
  for (let ancestor: FakeContainer | null = container; ancestor; ancestor = ancestor._parent) {
    if (container._fake.raw(ancestor) === raw) return true;
  }
  return false;
}

/** A node with children: page, section, group. */
class FakeContainer extends FakeNode {
  _children: FakeNode[] = [];
  get children(): readonly FakeNode[] {
    return [...this._children];
  }
  appendChild(child: FakeNode): void {
    this._insert(this._children.filter((node) => this._fake.raw(node) !== this._fake.raw(child)).length, child, 'appendChild');
  }
  insertChild(index: number, child: FakeNode): void {
    this._insert(index, child, 'insertChild');
  }
  _insert(index: number, child: FakeNode, operation: string): void {
    if (!(child instanceof FakeNode)) throw new Error(`in ${operation}: Expected a node, got ${typeof child}`);
    if (isWithin(this, child)) throw new Error(`in ${operation}: Cannot move a node inside itself`);
    const old = child._parent;
    if (old && this._fake.raw(old) === this._fake.raw(this)) this._children = this._children.filter((node) => this._fake.raw(node) !== this._fake.raw(child));
    else old?._detach(child);
    if (!(index >= 0 && index <= this._children.length)) {
      throw new Error(`in ${operation}: Cannot insert node at index greater than the number of existing siblings (${index})`);
    }
    this._children.splice(index, 0, child);
    child._parent = this;
  }
  /** Takes `child` out of the children; a group left empty removes itself, as in Figma. */
  _detach(child: FakeNode): void {
    const raw = this._fake.raw(child);
    this._children = this._children.filter((node) => this._fake.raw(node) !== raw);
    if (this._type === 'GROUP' && this._children.length === 0 && !this._removed) {
      this._fake.releaseConnectors([this]);
      this._parent?._detach(this);
      this._parent = null;
      this._markRemoved();
    }
  }
  _listDescendants(): FakeNode[] {
    return this._children.flatMap((child) => [child, ...(child instanceof FakeContainer ? child._listDescendants() : [])]);
  }
  _requireLoaded(_operation: string): void {}
  findAll(callback?: (node: FakeNode) => boolean): FakeNode[] {
    this._requireLoaded('findAll');
    return this._listDescendants().filter((node) => (callback ? callback(node) : true));
  }
  findOne(callback: (node: FakeNode) => boolean): FakeNode | null {
    this._requireLoaded('findOne');
    return this._listDescendants().find(callback) ?? null;
  }
  findChildren(callback?: (node: FakeNode) => boolean): FakeNode[] {
    this._requireLoaded('findChildren');
    return this._children.filter((node) => (callback ? callback(node) : true));
  }
  findAllWithCriteria(criteria: { types?: string[]; pluginData?: { keys?: string[] } }): FakeNode[] {
    this._requireLoaded('findAllWithCriteria');
    if (!criteria.types && !criteria.pluginData) throw new Error('in findAllWithCriteria: At least one criteria must be specified');
    return this._listDescendants().filter((node) => {
      if (criteria.types && !criteria.types.includes(node._type)) return false;
      if (criteria.pluginData) {
        const keys = criteria.pluginData.keys;
        if (keys ? !keys.some((key) => node._pluginData.has(key)) : node._pluginData.size === 0) return false;
      }
      return true;
    });
  }
  override _markRemoved(): void {
    super._markRemoved();
    for (const child of this._children) child._markRemoved();
  }
}

/**
 * A group: no coordinate space and no size of its own. Its box is the
 * bounds of its children (positioned in the group's container); moving it
 * moves them (https://developers.figma.com/docs/plugins/api/GroupNode).
 */
class FakeGroup extends FakeContainer {
  _bounds(): { left: number; top: number; right: number; bottom: number } {
    if (this._children.length === 0) return { left: 0, top: 0, right: 0, bottom: 0 };
    return {
      left: Math.min(...this._children.map((child) => child.x)),
      top: Math.min(...this._children.map((child) => child.y)),
      right: Math.max(...this._children.map((child) => child.x + child.width)),
      bottom: Math.max(...this._children.map((child) => child.y + child.height)),
    };
  }
  override get x(): number {
    return this._bounds().left;
  }
  override set x(value: number) {
    const shift = value - this.x;
    for (const child of this._children) {
      const raw = this._fake.raw(child);
      raw.x = raw.x + shift;
    }
  }
  override get y(): number {
    return this._bounds().top;
  }
  override set y(value: number) {
    const shift = value - this.y;
    for (const child of this._children) {
      const raw = this._fake.raw(child);
      raw.y = raw.y + shift;
    }
  }
  override get width(): number {
    const bounds = this._bounds();
    return bounds.right - bounds.left;
  }
  override get height(): number {
    const bounds = this._bounds();
    return bounds.bottom - bounds.top;
  }
}

class FakePage extends FakeContainer {
  _loaded = false;
  selection: readonly FakeNode[] = [];
  async loadAsync(): Promise<void> {
    await this._fake.settleAsync('loadAsync');
    this._loaded = true;
  }
  override _requireLoaded(operation: string): void {
    if (!this._loaded) {
      throw new Error(`in ${operation}: Cannot search a page that has not been loaded. Call \`await page.loadAsync()\` first ("documentAccess": "dynamic-page").`);
    }
  }
}

class FakeSection extends FakeContainer {
  fills: readonly Paint[] = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];
  strokes: readonly Paint[] = [];
  sectionContentsHidden = false;
  resizeWithoutConstraints(width: number, height: number): void {
    if (!(width >= 0.01 && height >= 0.01)) throw new Error(`in resizeWithoutConstraints: width and height must be >= 0.01, got ${width} x ${height}`);
    this._width = width;
    this._height = height;
  }
  resize(width: number, height: number): void {
    this.resizeWithoutConstraints(width, height);
  }
}

// A connector's label font: FigJam does not document it; the fake's choice.
const CONNECTOR_FONT: FontName = { family: 'Inter', style: 'Medium' };
const CONNECTOR_FONT_SIZE = 16;

const STICKY_SIZE = 240;
const WIDE_STICKY_WIDTH = 416;
const STICKY_PADDING = 24;

class FakeSticky extends FakeNode {
  text: FakeTextContent;
  isWideWidth = false;
  authorVisible = true;
  authorName = 'Test User';
  fills: readonly Paint[] = [{ type: 'SOLID', color: { r: 1, g: 0.91, b: 0.64 } }];
  opacity = 1;
  constructor(fake: FakeInternals, text: FakeTextContent) {
    super(fake, 'STICKY', 'Sticky');
    this.text = text;
  }
  override get width(): number {
    return this.isWideWidth ? WIDE_STICKY_WIDTH : STICKY_SIZE;
  }
  override get height(): number {
    const inner = this.width - 2 * STICKY_PADDING;
    return Math.max(STICKY_SIZE, measureTextHeight(this.text._characters, this.text._fontSize, inner) + 2 * STICKY_PADDING);
  }
}

const SHAPE_TYPES = new Set(['SQUARE', 'ELLIPSE', 'ROUNDED_RECTANGLE', 'DIAMOND', 'TRIANGLE_UP', 'TRIANGLE_DOWN', 'PARALLELOGRAM_RIGHT', 'PARALLELOGRAM_LEFT']);

class FakeShapeWithText extends FakeNode {
  text: FakeTextContent;
  _shapeType = 'SQUARE';
  fills: readonly Paint[] = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];
  strokes: readonly Paint[] = [];
  strokeWeight = 2;
  rotation = 0;
  constructor(fake: FakeInternals, text: FakeTextContent) {
    super(fake, 'SHAPE_WITH_TEXT', 'Shape');
    this.text = text;
    this._width = 208;
    this._height = 208;
  }
  get shapeType(): string {
    return this._shapeType;
  }
  set shapeType(value: string) {
    if (!SHAPE_TYPES.has(value)) throw new Error(`in set_shapeType: Invalid shape type "${value}"`);
    this._shapeType = value;
  }
  resize(width: number, height: number): void {
    if (!(width >= 0.01 && height >= 0.01)) throw new Error(`in resize: width and height must be >= 0.01, got ${width} x ${height}`);
    this._width = width;
    this._height = height;
  }
}

class FakeText extends FakeNode {
  _content: FakeTextContent;
  textAutoResize: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' = 'WIDTH_AND_HEIGHT';
  textAlignHorizontal: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED' = 'LEFT';
  constructor(fake: FakeInternals, content: FakeTextContent) {
    super(fake, 'TEXT', 'Text');
    this._content = content;
  }
  get fontName(): FontName {
    return this._content.fontName;
  }
  set fontName(font: FontName) {
    this._content.fontName = font;
  }
  get fontSize(): number {
    return this._content.fontSize;
  }
  set fontSize(size: number) {
    this._content.fontSize = size;
  }
  get characters(): string {
    return this._content.characters;
  }
  set characters(value: string) {
    this._content.characters = value;
  }
  get fills(): readonly Paint[] {
    return this._content.fills;
  }
  set fills(value: readonly Paint[]) {
    this._content.fills = value;
  }
  setRangeFontName(start: number, end: number, font: FontName): void {
    this._content.setRangeFontName(start, end, font);
  }
  setRangeTextDecoration(start: number, end: number, value: TextDecoration): void {
    this._content.setRangeTextDecoration(start, end, value);
  }
  setRangeHyperlink(start: number, end: number, value: HyperlinkTarget | null): void {
    this._content.setRangeHyperlink(start, end, value);
  }
  setRangeListOptions(start: number, end: number, value: TextListOptions): void {
    this._content.setRangeListOptions(start, end, value);
  }
  getRangeAllFontNames(start?: number, end?: number): FontName[] {
    return this._content.getRangeAllFontNames(start, end);
  }
  getStyledTextSegments(fields: readonly string[], start?: number, end?: number): FakeTextSegment[] {
    return this._content._segments(fields, start, end);
  }
  resize(width: number, height: number): void {
    if (!(width >= 0.01 && height >= 0.01)) throw new Error(`in resize: width and height must be >= 0.01, got ${width} x ${height}`);
    this._width = width;
    this._height = height;
  }
  override get width(): number {
    return this.textAutoResize === 'WIDTH_AND_HEIGHT' ? Math.ceil(this._content._characters.length * this._content._fontSize * 0.55) : this._width;
  }
  override get height(): number {
    if (this.textAutoResize === 'NONE' || this.textAutoResize === 'TRUNCATE') return this._height;
    return measureTextHeight(this._content._characters, this._content._fontSize, this.width);
  }
}

/**
 * `figma.createRectangle()`: in FigJam a picture is a rectangle with an
 * image fill (https://developers.figma.com/docs/plugins/api/Image: "creating
 * an image on the canvas requires creating a rectangle (or other shape),
 * following by adding an image fill to it"). An image fill must name an
 * image `figma.createImage` made.
 */
class FakeRectangle extends FakeNode {
  _fills: readonly Paint[] = [{ type: 'SOLID', color: { r: 0.85, g: 0.85, b: 0.85 } }];
  strokes: readonly Paint[] = [];
  constructor(fake: FakeInternals) {
    super(fake, 'RECTANGLE', 'Rectangle');
  }
  get fills(): readonly Paint[] {
    return this._fills;
  }
  set fills(paints: readonly Paint[]) {
    for (const paint of paints) {
      if (paint.type === 'IMAGE' && (paint.imageHash === null || !this._fake.images.has(paint.imageHash))) throw new Error(`in set_fills: Image with hash ${String(paint.imageHash)} not found`);
    }
    this._fills = paints.map((paint) => ({ ...paint }));
  }
  resize(width: number, height: number): void {
    if (!(width >= 0.01 && height >= 0.01)) throw new Error(`in resize: width and height must be >= 0.01, got ${width} x ${height}`);
    this._width = width;
    this._height = height;
  }
}

class FakeVector extends FakeNode {
  _vectorPaths: readonly VectorPath[] = [];
  fills: readonly Paint[] = [];
  strokes: readonly Paint[] = [];
  strokeWeight = 1;
  _strokeCap = 'NONE';
  strokeJoin = 'MITER';
  constructor(fake: FakeInternals) {
    super(fake, 'VECTOR', 'Vector');
    this._width = 0;
    this._height = 0;
  }
  get vectorPaths(): readonly VectorPath[] {
    return this._vectorPaths;
  }
  set vectorPaths(paths: readonly VectorPath[]) {
    let width = 0;
    let height = 0;
    for (const path of paths) {
      if (!['NONZERO', 'EVENODD', 'NONE'].includes(path.windingRule)) throw new Error(`in set_vectorPaths: Invalid windingRule "${path.windingRule}"`);
      const size = validateVectorData(path.data);
      width = Math.max(width, size.width);
      height = Math.max(height, size.height);
    }
    this._vectorPaths = paths.map((path) => ({ windingRule: path.windingRule, data: path.data }));
    this._width = width;
    this._height = height;
  }
  get strokeCap(): string {
    return this._strokeCap;
  }
  set strokeCap(value: string) {
    if (!['NONE', 'ROUND', 'SQUARE', 'ARROW_LINES', 'ARROW_EQUILATERAL'].includes(value)) throw new Error(`in set_strokeCap: Invalid stroke cap "${value}"`);
    this._strokeCap = value;
  }
  resize(width: number, height: number): void {
    this._width = width;
    this._height = height;
  }
}

type ConnectorLineType = ConnectorNode['connectorLineType'];
type ConnectorMagnet = ConnectorEndpointEndpointNodeIdAndMagnet['magnet'];

/** A connector end as the fake keeps it: on a node (unlogged) by magnet or by a point of the node, or free at a canvas point. */
type FakeConnectorEnd = { node: FakeNode; magnet: ConnectorMagnet } | { node: FakeNode; position: Vector } | { position: Vector };

// "By default, the new node has a width of 200"
// (https://developers.figma.com/docs/plugins/api/properties/figma-createconnector).
const CONNECTOR_WIDTH = 200;
const CONNECTOR_LINE_TYPES: ReadonlySet<string> = new Set<ConnectorLineType>(['ELBOWED', 'STRAIGHT', 'CURVED']);
const CONNECTOR_MAGNETS: ReadonlySet<string> = new Set<ConnectorMagnet>(['NONE', 'AUTO', 'TOP', 'LEFT', 'BOTTOM', 'RIGHT', 'CENTER']);
// https://developers.figma.com/docs/plugins/api/ConnectorStrokeCap
const CONNECTOR_STROKE_CAPS: ReadonlySet<string> = new Set<ConnectorStrokeCap>([
  'NONE',
  'ARROW_EQUILATERAL',
  'ARROW_LINES',
  'TRIANGLE_FILLED',
  'DIAMOND_FILLED',
  'CIRCLE_FILLED',
  'ERD_ZERO_OR_ONE',
  'ERD_EXACTLY_ONE',
  'ERD_ZERO_OR_MORE',
  'ERD_ONE_OR_MORE',
  'ERD_ONE',
  'ERD_MANY',
]);
// "Elbowed connectors may use all magnets besides CENTER; Straight connectors
// may use only CENTER or NONE magnets" (https://developers.figma.com/docs/plugins/api/ConnectorEndpoint).
const MAGNET_RULES: Readonly<Record<ConnectorLineType, { allows: (magnet: ConnectorMagnet) => boolean; rule: string; fallback: ConnectorMagnet }>> = {
  STRAIGHT: { allows: (magnet) => magnet === 'CENTER' || magnet === 'NONE', rule: 'a STRAIGHT connector attaches only to CENTER or NONE magnets', fallback: 'CENTER' },
  ELBOWED: { allows: (magnet) => magnet !== 'CENTER', rule: 'an ELBOWED connector may use every magnet but CENTER', fallback: 'AUTO' },
  CURVED: { allows: () => true, rule: '', fallback: 'AUTO' },
};

const isPoint = (value: unknown): value is Vector =>
  typeof value === 'object' && value !== null && Number.isFinite((value as Vector).x) && Number.isFinite((value as Vector).y);

/** Where a connector end is on the page: an attached end at its node's centre (or at its point of the node). */
function locateConnectorEnd(end: FakeConnectorEnd): Vector {
  if (!('node' in end)) return { x: end.position.x, y: end.position.y };
  const corner = end.node._absolute();
  if ('position' in end) return { x: corner.x + end.position.x, y: corner.y + end.position.y };
  return { x: corner.x + end.node.width / 2, y: corner.y + end.node.height / 2 };
}

/** A connector end as the API answers it: a fresh copy. */
function exportConnectorEnd(end: FakeConnectorEnd): ConnectorEndpoint {
  if (!('node' in end)) return { position: { x: end.position.x, y: end.position.y } };
  if ('magnet' in end) return { endpointNodeId: end.node._id, magnet: end.magnet };
  return { endpointNodeId: end.node._id, position: { x: end.position.x, y: end.position.y } };
}

/**
 * A FigJam connector (https://developers.figma.com/docs/plugins/api/ConnectorNode):
 * its box is computed from its ends on every read, in its container's space.
 */
class FakeConnector extends FakeNode {
  text: FakeTextContent;
  _lineType: ConnectorLineType = 'ELBOWED';
  _start: FakeConnectorEnd = { position: { x: 0, y: 0 } };
  _end: FakeConnectorEnd = { position: { x: CONNECTOR_WIDTH, y: 0 } };
  _startCap: ConnectorStrokeCap = 'NONE';
  _endCap: ConnectorStrokeCap = 'ARROW_LINES';
  // FigJam's look of a new connector is not documented: dark grey, 4 wide.
  strokes: readonly Paint[] = [{ type: 'SOLID', color: { r: 0.12, g: 0.12, b: 0.12 } }];
  strokeWeight = 4;
  dashPattern: readonly number[] = [];
  opacity = 1;
  rotation = 0;
  constructor(fake: FakeInternals, text: FakeTextContent) {
    super(fake, 'CONNECTOR', 'Connector');
    this.text = text;
  }
  get cornerRadius(): number {
    return 0;
  }
  /** Both ends in the coordinate space of the connector's container. */
  _ends(): [Vector, Vector] {
    const origin = findSpaceOrigin(this._parent);
    const [start, end] = [locateConnectorEnd(this._start), locateConnectorEnd(this._end)];
    return [
      { x: start.x - origin.x, y: start.y - origin.y },
      { x: end.x - origin.x, y: end.y - origin.y },
    ];
  }
  /** Moves the free ends; attached ones stay with their nodes. */
  _shiftFreeEnds(dx: number, dy: number): void {
    const shift = (end: FakeConnectorEnd): FakeConnectorEnd => ('node' in end ? end : { position: { x: end.position.x + dx, y: end.position.y + dy } });
    this._start = shift(this._start);
    this._end = shift(this._end);
  }
  override get x(): number {
    const [start, end] = this._ends();
    return Math.min(start.x, end.x);
  }
  override set x(value: number) {
    this._shiftFreeEnds(value - this.x, 0);
  }
  override get y(): number {
    const [start, end] = this._ends();
    return Math.min(start.y, end.y);
  }
  override set y(value: number) {
    this._shiftFreeEnds(0, value - this.y);
  }
  override get width(): number {
    const [start, end] = this._ends();
    return Math.abs(end.x - start.x);
  }
  override get height(): number {
    const [start, end] = this._ends();
    return Math.abs(end.y - start.y);
  }
  get connectorLineType(): ConnectorLineType {
    return this._lineType;
  }
  set connectorLineType(value: ConnectorLineType) {
    if (!CONNECTOR_LINE_TYPES.has(value)) throw new Error(`in set_connectorLineType: Invalid connector line type "${String(value)}"; use "ELBOWED", "STRAIGHT" or "CURVED"`);
    this._lineType = value;
    const { allows, fallback } = MAGNET_RULES[value];
    const fit = (end: FakeConnectorEnd): FakeConnectorEnd => ('magnet' in end && !allows(end.magnet) ? { node: end.node, magnet: fallback } : end);
    this._start = fit(this._start);
    this._end = fit(this._end);
  }
  get connectorStart(): ConnectorEndpoint {
    return exportConnectorEnd(this._start);
  }
  set connectorStart(value: ConnectorEndpoint) {
    this._start = this._readEnd('set_connectorStart', value);
  }
  get connectorEnd(): ConnectorEndpoint {
    return exportConnectorEnd(this._end);
  }
  set connectorEnd(value: ConnectorEndpoint) {
    this._end = this._readEnd('set_connectorEnd', value);
  }
  get connectorStartStrokeCap(): ConnectorStrokeCap {
    return this._startCap;
  }
  set connectorStartStrokeCap(value: ConnectorStrokeCap) {
    this._startCap = this._readCap('set_connectorStartStrokeCap', value);
  }
  get connectorEndStrokeCap(): ConnectorStrokeCap {
    return this._endCap;
  }
  set connectorEndStrokeCap(value: ConnectorStrokeCap) {
    this._endCap = this._readCap('set_connectorEndStrokeCap', value);
  }
  _readCap(operation: string, value: unknown): ConnectorStrokeCap {
    if (typeof value !== 'string' || !CONNECTOR_STROKE_CAPS.has(value)) throw new Error(`in ${operation}: Invalid stroke cap ${JSON.stringify(value)}; use a ConnectorStrokeCap such as "NONE" or "ARROW_LINES"`);
    return value as ConnectorStrokeCap;
  }
  /** Checks an endpoint as Figma does and keeps a copy of it. */
  _readEnd(operation: string, value: unknown): FakeConnectorEnd {
    const fail = (why: string): never => {
      throw new Error(`in ${operation}: ${why}; got ${JSON.stringify(value)}`);
    };
    if (typeof value !== 'object' || value === null) return fail('Expected a ConnectorEndpoint: { endpointNodeId, magnet }, { endpointNodeId, position } or { position }');
    const { endpointNodeId, magnet, position } = value as { endpointNodeId?: unknown; magnet?: unknown; position?: unknown };
    if (position !== undefined && !isPoint(position)) fail('position must be { x, y } with finite numbers');
    const point = position as Vector | undefined;
    if (endpointNodeId === undefined) {
      if (magnet !== undefined) fail('a magnet needs the endpointNodeId of the node to attach to');
      if (!point) fail('an unattached endpoint needs a position on the canvas');
      return { position: { x: (point as Vector).x, y: (point as Vector).y } };
    }
    if (typeof endpointNodeId !== 'string') return fail('endpointNodeId must be a node id string');
    if (magnet !== undefined && point) fail('give a magnet or a position, not both (a position sets the NONE magnet)');
    const node = this._fake.findNode(endpointNodeId);
    if (!node) return fail(`no node with id "${endpointNodeId}" is on the page (it was removed, or the id is wrong)`);
    if (node === this._fake.raw(this)) fail('a connector cannot attach to itself');
    if (node instanceof FakeConnector) fail('a connector cannot attach to another connector');
    if (node._type === 'PAGE' || node._type === 'DOCUMENT') fail(`a connector attaches to a node on the page, not to the ${node._type.toLowerCase()}`);
    if (point) return { node, position: { x: point.x, y: point.y } };
    if (typeof magnet !== 'string' || !CONNECTOR_MAGNETS.has(magnet)) return fail('an attached endpoint needs a position or a magnet: "NONE", "AUTO", "TOP", "LEFT", "BOTTOM", "RIGHT" or "CENTER"');
    const rule = MAGNET_RULES[this._lineType];
    if (!rule.allows(magnet as ConnectorMagnet)) fail(`${rule.rule} (https://developers.figma.com/docs/plugins/api/ConnectorEndpoint); set connectorLineType first, or use magnet "${rule.fallback}"`);
    return { node, magnet: magnet as ConnectorMagnet };
  }
  /** Frees every end attached to a node of `gone`, where that node is now. */
  _release(gone: ReadonlySet<FakeNode>): void {
    const free = (end: FakeConnectorEnd): FakeConnectorEnd => ('node' in end && gone.has(end.node) ? { position: locateConnectorEnd(end) } : end);
    this._start = free(this._start);
    this._end = free(this._end);
  }
  /** Attaches each end whose node was copied along to that copy (unlogged nodes, source to copy). */
  _reattach(copies: ReadonlyMap<FakeNode, FakeNode>): void {
    const follow = (end: FakeConnectorEnd): FakeConnectorEnd => {
      const copy = 'node' in end ? copies.get(end.node) : undefined;
      return copy && 'node' in end ? { ...end, node: copy } : end;
    };
    this._start = follow(this._start);
    this._end = follow(this._end);
  }
}

/**
 * Creates a fake `figma` global. Cast-free use in tests: pass `fake.api`
 * wherever a `PluginAPI` is expected.
 */
export function createFakeFigma(options: FakeFigmaOptions = {}): FakeFigma {
  const calls: FakeCall[] = [];
  const loadedFonts = new Set<string>();
  const availableFonts = new Set(options.availableFonts ?? ['Inter Regular', 'Inter Medium', 'Inter Semi Bold', 'Inter Bold', 'Inter Italic', 'Inter Medium Italic', 'Inter Bold Italic']);
  const failures: { method: string; remaining: number }[] = [];
  const uiMessages: unknown[] = [];
  const notifications: string[] = [];
  const messageListeners = new Set<(message: unknown, props: { origin: string }) => void>();
  let idCounter = 1;
  let resolveClosed: () => void = () => {};
  const whenClosed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });

  let randomFailure: { rate: number; random: () => number } | undefined;
  const checkFailure = (method: string, kind: FakeCall['kind']): void => {
    const nodeWrite = method.startsWith('create') || method === 'appendChild' || method === 'insertChild' || method === 'setPluginData';
    if (randomFailure && kind === 'write' && nodeWrite && randomFailure.random() < randomFailure.rate) {
      throw new Error(`Simulated random failure of ${method}`);
    }
    for (const rule of failures) {
      const matches = rule.method === method || (rule.method === 'create' && method.startsWith('create'));
      if (!matches) continue;
      rule.remaining -= 1;
      if (rule.remaining === 0) {
        failures.splice(failures.indexOf(rule), 1);
        throw new Error(`Simulated failure of ${method} (requested with failOn)`);
      }
    }
  };

  const internals: FakeInternals = {
    log(kind, method, target, args) {
      calls.push({ kind, method, target, args });
      checkFailure(method, kind);
    },
    requireFont(font, operation) {
      if (!loadedFonts.has(fontKey(font))) {
        throw new Error(
          `in ${operation}: Cannot write to node with unloaded font "${fontKey(font)}". Please call figma.loadFontAsync({ family: "${font.family}", style: "${font.style}" }) and await the returned promise first.`,
        );
      }
    },
    nextId: () => `1:${(idCounter += 1)}`,
    images: new Map(),
    raw: (value) => unwrap(value),
    findNode: (id) => {
      const found = root._listDescendants().find((node) => node._id === id && !node._removed);
      return found && unwrap(found);
    },
    releaseConnectors(gone) {
      if (connectors.size === 0) return;
      const nodes = new Set(gone.map((node) => unwrap(node)));
      for (const connector of connectors) {
        if (connector._removed) connectors.delete(connector);
        else connector._release(nodes);
      }
    },
    async settleAsync(method) {
      await Promise.resolve();
      if (actingOthers || awaitHooks.size === 0) return;
      actingOthers = true;
      try {
        for (const hook of [...awaitHooks]) await hook(method);
      } finally {
        actingOthers = false;
      }
    },
  };
  /** Every connector made, unlogged, so that removing a node need not search the page for them. */
  const connectors = new Set<FakeConnector>();
  const addConnector = (content: FakeTextContent): FakeConnector => {
    const connector = trackNode(new FakeConnector(internals, content));
    connectors.add(unwrap(connector));
    return connector;
  };
  /** Hooks of other people acting while the plugin awaits (see onAwait). */
  const awaitHooks = new Set<(method: string) => void | Promise<void>>();
  let actingOthers = false;

  const describe = (node: FakeNode, suffix = ''): string => `${node._type} ${node._id}${suffix}`;
  /** The unlogged objects behind the logging proxies, for a person's edits. */
  const rawObjects = new WeakMap<object, object>();
  const unwrap = <T extends object>(value: T): T => (rawObjects.get(value) as T | undefined) ?? value;
  const uiListeners = new Set<(message: unknown) => void>();
  const clientStorage = new Map<string, unknown>();

  /** Wraps a node so every property write and method call is logged. */
  function track<T extends object>(target: T, describeTarget: () => string, isRemoved: () => boolean): T {
    const proxy = new Proxy(target, {
      set(object, property, value, receiver) {
        if (typeof property === 'string' && !property.startsWith('_')) {
          internals.log(property === 'selection' ? 'view' : 'write', `set:${property}`, describeTarget(), [value]);
          if (isRemoved()) throw new Error(`in set_${property}: The node with id "${describeTarget()}" has been removed`);
          if (property === 'parent' || property === 'id' || property === 'type' || property === 'width' || property === 'height' || property === 'removed') {
            throw new TypeError(`Cannot assign to read only property '${property}'; use a resize method or appendChild`);
          }
        }
        if (!Reflect.set(object, property, value, receiver)) throw new TypeError(`Cannot assign to read only property '${String(property)}'`);
        return true;
      },
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || property.startsWith('_') || property === 'constructor') return value;
        return (...args: unknown[]) => {
          internals.log(READ_METHODS.has(property) ? 'read' : 'write', property, describeTarget(), args);
          return Reflect.apply(value as (...a: unknown[]) => unknown, receiver, args);
        };
      },
    });
    rawObjects.set(proxy, target);
    return proxy;
  }

  function trackNode<T extends FakeNode>(node: T): T {
    const proxy = track(node, () => describe(node), () => node._removed);
    const text = (node as unknown as { text?: FakeTextContent }).text;
    if (text) (node as unknown as { text: FakeTextContent }).text = track(text, () => describe(node, ' text'), () => node._removed);
    return proxy;
  }

  const cloneText = (text: FakeTextContent): FakeTextContent => {
    const raw = Object.assign(Object.create(FakeTextContent.prototype) as FakeTextContent, text);
    raw._styles = [...text._styles];
    return raw;
  };

  /**
   * Copies a node and its subtree with new ids, unlogged, as a person's
   * Duplicate does; `copies` gets each unlogged source node and its copy.
   */
  function cloneSubtree(source: FakeNode, parent: FakeContainer, keepPluginData: boolean, copies: Map<FakeNode, FakeNode>, at?: { x: number; y: number }): FakeNode {
    const raw = Object.assign(Object.create(Object.getPrototypeOf(source) as object) as FakeNode, source);
    copies.set(unwrap(source), raw);
    raw._id = internals.nextId();
    raw._parent = parent;
    raw._removed = false;
    raw._pluginData = new Map(keepPluginData ? source._pluginData : []);
    raw._relaunchData = { ...source._relaunchData };
    const withText = raw as unknown as { text?: FakeTextContent; _content?: FakeTextContent };
    if (withText.text) withText.text = cloneText(withText.text);
    if (withText._content) withText._content = cloneText(withText._content);
    const tracked = trackNode(raw);
    if (raw instanceof FakeContainer && source instanceof FakeContainer) {
      raw._children = source._children.map((child) => cloneSubtree(child, tracked as unknown as FakeContainer, keepPluginData, copies));
    }
    // After the children: a group's place is theirs.
    if (at) Object.assign(raw, at);
    return tracked;
  }

  const root = new FakeContainer(internals, 'DOCUMENT', 'Document');
  const page = trackNode(new FakePage(internals, 'PAGE', 'Page 1'));
  root._children.push(page);
  page._parent = root;
  let viewportCenter = { ...(options.viewportCenter ?? { x: 0, y: 0 }) };
  let uiOnMessage: ((message: unknown, props: { origin: string }) => void) | undefined;

  const call = <R>(kind: FakeCallKind, method: string, target: string, args: unknown[], run: () => R): R => {
    internals.log(kind, method, target, args);
    return run();
  };

  const adopt = <T extends FakeNode>(node: T): T => adoptTracked(trackNode(node));
  /** Puts a node already tracked on the page, in front. */
  const adoptTracked = <T extends FakeNode>(tracked: T): T => {
    page._children.push(tracked);
    tracked._parent = page;
    return tracked;
  };

  /** The text content of a sticky, shape or text node, unlogged. */
  const findTextContent = (node: FakeNode): FakeTextContent | undefined => {
    const source = unwrap(node) as FakeNode & { text?: FakeTextContent; _content?: FakeTextContent };
    return source._content ?? (source.text ? unwrap(source.text) : undefined);
  };

  /** The innermost section under `point` inside `container` (front-most first), never `moved` or what is inside it. */
  const findDropSection = (container: FakeContainer, point: { x: number; y: number }, moved: FakeNode): FakeNode | undefined => {
    for (const child of [...container._children].reverse()) {
      if (unwrap(child) === unwrap(moved) || !(child instanceof FakeContainer)) continue;
      if (child._type === 'GROUP') {
        const inGroup = findDropSection(child, point, moved);
        if (inGroup) return inGroup;
        continue;
      }
      if (child._type !== 'SECTION') continue;
      const box = child.absoluteBoundingBox;
      if (point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height) return findDropSection(child, point, moved) ?? child;
    }
    return undefined;
  };

  /** The innermost section holding both `a` and `b` (through groups), or undefined. */
  const findCommonSection = (a: FakeNode, b: FakeNode): FakeContainer | undefined => {
    const sectionsOf = (node: FakeNode): FakeContainer[] => {
      const sections: FakeContainer[] = [];
      for (let parent = node._parent; parent; parent = parent._parent) if (parent._type === 'SECTION') sections.push(parent);
      return sections;
    };
    const around = new Set(sectionsOf(a).map((section) => unwrap(section)));
    return sectionsOf(b).find((section) => around.has(unwrap(section)));
  };

  /** Puts `members` into a new group in `parent` at `index`; every member keeps its place on the page. */
  const createGroup = (members: readonly FakeNode[], parent: FakeContainer, index: number | undefined): FakeGroup => {
    if (members.length === 0) throw new Error('in group: First argument must be an array of at least one node');
    const group = trackNode(new FakeGroup(internals, 'GROUP', 'Group'));
    const origin = findSpaceOrigin(parent);
    const places = members.map((member) => member.absoluteBoundingBox);
    // The group joins its parent first: a group whose members all move into
    // the new one still holds it, and does not remove itself as an empty one.
    const position = index === undefined ? parent._children.length : Math.min(index, parent._children.length);
    parent._children.splice(position, 0, group);
    group._parent = parent;
    members.forEach((member, at) => {
      const place = places[at] as Rect;
      member._parent?._detach(member);
      group._children.push(member);
      member._parent = group;
      Object.assign(unwrap(member), { x: place.x - origin.x, y: place.y - origin.y });
    });
    return group;
  };

  const ui = {
    get onmessage() {
      return uiOnMessage;
    },
    set onmessage(handler) {
      internals.log('ui', 'set:onmessage', 'ui', []);
      uiOnMessage = handler;
    },
    on(type: string, handler: (message: unknown, props: { origin: string }) => void) {
      call('ui', 'on', 'ui', [type], () => {
        if (type === 'message') messageListeners.add(handler);
      });
    },
    once(type: string, handler: (message: unknown, props: { origin: string }) => void) {
      call('ui', 'once', 'ui', [type], () => {
        const wrapped = (message: unknown, props: { origin: string }) => {
          messageListeners.delete(wrapped);
          handler(message, props);
        };
        if (type === 'message') messageListeners.add(wrapped);
      });
    },
    off(type: string, handler: (message: unknown, props: { origin: string }) => void) {
      call('ui', 'off', 'ui', [type], () => {
        if (type === 'message') messageListeners.delete(handler);
      });
    },
    postMessage(message: unknown) {
      call('ui', 'postMessage', 'ui', [message], () => {
        // Messages cross to the iframe by structured clone.
        uiMessages.push(structuredClone(message));
        for (const listener of [...uiListeners]) listener(structuredClone(message));
      });
    },
    show: () => call('ui', 'show', 'ui', [], () => undefined),
    hide: () => call('ui', 'hide', 'ui', [], () => undefined),
    resize: (width: number, height: number) => call('ui', 'resize', 'ui', [width, height], () => undefined),
    close: () => call('ui', 'close', 'ui', [], () => undefined),
  };

  const viewport = {
    get center() {
      return { ...viewportCenter };
    },
    set center(value: { x: number; y: number }) {
      internals.log('view', 'set:center', 'viewport', [value]);
      viewportCenter = { ...value };
    },
    zoom: 1,
    get bounds() {
      return { x: viewportCenter.x - 960, y: viewportCenter.y - 540, width: 1920, height: 1080 };
    },
    scrollAndZoomIntoView(nodes: readonly FakeNode[]) {
      call('view', 'scrollAndZoomIntoView', 'viewport', [nodes.map((node) => node.id)], () => {
        const boxes = nodes.map((node) => node.absoluteBoundingBox);
        if (boxes.length === 0) return;
        const left = Math.min(...boxes.map((box) => box.x));
        const top = Math.min(...boxes.map((box) => box.y));
        const right = Math.max(...boxes.map((box) => box.x + box.width));
        const bottom = Math.max(...boxes.map((box) => box.y + box.height));
        viewportCenter = { x: (left + right) / 2, y: (top + bottom) / 2 };
      });
    },
  };

  const fake: FakeFigma = {
    api: undefined as unknown as PluginAPI,
    calls,
    loadedFonts,
    uiMessages,
    notifications,
    shownUi: undefined,
    closed: false,
    whenClosed,
    failOn(method, nth = 1) {
      failures.push({ method, remaining: nth });
    },
    failRandomly(rate, random) {
      randomFailure = { rate, random };
    },
    sendFromUi(message) {
      const cloned = structuredClone(message);
      uiOnMessage?.(cloned, { origin: 'null' });
      for (const listener of [...messageListeners]) listener(cloned, { origin: 'null' });
    },
    listNodes: () => page._listDescendants() as unknown as SceneNode[],
    duplicate: (node, duplicateOptions = {}) => {
      const source = node as unknown as FakeNode;
      const parent = source._parent;
      if (!parent || source._removed) throw new Error(`cannot duplicate ${describe(source)}: it is not on the page`);
      const copies = new Map<FakeNode, FakeNode>();
      const copy = cloneSubtree(source, parent, duplicateOptions.keepPluginData ?? true, copies, { x: duplicateOptions.x ?? source.x, y: duplicateOptions.y ?? source.y });
      // FigJam copies a connector with the nodes it joins: its copy joins their copies.
      for (const made of copies.values()) {
        if (!(made instanceof FakeConnector)) continue;
        made._reattach(copies);
        connectors.add(made);
      }
      parent._children.push(copy);
      return copy as unknown as typeof node;
    },
    editTextByHand: (node, text) => {
      const source = node as unknown as FakeNode;
      const content = findTextContent(source);
      if (!content || source._removed) throw new Error(`cannot type into ${describe(source)}: it holds no text, or it was removed`);
      content._type(text);
    },
    moveByHand: (node, x, y) => {
      const moved = node as unknown as FakeNode;
      if (!moved._parent || moved._removed) throw new Error(`cannot move ${describe(moved)}: it is not on the page`);
      const centre = { x: x + moved.width / 2, y: y + moved.height / 2 };
      // A member of a group is dragged inside its group; anything else joins
      // the innermost section it is dropped in (sections stay where they are
      // in the layers), or the page.
      const parent =
        moved._parent._type === 'GROUP' || moved._type === 'SECTION' ? moved._parent : ((findDropSection(page, centre, moved) as FakeContainer | undefined) ?? page);
      if (unwrap(moved._parent) !== unwrap(parent)) {
        moved._parent._detach(moved);
        parent._children = [...parent._children, moved];
        moved._parent = parent;
      }
      const origin = findSpaceOrigin(parent);
      Object.assign(unwrap(moved), { x: x - origin.x, y: y - origin.y });
    },
    removeByHand: (node) => {
      FakeNode.prototype.remove.call(node as unknown as FakeNode);
    },
    connectByHand: (from, to, connectOptions = {}) => {
      const [start, end] = [from, to].map((node) => unwrap(node as unknown as FakeNode)) as [FakeNode, FakeNode];
      for (const node of [start, end]) if (!node._parent || node._removed) throw new Error(`cannot connect ${describe(node)}: it is not on the page`);
      if (start === end) throw new Error(`cannot connect ${describe(start)} to itself: give two different nodes`);
      const lineType = connectOptions.lineType ?? 'ELBOWED';
      const connector = addConnector(new FakeTextContent(internals, CONNECTOR_FONT, CONNECTOR_FONT_SIZE));
      const raw = unwrap(connector);
      raw.connectorLineType = lineType;
      // A straight connector takes no AUTO magnet: it attaches at the centres.
      const magnet = lineType === 'STRAIGHT' ? 'CENTER' : 'AUTO';
      raw.connectorStart = { endpointNodeId: start._id, magnet };
      raw.connectorEnd = { endpointNodeId: end._id, magnet };
      if (connectOptions.label !== undefined) unwrap(raw.text)._type(connectOptions.label);
      const parent = findCommonSection(start, end) ?? page;
      parent._children.push(connector);
      connector._parent = parent;
      return connector as unknown as ConnectorNode;
    },
    createStickyByHand: (x, y, text) => {
      const sticky = adopt(new FakeSticky(internals, new FakeTextContent(internals, { family: 'Inter', style: 'Medium' }, 24)));
      unwrap(sticky.text)._type(text);
      fake.moveByHand(sticky as unknown as SceneNode, x, y);
      return sticky as unknown as StickyNode;
    },
    groupByHand: (nodes) => {
      const members = nodes.map((node) => node as unknown as FakeNode);
      const parent = members[0]?._parent;
      if (!parent || members.some((member) => member._removed || !member._parent)) throw new Error('cannot group: give at least one node that is on the page');
      // ⌘G puts the group where the front-most of the nodes was.
      const front = Math.max(...members.map((member) => parent._children.findIndex((child) => unwrap(child) === unwrap(member))));
      const index = parent._children.slice(0, front + 1).filter((child) => !members.some((member) => unwrap(member) === unwrap(child))).length;
      return createGroup(members, parent, index) as unknown as GroupNode;
    },
    ungroupByHand: (group) => {
      const raw = unwrap(group as unknown as FakeNode);
      if (!(raw instanceof FakeGroup) || raw._removed || !raw._parent) throw new Error(`cannot ungroup ${describe(raw)}: it is not a group on the page`);
      const parent = raw._parent;
      const index = parent._children.findIndex((child) => unwrap(child) === raw);
      const children = [...raw._children];
      internals.releaseConnectors([raw]);
      // The children share the group's container, so their x and y stay.
      parent._children.splice(index, 1, ...children);
      for (const child of children) child._parent = parent;
      raw._children = [];
      raw._parent = null;
      raw._markRemoved();
    },
    wrapInSectionByHand: (nodes, wrapOptions = {}) => {
      const members = nodes.map((node) => node as unknown as FakeNode);
      const parent = members[0]?._parent;
      if (!parent || members.some((member) => member._removed || !member._parent)) throw new Error('cannot wrap in a section: give at least one node that is on the page');
      const padding = wrapOptions.padding ?? 40;
      const boxes = members.map((member) => member.absoluteBoundingBox);
      const left = Math.min(...boxes.map((box) => box.x)) - padding;
      const top = Math.min(...boxes.map((box) => box.y)) - padding;
      const section = trackNode(new FakeSection(internals, 'SECTION', wrapOptions.name ?? 'Section'));
      const raw = unwrap(section);
      raw._width = Math.max(...boxes.map((box) => box.x + box.width)) + padding - left;
      raw._height = Math.max(...boxes.map((box) => box.y + box.height)) + padding - top;
      const origin = findSpaceOrigin(parent);
      Object.assign(raw, { x: left - origin.x, y: top - origin.y });
      parent._children.push(section);
      section._parent = parent;
      members.forEach((member, index) => {
        const at = boxes[index] as Rect;
        member._parent?._detach(member);
        section._children.push(member);
        member._parent = section;
        Object.assign(unwrap(member), { x: at.x - left, y: at.y - top });
      });
      return section as unknown as SectionNode;
    },
    recolourByHand: (node, hex) => {
      const raw = unwrap(node as unknown as FakeNode) as FakeNode & { fills?: readonly Paint[] };
      if (!('fills' in raw) || raw._removed) throw new Error(`cannot recolour ${describe(raw)}: it has no fill, or it was removed`);
      const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
      if (!match) throw new Error(`cannot recolour ${describe(raw)} with "${hex}": give a colour as #rrggbb`);
      const channel = (part: string | undefined): number => parseInt(part ?? '0', 16) / 255;
      raw.fills = [{ type: 'SOLID', color: { r: channel(match[1]), g: channel(match[2]), b: channel(match[3]) } }];
    },
    styleTextByHand: (node, range, style) => {
      const source = node as unknown as FakeNode;
      const content = findTextContent(source);
      if (!content || source._removed) throw new Error(`cannot style the text of ${describe(source)}: it holds no text, or it was removed`);
      const { start, end } = range;
      content._checkRange('styleTextByHand', start, end);
      const plain = source._type === 'STICKY' ? 'Medium' : 'Regular';
      content._restyle(start, end, (current) => {
        const bold = style.bold ?? /bold/i.test(current.font.style);
        const italic = style.italic ?? /italic/i.test(current.font.style);
        const fontStyle = bold && italic ? 'Bold Italic' : bold ? 'Bold' : italic ? `${plain === 'Medium' ? 'Medium ' : ''}Italic` : plain;
        const decoration: TextDecoration = style.underline ? 'UNDERLINE' : style.strike ? 'STRIKETHROUGH' : style.underline === false || style.strike === false ? 'NONE' : current.decoration;
        const link = style.link === undefined ? current.link : style.link === null ? null : { type: 'URL' as const, value: style.link };
        return { ...current, font: { family: current.font.family, style: fontStyle }, decoration, link };
      });
      if (style.list) {
        // Lists are kept per paragraph: every paragraph the range touches.
        for (const line of splitLines(content._characters)) {
          const lineEnd = line.start + line.text.length;
          if (lineEnd >= start && line.start < end && line.text.length > 0) content._restyle(line.start, lineEnd, (current) => ({ ...current, list: style.list ?? 'NONE' }));
        }
      }
    },
    lockByHand: (node, locked = true) => {
      unwrap(node as unknown as FakeNode).locked = locked;
    },
    onAwait: (hook) => {
      awaitHooks.add(hook);
      return () => {
        awaitHooks.delete(hook);
      };
    },
    selectByHand: (nodes) => {
      unwrap<FakePage>(page).selection = nodes.map((node) => unwrap(node as unknown as FakeNode));
    },
    setViewportCenterByHand: (center) => {
      viewportCenter = { x: center.x, y: center.y };
    },
    peekPluginData: (node, key) => (node as unknown as FakeNode)._pluginData.get(key) ?? '',
    peekImage: (hash) => internals.images.get(hash)?.bytes,
    listenToUiMessages: (listener) => {
      uiListeners.add(listener);
      return () => {
        uiListeners.delete(listener);
      };
    },
    listWrites: () => calls.filter((entry) => entry.kind === 'write'),
    clearCalls: () => {
      calls.length = 0;
    },
  };

  const api = {
    apiVersion: '1.0.0',
    command: options.command ?? '',
    editorType: 'figjam',
    mixed: Symbol('mixed'),
    currentUser: options.currentUser === undefined ? { id: '1201', name: 'FigJam user', photoUrl: null, color: '#9747ff', sessionId: 1 } : options.currentUser,
    root,
    get currentPage() {
      return page;
    },
    viewport,
    ui,
    constants: {
      colors: {
        figJamBase: { black: '#1E1E1E', gray: '#B3B3B3', red: '#F24822', orange: '#FFA629', yellow: '#FFCD29', green: '#14AE5C', blue: '#0D99FF', violet: '#9747FF', white: '#FFFFFF' },
        figJamBaseLight: { darkGray: '#757575', lightGray: '#E6E6E6', lightRed: '#FFC7C2', lightOrange: '#FCD19C', lightYellow: '#FFE8A3', lightGreen: '#AFF4C6', lightBlue: '#BDE3FF', lightViolet: '#E4CCFF' },
      },
    },
    createSection: () => call('write', 'createSection', 'figma', [], () => adopt(new FakeSection(internals, 'SECTION', 'Section'))),
    createRectangle: () => call('write', 'createRectangle', 'figma', [], () => adopt(new FakeRectangle(internals))),
    // PNG, JPEG or GIF of at most 4096 pixels a side (https://developers.figma.com/docs/plugins/api/properties/figma-createimage); the fake reads PNGs only.
    createImage: (data: Uint8Array) =>
      call('write', 'createImage', 'figma', [data.length], () => {
        const size = readPngSize(data);
        if (!size) throw new Error('in createImage: Image type is unsupported');
        if (size.width > 4096 || size.height > 4096) throw new Error('in createImage: Image is too large');
        // One image per content: the same bytes give the same hash, as Figma's (a hash of the file) does.
        let digest = 0x811c9dc5;
        for (const byte of data) digest = Math.imul(digest ^ byte, 0x01000193) >>> 0;
        const hash = `${digest.toString(16).padStart(8, '0')}${data.length.toString(16)}`;
        if (!internals.images.has(hash)) internals.images.set(hash, { bytes: data.slice(), ...size });
        return { hash, getBytesAsync: () => Promise.resolve(data.slice()), getSizeAsync: () => Promise.resolve(size) };
      }),
    createSticky: () =>
      call('write', 'createSticky', 'figma', [], () => adopt(new FakeSticky(internals, new FakeTextContent(internals, { family: 'Inter', style: 'Medium' }, 24)))),
    createShapeWithText: () =>
      call('write', 'createShapeWithText', 'figma', [], () => adopt(new FakeShapeWithText(internals, new FakeTextContent(internals, { family: 'Inter', style: 'Medium' }, 16)))),
    createText: () => call('write', 'createText', 'figma', [], () => adopt(new FakeText(internals, new FakeTextContent(internals, { family: 'Inter', style: 'Regular' }, 12)))),
    createVector: () => call('write', 'createVector', 'figma', [], () => adopt(new FakeVector(internals))),
    createConnector: () =>
      call('write', 'createConnector', 'figma', [], () => adoptTracked(addConnector(new FakeTextContent(internals, CONNECTOR_FONT, CONNECTOR_FONT_SIZE)))),
    group: (nodes: readonly FakeNode[], parent: FakeContainer, index?: number) =>
      call('write', 'group', 'figma', [nodes.map((node) => node.id), parent.id, index], () => createGroup([...nodes], parent, index)),
    loadFontAsync: async (font: FontName) => {
      internals.log('read', 'loadFontAsync', 'figma', [font]);
      await internals.settleAsync('loadFontAsync');
      if (!availableFonts.has(fontKey(font))) throw new Error(`in loadFontAsync: The font "${fontKey(font)}" could not be loaded`);
      loadedFonts.add(fontKey(font));
    },
    getNodeByIdAsync: async (id: string) => {
      internals.log('read', 'getNodeByIdAsync', 'figma', [id]);
      await internals.settleAsync('getNodeByIdAsync');
      const all = [root, ...root._listDescendants()];
      return all.find((node) => node._id === id && !node._removed) ?? null;
    },
    getNodeById: (id: string) =>
      call('read', 'getNodeById', 'figma', [id], () => {
        throw new Error('in getNodeById: Cannot call with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead.');
      }),
    clientStorage: {
      getAsync: async (key: string) => {
        internals.log('plugin', 'clientStorage.getAsync', 'figma', [key]);
        await internals.settleAsync('clientStorage.getAsync');
        return structuredClone(clientStorage.get(key));
      },
      setAsync: async (key: string, value: unknown) => {
        internals.log('plugin', 'clientStorage.setAsync', 'figma', [key]);
        await internals.settleAsync('clientStorage.setAsync');
        if (value === undefined) throw new Error('in setAsync: the value must not be undefined; use deleteAsync to remove a key');
        const stored = structuredClone(value);
        const next = new Map(clientStorage).set(key, stored);
        const size = new TextEncoder().encode(JSON.stringify([...next])).length;
        if (size > CLIENT_STORAGE_LIMIT) throw new Error(`in setAsync: client storage would hold ${size} bytes, over the 5 MB a plugin may keep`);
        clientStorage.set(key, stored);
      },
      deleteAsync: async (key: string) => {
        internals.log('plugin', 'clientStorage.deleteAsync', 'figma', [key]);
        await internals.settleAsync('clientStorage.deleteAsync');
        clientStorage.delete(key);
      },
      keysAsync: async () => {
        internals.log('plugin', 'clientStorage.keysAsync', 'figma', []);
        await internals.settleAsync('clientStorage.keysAsync');
        return [...clientStorage.keys()];
      },
    },
    commitUndo: () => call('write', 'commitUndo', 'figma', [], () => undefined),
    notify: (message: string, notifyOptions?: NotificationOptions) =>
      call('plugin', 'notify', 'figma', [message, notifyOptions], () => {
        notifications.push(message);
        return { cancel: () => undefined };
      }),
    showUI: (html: string, showOptions?: ShowUIOptions) =>
      call('plugin', 'showUI', 'figma', [showOptions], () => {
        fake.shownUi = { html, options: showOptions };
      }),
    closePlugin: (message?: string) =>
      call('plugin', 'closePlugin', 'figma', [message], () => {
        if (message) notifications.push(message);
        fake.closed = true;
        resolveClosed();
      }),
    on: (type: string) => call('plugin', 'on', 'figma', [type], () => undefined),
    once: (type: string) => call('plugin', 'once', 'figma', [type], () => undefined),
    off: (type: string) => call('plugin', 'off', 'figma', [type], () => undefined),
  };
  fake.api = api as unknown as PluginAPI;
  return fake;
}

/**
 * The styled segments (font, decoration, link, list) of a sticky / shape
 * text sublayer or TEXT node, read without logging a call: for the
 * simulator's reader.
 */
export function readTextSegments(text: { fontName: unknown }): FakeTextSegment[] {
  const content = (text as unknown as { _content?: FakeTextContent })._content ?? (text as unknown as FakeTextContent);
  return content._segments(['fontName', 'textDecoration', 'hyperlink', 'listOptions']);
}

/** The font of character `index` of a sticky / shape text sublayer or TEXT node, for tests. */
export function readFontAt(text: { fontName: unknown }, index: number): FontName {
  const content = (text as unknown as { _content?: FakeTextContent })._content ?? (text as unknown as FakeTextContent);
  return content._fontAt(index);
}

