import type { StyleToken } from './scene';

/**
 * A colour family. Hosts with a fixed palette (Miro sticky notes) map a hue
 * to their nearest allowed colour; the others use the hex values below.
 */
export type Hue = 'yellow' | 'orange' | 'red' | 'pink' | 'violet' | 'blue' | 'cyan' | 'green' | 'gray' | 'white' | 'dark';

/** How one style token looks: colours as `#rrggbb`. */
export interface StyleSwatch {
  hue: Hue;
  fill: string;
  stroke: string;
  text: string;
}

const swatch = (hue: Hue, fill: string, stroke: string, text = '#1e1e1e'): StyleSwatch => ({ hue, fill, stroke, text });

/**
 * The one palette of cjm-board. Colours follow what a lane means: actions
 * blue, touchpoints violet, channels cyan, thoughts yellow, emotions pink,
 * pains warm red, opportunities green, backstage grey, KPIs orange.
 * Personas get six distinct line colours (`persona-1` … `persona-6`); the
 * line and point strokes use `stroke`, the persona card its border.
 */
export const STYLE_PALETTE: Readonly<Record<StyleToken, StyleSwatch>> = {
  map: swatch('white', '#ffffff', '#d9d9d9'),
  title: swatch('dark', '#ffffff', '#ffffff', '#1e1e1e'),
  subtitle: swatch('dark', '#ffffff', '#ffffff', '#5e5e5e'),
  'persona-card-1': swatch('gray', '#fbf7fa', '#d6336c'),
  'persona-card-2': swatch('gray', '#f6f9fd', '#1c7ed6'),
  'persona-card-3': swatch('gray', '#f6fbf6', '#2f9e44'),
  'persona-card-4': swatch('gray', '#fdf9f3', '#e67700'),
  'persona-card-5': swatch('gray', '#f8f6fd', '#7048e8'),
  'persona-card-6': swatch('gray', '#f3fafa', '#0c8599'),
  'persona-1': swatch('pink', '#ffffff', '#d6336c', '#d6336c'),
  'persona-2': swatch('blue', '#ffffff', '#1c7ed6', '#1c7ed6'),
  'persona-3': swatch('green', '#ffffff', '#2f9e44', '#2f9e44'),
  'persona-4': swatch('orange', '#ffffff', '#e67700', '#e67700'),
  'persona-5': swatch('violet', '#ffffff', '#7048e8', '#7048e8'),
  'persona-6': swatch('cyan', '#ffffff', '#0c8599', '#0c8599'),
  'stage-header': swatch('dark', '#2f3a56', '#2f3a56', '#ffffff'),
  // A step's header sits under its stage's: the stage's ink on a pale ground, so the stage reads as the heading.
  'step-header': swatch('gray', '#e8ebf2', '#c3c9d8', '#2f3a56'),
  'lane-label': swatch('gray', '#ffffff', '#c8c8c8'),
  'emotion-note': swatch('dark', '#ffffff', '#ffffff', '#5e5e5e'),
  'emotion-scale': swatch('dark', '#ffffff', '#ffffff', '#5e5e5e'),
  evidence: swatch('dark', '#ffffff', '#ffffff', '#5e5e5e'),
  // The service blueprint's lines across the map, and their names.
  'blueprint-line': swatch('dark', '#2f3a56', '#2f3a56'),
  'blueprint-label': swatch('dark', '#ffffff', '#ffffff', '#2f3a56'),
  // The mark over the pains of a moment of truth: the pains' red, as ink.
  'moment-of-truth': swatch('red', '#ffffff', '#ffffff', '#c92a2a'),
  // Links between cards: an opportunity's to the pains it addresses in the opportunities' green, a serving card's in the blueprint's ink.
  'link-addresses': swatch('green', '#ffffff', '#2f9e44'),
  'link-serves': swatch('dark', '#ffffff', '#5c677d'),
  // The prioritisation matrix: a white grid, quadrants tinted from good (quick wins, green) to poor (money pits, red), the tray grey.
  'matrix-grid': swatch('white', '#ffffff', '#c8c8c8'),
  'matrix-tray': swatch('gray', '#f5f5f5', '#d9d9d9'),
  'matrix-quick-wins': swatch('green', '#eefaea', '#b7e0a6'),
  'matrix-big-bets': swatch('blue', '#eef5ff', '#b3cff2'),
  'matrix-fill-ins': swatch('yellow', '#fffbe6', '#efe0a0'),
  'matrix-money-pits': swatch('red', '#fff1ee', '#f2c0b4'),
  'matrix-label': swatch('dark', '#ffffff', '#ffffff', '#2f3a56'),
  'matrix-plan': swatch('dark', '#ffffff', '#ffffff', '#5e5e5e'),
  'sticky-actions': swatch('blue', '#b5d8ff', '#8ab8ee'),
  'sticky-touchpoints': swatch('violet', '#d9c9ff', '#b59cf0'),
  'sticky-channels': swatch('cyan', '#b8ece9', '#8dd6d1'),
  'sticky-thoughts': swatch('yellow', '#fff1a8', '#f0d96a'),
  'sticky-emotions': swatch('pink', '#ffc7de', '#f29bbd'),
  'sticky-pains': swatch('red', '#ffb8a8', '#f08c78'),
  'sticky-opportunities': swatch('green', '#c3ecb2', '#95d47c'),
  'sticky-backstage': swatch('gray', '#e6e6e6', '#c4c4c4'),
  'sticky-kpis': swatch('orange', '#ffd3a1', '#f3ae62'),
  'sticky-custom': swatch('yellow', '#fff1a8', '#f0d96a'),
  // White where the host has it (FigJam; Miro's palest sticky is light yellow): apart from the pains' warm colours.
  'sticky-physical-evidence': swatch('white', '#ffffff', '#d9d9d9'),
  'sticky-frontstage': swatch('violet', '#e3d5ff', '#bba3f2'),
  'sticky-support': swatch('cyan', '#c9efec', '#97d9d3'),
  'lane-row-actions': swatch('blue', '#f1f7ff', '#f1f7ff'),
  'lane-row-touchpoints': swatch('violet', '#f6f2ff', '#f6f2ff'),
  'lane-row-channels': swatch('cyan', '#effbfa', '#effbfa'),
  'lane-row-thoughts': swatch('yellow', '#fffbe6', '#fffbe6'),
  'lane-row-emotions': swatch('pink', '#fff3f8', '#fff3f8'),
  'lane-row-pains': swatch('red', '#fff2ef', '#fff2ef'),
  'lane-row-opportunities': swatch('green', '#f1fbed', '#f1fbed'),
  'lane-row-backstage': swatch('gray', '#f5f5f5', '#f5f5f5'),
  'lane-row-kpis': swatch('orange', '#fff6ea', '#fff6ea'),
  'lane-row-custom': swatch('yellow', '#fffbe6', '#fffbe6'),
  'lane-row-physical-evidence': swatch('orange', '#fff8f0', '#fff8f0'),
  'lane-row-frontstage': swatch('violet', '#f8f4ff', '#f8f4ff'),
  'lane-row-support': swatch('cyan', '#f2fbfa', '#f2fbfa'),
};
