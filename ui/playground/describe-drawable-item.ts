import type { DrawableItem, DrawableKind } from '../../src/simulator/drawable-item';
import type { BoardRules } from '../../src/simulator/simulated-board';

// Long texts are cut in names: a name is read out, not the whole sticky.
const LABEL_LIMIT = 120;

const KIND_NAMES: Record<BoardRules, Record<DrawableKind, string>> = {
  miro: { frame: 'Frame', sticky: 'Sticky note', shape: 'Shape', ellipse: 'Circle', text: 'Text', line: 'Connector' },
  figjam: { frame: 'Section', sticky: 'Sticky', shape: 'Shape', ellipse: 'Circle', text: 'Text', line: 'Connector' },
};

/** How an item is named to people and assistive technology: "Sticky note: Compares prices". */
export function describeDrawableItem(item: DrawableItem, rules: BoardRules): string {
  const text = item.text.replace(/\s+/g, ' ').trim();
  const clipped = text.length > LABEL_LIMIT ? `${text.slice(0, LABEL_LIMIT - 1)}…` : text;
  return clipped ? `${KIND_NAMES[rules][item.kind]}: ${clipped}` : `${KIND_NAMES[rules][item.kind]} (empty)`;
}

