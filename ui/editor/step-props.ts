import type { Journey } from '../../src/model/journey';
import type { Locale } from '../strings';

/** What every step of the journey editor receives: the draft journey, a way to change it, and the panel's language. */
export interface StepProps {
  journey: Journey;
  /** Replaces the draft; steps never mutate `journey` in place. */
  onChange: (journey: Journey) => void;
  locale: Locale;
}
