/**
 * The journey document: the single source of truth that layout draws and
 * merge updates. Plain JSON, no classes, so it can be stored on a board,
 * posted between frames and saved to a file unchanged.
 */

import type { RichText } from './rich-text';
import { RECORD_VERSION } from './record-version';

/** Identifier of a persona, e.g. `persona:anna`. */
export type PersonaId = `persona:${string}`;
/** Identifier of a stage, e.g. `stage:search`. */
export type StageId = `stage:${string}`;
/** Identifier of a lane, e.g. `lane:pains`. */
export type LaneId = `lane:${string}`;
/** Identifier of a card, e.g. `card:k3f9`. */
export type CardId = `card:${string}`;

/** The journey schema version written by this build: the record version, so one number says what a build reads. */
export const JOURNEY_SCHEMA = RECORD_VERSION;

/**
 * What a lane holds, following the journey-mapping method: the customer's
 * goals and actions, touchpoints, channels, thoughts, emotions, pains and
 * barriers, opportunities, the company's backstage, KPIs, or anything else;
 * and the service blueprint's lanes: the physical evidence the customer
 * sees, the frontstage (what staff do in front of the customer) and the
 * support processes behind the backstage.
 */
export const LANE_KINDS = [
  'actions',
  'touchpoints',
  'channels',
  'thoughts',
  'emotions',
  'pains',
  'opportunities',
  'backstage',
  'kpis',
  'physical-evidence',
  'frontstage',
  'support',
  'custom',
] as const;

/** One of {@link LANE_KINDS}. */
export type LaneKind = (typeof LANE_KINDS)[number];

/** Goal and scope of the map: what it is about and for. */
export interface JourneyScope {
  /** What the team wants to learn from the map. */
  goal?: string;
  /** The product or service mapped. */
  product?: string;
  /** The scenario, e.g. "ordering goods from the web shop". */
  scenario?: string;
  /** The period the research covers, e.g. "Q3 2026". */
  period?: string;
}

/** A typical customer. */
export interface Persona {
  id: PersonaId;
  name: string;
  /** An emoji or up to three initials. */
  avatar?: string;
  age?: string;
  role?: string;
  goals: string[];
  needs: string[];
  pains: string[];
  behaviour: string[];
  channels: string[];
  quote?: string;
  /**
   * Free lines a person added to the persona card on the board, drawn last
   * on the card; kept as written.
   */
  notes?: string[];
  /** Kept in the journey but not drawn on the map (no emotion lines), set from the panel. */
  hidden?: boolean;
}

/** A step of the journey, a column of the map. */
export interface Stage {
  id: StageId;
  name: string;
}

/** A row of the map. */
export interface Lane {
  id: LaneId;
  kind: LaneKind;
  title: string;
}

/** A note in one cell (stage × lane). */
export interface Card {
  id: CardId;
  stage: StageId;
  lane: LaneId;
  text: string;
  /** The persona this card speaks for, when the map has several. */
  persona?: PersonaId;
  /** What the card rests on; see EVIDENCE_KINDS. */
  evidence?: EvidenceKind;
  /**
   * The form a person gave the text on the board (bold, links, lists…),
   * kept while its words are `text` (see `rich-text.ts`); drawn when the
   * card's sticky is drawn again. Layout and exports use `text`.
   */
  form?: RichText;
}

/**
 * Where a card's content comes from, so a team sees which parts of a map
 * are researched and which rest on assumptions.
 */
export const EVIDENCE_KINDS = ['interview', 'survey', 'analytics', 'support', 'observation', 'assumption'] as const;

/** One of {@link EVIDENCE_KINDS}. */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * Which experience an emotion score describes: the one customers have today
 * (`as-is`, drawn solid) or the one the team designs for (`to-be`, dashed).
 */
export const EMOTION_LINES = ['as-is', 'to-be'] as const;

/** One of {@link EMOTION_LINES}. */
export type EmotionLine = (typeof EMOTION_LINES)[number];

/** A persona's feeling at one stage, on the scale of `emotion-scale.ts`. */
export interface EmotionScore {
  persona: PersonaId;
  stage: StageId;
  /** The line the score belongs to; absent means `as-is`. */
  line?: EmotionLine;
  /** An integer from -2 (very negative) to +2 (very positive). */
  score: number;
  /** Why the persona feels so; shown next to the point. */
  note?: string;
}

/** The line a score is on: `as-is` when it does not say. */
export function findEmotionLine(emotion: Pick<EmotionScore, 'line'>): EmotionLine {
  return emotion.line ?? 'as-is';
}

/**
 * Whether a score is on the as-is line: the experience customers have today,
 * which checks, comparisons and flat exports (CSV, Markdown, Mermaid) speak of.
 */
export function isAsIs(emotion: Pick<EmotionScore, 'line'>): boolean {
  return findEmotionLine(emotion) === 'as-is';
}

/** The whole journey document. */
export interface Journey {
  schema: typeof JOURNEY_SCHEMA;
  title: string;
  /** BCP 47 language of the content, e.g. `en`, `ru`, `uk`. */
  locale?: string;
  scope: JourneyScope;
  personas: Persona[];
  stages: Stage[];
  lanes: Lane[];
  /** Cards in reading order; the order within a cell is the drawing order. */
  cards: Card[];
  emotions: EmotionScore[];
}
