import type { CardRelation, EmotionLine, LaneKind, PersonaId, StageId, StepId } from '../model/journey';
import type { RichText } from '../model/rich-text';
import type { MatrixQuadrant, SceneKey } from './scene-keys';

/** A point in board units. */
export interface Point {
  x: number;
  y: number;
}

/** A width and height in board units. */
export interface Size {
  width: number;
  height: number;
}

/**
 * Style tokens name what an item means, not how a host paints it; every
 * host maps them to colours it allows (see `style-palette.ts`).
 */
export type StickyStyle = `sticky-${LaneKind}`;
/** One colour per persona (emotion line, points, card border), cycling after six. */
export type PersonaStyle = `persona-${1 | 2 | 3 | 4 | 5 | 6}`;
export type ShapeStyle =
  | `persona-card-${1 | 2 | 3 | 4 | 5 | 6}`
  | 'stage-header'
  | 'step-header'
  | 'lane-label'
  | `lane-row-${LaneKind}`
  | 'blueprint-line'
  | 'matrix-grid'
  | 'matrix-tray'
  | `matrix-${MatrixQuadrant}`;
export type TextStyle = 'title' | 'subtitle' | 'emotion-note' | 'emotion-scale' | 'evidence' | 'blueprint-label' | 'moment-of-truth' | 'matrix-label' | 'matrix-plan';
/** A link between two cards, by what it means. */
export type LinkStyle = `link-${CardRelation}`;
export type StyleToken = 'map' | StickyStyle | ShapeStyle | TextStyle | PersonaStyle | LinkStyle;

interface NodeBox {
  /** Stable identity, derived from model ids (see `scene-keys.ts`). */
  key: SceneKey;
  /** Top-left corner relative to the map origin. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The map's container: a FigJam section, a Miro frame. */
export interface FrameNode extends NodeBox {
  type: 'frame';
  title: string;
  style: 'map';
}

/** Free text. */
export interface TextNode extends NodeBox {
  type: 'text';
  text: string;
  /** A persona's colour for the mark naming whom a card speaks for. */
  style: TextStyle | PersonaStyle;
  fontSize: number;
  align: 'left' | 'center';
  bold: boolean;
}

/**
 * A shape, optionally holding text; `heading` is drawn bold above `text`,
 * at the same font size (Miro's shape HTML cannot mix font sizes).
 */
export interface ShapeNode extends NodeBox {
  type: 'shape';
  shape: 'rectangle' | 'round-rectangle';
  heading: string;
  text: string;
  style: ShapeStyle;
  fontSize: number;
  align: 'left' | 'center';
}

/** A sticky note holding one card. */
export interface StickyNode extends NodeBox {
  type: 'sticky';
  text: string;
  /** The form a person gave the text (the card's `form`), drawn when the sticky's text is written. */
  form?: RichText;
  /** On a host that tags stickies: the persona the card speaks for, as a tag (its label and colour). */
  tag?: { label: string; style: PersonaStyle };
  style: StickyStyle;
}

/** One persona's emotion at one stage or step: a circle with a face. */
export interface EmotionPointNode extends NodeBox {
  type: 'emotion-point';
  persona: PersonaId;
  stage: StageId;
  /** The step of `stage` the point is at, when the stage has steps. */
  step?: StepId;
  /** As-is points are solid circles, to-be points have a dashed ring. */
  line: EmotionLine;
  score: number;
  face: string;
  /** The persona's colour: the circle's border. */
  style: PersonaStyle;
}

/** An absolute path command; only M, L, C and Z are produced. */
export type PathCommand =
  | { op: 'M'; x: number; y: number }
  | { op: 'L'; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'Z' };

/**
 * A persona's emotion line through the centres of its points. Hosts with
 * free paths draw `path`; hosts without join `pointKeys` with connectors.
 * The box is the bounding box of the path.
 */
export interface EmotionLineNode extends NodeBox {
  type: 'emotion-line';
  persona: PersonaId;
  /** As-is lines are solid, to-be lines dashed. */
  line: EmotionLine;
  points: Point[];
  pointKeys: SceneKey[];
  path: PathCommand[];
  /** The persona's colour: the line's stroke. */
  style: PersonaStyle;
}

/**
 * A link between two cards (an opportunity addressing a pain, a card
 * serving another of its stage or step), drawn as the host's connector
 * between their stickies: it follows them when they move, and a person who
 * deletes it unlinks the cards. The box is the bounding box of the two
 * stickies' centres.
 */
export interface LinkNode extends NodeBox {
  type: 'link';
  relation: CardRelation;
  /** The sticky of the card that holds the link (the opportunity; the serving card). */
  from: SceneKey;
  /** The sticky of the card it names (the pain; the card served). */
  to: SceneKey;
  /** For pictures: a curve from the edge of one sticky to the edge of the other (hosts route their own connectors). */
  path: PathCommand[];
  style: LinkStyle;
}

/** Any node of a scene. */
export type SceneNode = FrameNode | TextNode | ShapeNode | StickyNode | EmotionPointNode | EmotionLineNode | LinkNode;

/** The node types, for per-type tables (`drawers[node.type]`). */
export type SceneNodeType = SceneNode['type'];

/** A laid-out map: nodes in drawing order (back to front), frame first. */
export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  /**
   * On a host that tags stickies (see HostMetrics.personaTags): the tag
   * labels of every persona of the journey, so a sticky's tags that name
   * another persona are known to be the map's.
   */
  personaTags?: string[];
}
