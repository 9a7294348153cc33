import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { listPlaces, type Journey, type Persona, type PersonaId } from '../../src/model/journey';
import { MAX_LONG_TEXT, MAX_PERSONAS, MAX_SHORT_TEXT } from '../../src/model/journey-schema';
import { createEditorId } from './create-editor-id';
import { EDITOR_STRINGS, type EditorStrings } from './editor-strings';
import type { StepProps } from './step-props';
import { splitLines, TextField } from './text-field';

// Avatars people pick most; any emoji or initials can be typed instead.
const AVATAR_CHOICES = ['🙂', '👩‍💼', '🧑‍💻', '👨‍👩‍👧', '👵', '🧔', '🧑‍🎓', '🛍️'] as const;

type ListField = 'goals' | 'needs' | 'pains' | 'behaviour' | 'channels';

/** A textarea of one item per line; keeps what is typed (blank lines too) while the list follows it. */
function ListField({ id, label, items, hint, onChange }: { id: string; label: string; items: readonly string[]; hint: string; onChange: (items: string[]) => void }) {
  const [raw, setRaw] = useState(items.join('\n'));
  return (
    <TextField
      id={id}
      label={label}
      value={raw}
      hint={hint}
      multiline
      onInput={(value) => {
        setRaw(value);
        onChange(splitLines(value).map((line) => line.slice(0, MAX_LONG_TEXT)));
      }}
    />
  );
}

/** The fields of wizard step `step` for `persona`. */
function PersonaFields({ persona, step, strings, update }: { persona: Persona; step: number; strings: EditorStrings; update: (patch: Partial<Persona>) => void }) {
  const key = persona.id;
  const list = (field: ListField, label: string) => (
    <ListField key={`${key}-${field}`} id={`persona-${field}`} label={label} items={persona[field]} hint={strings.onePerLine} onChange={(items) => update({ [field]: items })} />
  );
  const optional = (field: 'avatar' | 'age' | 'role' | 'quote', value: string): Partial<Persona> => ({ [field]: value || undefined });
  switch (step) {
    case 0:
      return (
        <>
          <TextField
            id="persona-name"
            label={strings.personaName}
            value={persona.name}
            maxLength={MAX_SHORT_TEXT}
            onInput={(name) => update({ name })}
            error={persona.name.trim() ? undefined : strings.personaNameEmpty}
          />
          <TextField id="persona-avatar" label={strings.avatar} value={persona.avatar ?? ''} maxLength={16} onInput={(value) => update(optional('avatar', value))} />
          <div role="group" aria-label={strings.avatarChoices} class="editor__avatars">
            {AVATAR_CHOICES.map((emoji) => (
              <button key={emoji} type="button" class="button button--small" aria-pressed={persona.avatar === emoji} onClick={() => update({ avatar: emoji })}>
                {emoji}
              </button>
            ))}
          </div>
        </>
      );
    case 1:
      return (
        <>
          <TextField id="persona-age" label={strings.age} value={persona.age ?? ''} maxLength={40} onInput={(value) => update(optional('age', value))} />
          <TextField id="persona-role" label={strings.role} value={persona.role ?? ''} maxLength={MAX_SHORT_TEXT} onInput={(value) => update(optional('role', value))} />
        </>
      );
    case 2:
      return (
        <>
          {list('goals', strings.goals)}
          {list('needs', strings.needs)}
        </>
      );
    case 3:
      return list('pains', strings.pains);
    case 4:
      return (
        <>
          {list('behaviour', strings.behaviour)}
          {list('channels', strings.channels)}
        </>
      );
    default:
      return <TextField id="persona-quote" label={strings.quote} value={persona.quote ?? ''} maxLength={MAX_LONG_TEXT} multiline onInput={(value) => update(optional('quote', value))} />;
  }
}

/** Removes `undefined` fields, so the journey stays plain JSON the schema accepts. */
function cleanPersona(persona: Persona): Persona {
  return Object.fromEntries(Object.entries(persona).filter(([, value]) => value !== undefined)) as unknown as Persona;
}

/** A persona with nothing filled in yet. */
const createPersona = (journey: Journey, name: string): Persona => ({
  id: createEditorId('persona', journey.personas.map((persona) => persona.id)),
  name,
  goals: [],
  needs: [],
  pains: [],
  behaviour: [],
  channels: [],
});

/**
 * Step 2: the persona wizard (method step 3). Personas can be added,
 * duplicated and removed; each is described step by step, with Back and
 * Next and a progress indicator: name and avatar, age and role, goals and
 * needs, pains and fears, behaviour and channels, a quote. Removing a
 * persona offers Undo, which brings back its description, its emotion
 * scores and the cards that spoke for it.
 */
export function PersonasStep({ journey, onChange, locale }: StepProps) {
  const strings = EDITOR_STRINGS[locale];
  const [selectedId, setSelectedId] = useState<PersonaId | undefined>(journey.personas[0]?.id);
  const [step, setStep] = useState(0);
  // Undo is offered until the journey changes otherwise, as for stages: it puts back the journey as it was.
  const [removed, setRemoved] = useState<{ before: Journey; after: Journey; persona: Persona; cards: number } | undefined>();
  const persona = journey.personas.find((candidate) => candidate.id === selectedId) ?? journey.personas[0];
  const total = strings.personaSteps.length;
  // Moving through the wizard takes focus to the new question, which screen readers then read with its heading.
  const wizard = useRef<HTMLElement>(null);
  const shown = useRef(false);
  useLayoutEffect(() => {
    if (!shown.current) {
      shown.current = true;
      return;
    }
    wizard.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [step, persona?.id]);

  const update = (patch: Partial<Persona>) => {
    if (!persona) return;
    onChange({ ...journey, personas: journey.personas.map((candidate) => (candidate.id === persona.id ? cleanPersona({ ...candidate, ...patch }) : candidate)) });
  };
  const select = (id: PersonaId) => {
    setSelectedId(id);
    setStep(0);
  };
  const handleAdd = () => {
    const added = createPersona(journey, strings.newPersona);
    // A neutral score at every place (each stage, each step of a stage with steps), as the blank journey starts: the new persona's line shows at once.
    const scores = listPlaces(journey).map((place) => ({ persona: added.id, ...place, score: 0 }));
    onChange({ ...journey, personas: [...journey.personas, added], emotions: [...journey.emotions, ...scores] });
    select(added.id);
  };
  const handleDuplicate = () => {
    if (!persona) return;
    const copy: Persona = { ...structuredClone(persona), id: createEditorId('persona', journey.personas.map((candidate) => candidate.id)), name: strings.copyOf(persona.name) };
    const emotions = journey.emotions.filter((emotion) => emotion.persona === persona.id).map((emotion) => ({ ...emotion, persona: copy.id }));
    const at = journey.personas.indexOf(persona) + 1;
    onChange({ ...journey, personas: [...journey.personas.slice(0, at), copy, ...journey.personas.slice(at)], emotions: [...journey.emotions, ...emotions] });
    select(copy.id);
  };
  const handleRemove = () => {
    if (!persona || journey.personas.length < 2) return;
    const index = journey.personas.indexOf(persona);
    const personas = journey.personas.filter((candidate) => candidate.id !== persona.id);
    // Cards that spoke for the removed persona now speak for everyone: their text stays.
    const cards = journey.cards.map((card) => {
      if (card.persona !== persona.id) return card;
      const { persona: _removed, ...rest } = card;
      return rest;
    });
    const after: Journey = { ...journey, personas, cards, emotions: journey.emotions.filter((emotion) => emotion.persona !== persona.id) };
    setRemoved({ before: journey, after, persona, cards: journey.cards.filter((card) => card.persona === persona.id).length });
    onChange(after);
    select((personas[Math.max(0, index - 1)] as Persona).id);
  };
  const handleUndo = () => {
    if (!removed || removed.after !== journey) return;
    onChange(removed.before);
    setRemoved(undefined);
    // Back on the restored persona: the wizard then takes focus to its name, where it was removed from.
    select(removed.persona.id);
  };

  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.personasHint}</p>
      <div role="group" aria-label={strings.personaList} class="editor__chips">
        {journey.personas.map((candidate) => (
          <button key={candidate.id} type="button" class="chip" aria-pressed={candidate.id === persona?.id} onClick={() => select(candidate.id)}>
            {candidate.avatar ? `${candidate.avatar} ` : ''}
            {candidate.name || '…'}
          </button>
        ))}
      </div>
      <div class="editor__row">
        <button type="button" class="button button--small" onClick={handleAdd} disabled={journey.personas.length >= MAX_PERSONAS}>
          {strings.addPersona}
        </button>
        {persona && (
          <>
            <button type="button" class="button button--small" onClick={handleDuplicate} disabled={journey.personas.length >= MAX_PERSONAS}>
              {strings.duplicatePersona(persona.name || '…')}
            </button>
            <button type="button" class="button button--small" onClick={handleRemove} disabled={journey.personas.length < 2} title={journey.personas.length < 2 ? strings.lastPersona : undefined}>
              {strings.removePersona(persona.name || '…')}
            </button>
          </>
        )}
      </div>
      <div role="status" aria-live="polite">
        {removed && removed.after === journey && (
          <p class="editor__undo">
            {strings.personaRemoved(removed.persona.name || '…', removed.cards)}{' '}
            <button type="button" class="button--link" onClick={handleUndo}>
              {strings.undo}
            </button>
          </p>
        )}
      </div>
      {persona && (
        <section class="wizard" aria-labelledby="persona-wizard-step" ref={wizard}>
          <h3 id="persona-wizard-step" class="wizard__title">
            {strings.personaStepOf(step + 1, total)}: {strings.personaSteps[step]}
          </h3>
          <progress class="wizard__progress" max={total} value={step + 1} aria-label={strings.personaStepOf(step + 1, total)} />
          <PersonaFields persona={persona} step={step} strings={strings} update={update} />
          <div class="editor__row">
            <button type="button" class="button button--small" onClick={() => setStep(step - 1)} disabled={step === 0}>
              {strings.previousPersonaStep}
            </button>
            <button type="button" class="button button--small" onClick={() => setStep(step + 1)} disabled={step === total - 1}>
              {strings.nextPersonaStep}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
