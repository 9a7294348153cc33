import { MAX_CARD_TEXT } from '../../src/model/journey-schema';

// A list marker people paste from documents and chats ("- ", "• ", "* ", "– ", "1. ", "2) "), or one alone on its line.
const LIST_MARKER = /^(?:[-–—•*·▪◦]|\d{1,3}[.)])(?:\s+|$)/u;

/**
 * The cards a pasted text makes, one per line: each line trimmed and cut to
 * a card's length, list markers removed, empty lines dropped. Returns an
 * empty list when the text holds nothing but spaces, line breaks and markers.
 */
export function splitPastedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim().replace(LIST_MARKER, '').trim().slice(0, MAX_CARD_TEXT))
    .filter(Boolean);
}
