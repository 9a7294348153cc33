/**
 * How Miro paints each sticky note colour of its fixed palette
 * (`StickyNoteColor`, https://developers.miro.com/docs/websdk-reference-sticky-note),
 * as shown in Miro's colour picker.
 */
export const MIRO_STICKY_HEX: Readonly<Record<string, string>> = {
  gray: '#e6e6e6',
  light_yellow: '#fff9b1',
  yellow: '#f5d128',
  orange: '#ff9d48',
  light_green: '#d5f692',
  green: '#c9df56',
  dark_green: '#93d275',
  cyan: '#67c6c0',
  light_pink: '#ffcee0',
  pink: '#ea94bb',
  violet: '#c6a2d2',
  red: '#f16c7f',
  light_blue: '#a6ccf5',
  blue: '#6cd8fa',
  dark_blue: '#9ea9ff',
  black: '#1a1a1a',
};
