import { describePlace, type Journey, type JourneyPlace } from '../../src/model/journey';

/** A column as the panel names it: the stage's name, or "Stage › Step", an empty name shown as "…" (see `describePlace`). */
export const formatPlaceName = (journey: Pick<Journey, 'stages'>, place: JourneyPlace): string => describePlace(journey, place, '…');
