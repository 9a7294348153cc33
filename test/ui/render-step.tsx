import { render } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { Journey } from '../../src/model/journey';
import type { StepProps } from '../../ui/editor/step-props';
import type { Locale } from '../../ui/strings';

/**
 * Renders an editor step the way the editor does: the journey lives in state,
 * so every change re-renders the step. `current()` is the latest journey.
 */
export function renderStep<P extends StepProps>(Step: ComponentType<P>, journey: Journey, locale: Locale = 'en', extra: Omit<P, keyof StepProps> = {} as Omit<P, keyof StepProps>) {
  let latest = journey;
  function Harness() {
    const [value, setValue] = useState(journey);
    const props = {
      ...extra,
      journey: value,
      locale,
      onChange: (next: Journey) => {
        latest = next;
        setValue(next);
      },
    } as unknown as P;
    return <Step {...props} />;
  }
  const rendered = render(<Harness />);
  return { ...rendered, current: () => latest };
}
