import type { DrawableItem } from '../../src/simulator/drawable-item';
import { BOARD_LINE_HEIGHT, fitBoardText, wrapBoardText, type WrappedLine } from './wrap-board-text';

/** The wrapped lines of an item's text and where they start, in board units. */
export function layoutItemText(item: DrawableItem): { fontSize: number; lines: WrappedLine[]; top: number; x: number; anchor: 'start' | 'middle' | 'end' } {
  const innerWidth = Math.max(1, item.width - 2 * item.padding);
  const innerHeight = Math.max(1, item.height - 2 * item.padding);
  const fitted = item.fontSize > 0 ? { fontSize: item.fontSize, lines: wrapBoardText(item.text, item.fontSize, innerWidth, item.boldLines) } : fitBoardText(item.text, innerWidth, innerHeight, item.boldLines);
  const blockHeight = fitted.lines.length * fitted.fontSize * BOARD_LINE_HEIGHT;
  const top =
    item.verticalAlign === 'top' ? item.y + item.padding : item.verticalAlign === 'bottom' ? item.y + item.height - item.padding - blockHeight : item.y + (item.height - blockHeight) / 2;
  const x = item.align === 'left' ? item.x + item.padding : item.align === 'right' ? item.x + item.width - item.padding : item.x + item.width / 2;
  return { ...fitted, top, x, anchor: item.align === 'left' ? 'start' : item.align === 'right' ? 'end' : 'middle' };
}

