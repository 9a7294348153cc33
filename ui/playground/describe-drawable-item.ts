import type { DrawableItem } from '../../src/simulator/drawable-item';
import type { BoardRules } from '../../src/simulator/simulated-board';
import type { Locale } from '../strings';
import { PLAYGROUND_STRINGS } from './playground-strings';

// Long texts are cut in names: a name is read out, not the whole sticky.
const LABEL_LIMIT = 120;

/** What an item is called under `rules`, in `locale`: "Sticky note", "Section". */
export function nameDrawableKind(item: Pick<DrawableItem, 'kind'>, rules: BoardRules, locale: Locale): string {
  return PLAYGROUND_STRINGS[locale].kindNames[rules][item.kind];
}

/** How an item is named to people and assistive technology, in `locale`: "Sticky note: Compares prices". */
export function describeDrawableItem(item: DrawableItem, rules: BoardRules, locale: Locale): string {
  const text = item.text.replace(/\s+/g, ' ').trim();
  const clipped = text.length > LABEL_LIMIT ? `${text.slice(0, LABEL_LIMIT - 1)}…` : text;
  const kind = nameDrawableKind(item, rules, locale);
  return clipped ? `${kind}: ${clipped}` : PLAYGROUND_STRINGS[locale].emptyItem(kind);
}
