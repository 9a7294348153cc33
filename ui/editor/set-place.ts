import type { JourneyPlace } from '../../src/model/journey';

/** `item` (a card or a score) moved to `place`: its stage set, its step set, or left out when the place is a stage without steps. */
export function setPlace<T extends JourneyPlace>(item: T, place: JourneyPlace): T {
  const { step: _previous, ...rest } = item;
  return { ...rest, stage: place.stage, ...(place.step ? { step: place.step } : {}) } as T;
}
