import type { StickyNoteColorType } from '@mirohq/websdk-types';
import type { StickyStyle } from '../../layout/scene';
import { STYLE_PALETTE, type Hue } from '../../layout/style-palette';

/**
 * Miro sticky notes take only a fixed set of colours (`StickyNoteColor`,
 * https://developers.miro.com/docs/websdk-reference-sticky-note). The palette's
 * sticky fills are light pastels, so each hue maps to its light variant where
 * Miro has one. This is the only place a hue becomes a Miro sticky colour.
 */
export const STICKY_COLOR_BY_HUE: Readonly<Record<Hue, StickyNoteColorType>> = {
  yellow: 'light_yellow',
  orange: 'orange',
  red: 'red',
  pink: 'light_pink',
  violet: 'violet',
  blue: 'light_blue',
  cyan: 'cyan',
  green: 'light_green',
  gray: 'gray',
  // Miro has no white sticky; the palest one is light yellow.
  white: 'light_yellow',
  dark: 'black',
};

/** The Miro sticky colour of a sticky style token. */
export function findStickyNoteColor(style: StickyStyle): StickyNoteColorType {
  return STICKY_COLOR_BY_HUE[STYLE_PALETTE[style].hue];
}
