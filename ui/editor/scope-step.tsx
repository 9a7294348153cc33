import type { JourneyScope } from '../../src/model/journey';
import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../../src/model/journey-schema';
import { EDITOR_STRINGS } from './editor-strings';
import type { StepProps } from './step-props';
import { TextField } from './text-field';

/** Step 1: the goal and scope of the map (method step 1). */
export function ScopeStep({ journey, onChange, locale }: StepProps) {
  const strings = EDITOR_STRINGS[locale];
  const setScope = (field: keyof JourneyScope, value: string) => {
    const scope = { ...journey.scope };
    if (value) scope[field] = value;
    else delete scope[field];
    onChange({ ...journey, scope });
  };
  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.scopeHint}</p>
      <TextField
        id="scope-title"
        label={strings.mapTitle}
        value={journey.title}
        maxLength={MAX_SHORT_TEXT}
        onInput={(title) => onChange({ ...journey, title })}
        error={journey.title.trim() ? undefined : strings.titleEmpty}
      />
      <TextField id="scope-product" label={strings.product} value={journey.scope.product ?? ''} maxLength={MAX_SHORT_TEXT} onInput={(value) => setScope('product', value)} />
      <TextField
        id="scope-scenario"
        label={strings.scenario}
        value={journey.scope.scenario ?? ''}
        maxLength={MAX_LONG_TEXT}
        placeholder={strings.scenarioPlaceholder}
        onInput={(value) => setScope('scenario', value)}
      />
      <TextField id="scope-period" label={strings.period} value={journey.scope.period ?? ''} maxLength={MAX_SHORT_TEXT} onInput={(value) => setScope('period', value)} />
      <TextField id="scope-goal" label={strings.goal} value={journey.scope.goal ?? ''} maxLength={MAX_LONG_TEXT} multiline onInput={(value) => setScope('goal', value)} />
    </div>
  );
}
