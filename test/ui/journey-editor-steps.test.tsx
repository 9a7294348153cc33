// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { useState } from 'preact/hooks';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseJourneyFileText } from '../../src/model/journey-file';
import { parseJourney } from '../../src/model/journey-schema';
import type { Journey } from '../../src/model/journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { mergeSteps } from '../../ui/editor/merge-steps';
import { JourneyEditor, type EditorState } from '../../ui/editor/journey-editor';
import { LanesStep, placeLane, type LaneStash } from '../../ui/editor/lanes-step';
import { findBlueprintLines } from '../../src/layout/blueprint-lines';
import { PersonasStep } from '../../ui/editor/personas-step';
import { ScopeStep } from '../../ui/editor/scope-step';
import { StagesStep } from '../../ui/editor/stages-step';
import { renderStep } from './render-step';

afterEach(cleanup);

/**
 * The default template with its Order & pay as one column: these tests are of
 * a map without steps (steps have tests of their own, in
 * editor-steps-inside-stages.test.tsx).
 */
const createSteplessStoreJourney = () => mergeSteps(createOnlineStoreJourney(), 'stage:order');

describe('goal and scope', () => {
  it('edits the title and scope, and says inline that a map needs a title', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(ScopeStep, createSteplessStoreJourney());
    const title = screen.getByLabelText('Map title');
    await user.clear(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Give the map a title.').id).toBe(title.getAttribute('aria-describedby'));
    await user.type(title, 'Kettle order');
    await user.clear(screen.getByLabelText('Period the research covers'));
    await user.type(screen.getByLabelText('Period the research covers'), 'Q4 2026');
    await user.clear(screen.getByLabelText('Product or service'));
    expect(current().title).toBe('Kettle order');
    expect(current().scope.period).toBe('Q4 2026');
    expect('product' in current().scope).toBe(false);
    expect(screen.queryByText('Give the map a title.')).toBeNull();
  });
});

describe('persona wizard', () => {
  it('walks a new persona through every step with Back/Next and progress, and the journey stays valid', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(PersonasStep, createSteplessStoreJourney());
    await user.click(screen.getByRole('button', { name: 'Add persona' }));
    expect(screen.getByRole('heading', { name: /Persona, step 1 of 6: Name and avatar/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous question' }).hasAttribute('disabled')).toBe(true);
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    expect(screen.getByText('Give the persona a name.')).toBeTruthy();
    await user.type(name, 'Olga');
    await user.click(within(screen.getByRole('group', { name: 'Pick an emoji' })).getByRole('button', { name: '👵' }));
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(screen.getByRole('heading', { name: /step 2 of 6: Age and role/ })).toBeTruthy();
    // The next question has the focus, so typing goes on there.
    expect(document.activeElement).toBe(screen.getByLabelText('Age'));
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(2);
    await user.type(screen.getByLabelText('Age'), '58');
    await user.type(screen.getByLabelText('Role or occupation'), 'Homemaker');
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await user.type(screen.getByLabelText('Goals'), 'Save on groceries{Enter}Keep it simple');
    await user.type(screen.getByLabelText('Needs'), 'Clear rules');
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await user.type(screen.getByLabelText('Pains and fears'), 'Fears complex rules');
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await user.type(screen.getByLabelText('Behaviour'), 'Reads every leaflet');
    await user.type(screen.getByLabelText('Preferred channels'), 'Shop{Enter}Phone');
    await user.click(screen.getByRole('button', { name: 'Next question' }));
    await user.type(screen.getByLabelText('A quote in their words'), 'Just tell me what I save.');
    expect(screen.getByRole('button', { name: 'Next question' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Previous question' }));
    expect((screen.getByLabelText('Preferred channels') as HTMLTextAreaElement).value).toBe('Shop\nPhone');

    const olga = current().personas[1]!;
    expect(olga).toEqual({
      id: 'persona:n1',
      name: 'Olga',
      avatar: '👵',
      age: '58',
      role: 'Homemaker',
      goals: ['Save on groceries', 'Keep it simple'],
      needs: ['Clear rules'],
      pains: ['Fears complex rules'],
      behaviour: ['Reads every leaflet'],
      channels: ['Shop', 'Phone'],
      quote: 'Just tell me what I save.',
    });
    // A new persona starts neutral at every stage, so its emotion line shows at once.
    expect(current().emotions.filter((emotion) => emotion.persona === olga.id).map((emotion) => emotion.score)).toEqual(current().stages.map(() => 0));
    expect(parseJourney(current()).ok).toBe(true);
  });

  it('duplicates a persona with its emotion scores, and removes one while its cards keep their text', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    journey.cards[0] = { ...journey.cards[0]!, persona: journey.personas[0]!.id };
    const { current } = renderStep(PersonasStep, journey);
    const anna = journey.personas[0]!.name;
    await user.click(screen.getByRole('button', { name: `Duplicate ${anna}` }));
    const copy = current().personas[1]!;
    expect(copy.name).toBe(`${anna} (copy)`);
    expect(current().emotions.filter((emotion) => emotion.persona === copy.id)).toHaveLength(journey.stages.length);
    expect(screen.getByRole('button', { name: `${journey.personas[0]!.avatar} ${anna} (copy)`, pressed: true })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: `${journey.personas[0]!.avatar} ${anna}`, pressed: false }));
    await user.click(screen.getByRole('button', { name: `Remove ${anna}` }));
    expect(current().personas.map((persona) => persona.id)).toEqual([copy.id]);
    expect(current().cards[0]!.text).toBe(journey.cards[0]!.text);
    expect(current().cards[0]!.persona).toBeUndefined();
    expect(screen.getByRole('button', { name: `Remove ${anna} (copy)` }).hasAttribute('disabled')).toBe(true);
    expect(parseJourney(current()).ok).toBe(true);
  });

  it('offers Undo after removing a persona, which brings back its description, its scores and the cards that spoke for it', async () => {
    const user = userEvent.setup();
    const parsed = parseJourneyFileText(readFileSync(join(__dirname, '../fixtures/journeys/03-loyalty-two-personas.json'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const journey = parsed.value;
    const olgaCards = journey.cards.filter((card) => card.persona === 'persona:olga').length;
    expect(olgaCards).toBeGreaterThan(1);
    const { current } = renderStep(PersonasStep, journey);
    await user.click(screen.getByRole('button', { name: /Ольга$/, pressed: false }));
    await user.click(screen.getByRole('button', { name: 'Remove Ольга' }));
    expect(current().personas.map((persona) => persona.id)).toEqual(['persona:max']);
    expect(current().cards.some((card) => card.persona === 'persona:olga')).toBe(false);
    expect(current().emotions.some((emotion) => emotion.persona === 'persona:olga')).toBe(false);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe(`Persona “Ольга” removed; the ${olgaCards} cards it spoke for now speak for everyone. Undo`);

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(journey);
    expect(screen.getByRole('button', { name: /Ольга$/, pressed: true })).toBeTruthy();
    // Focus goes to the restored persona's name, where it was removed from.
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ольга');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('stops offering Undo of a removed persona once the journey changes otherwise', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(PersonasStep, journey);
    await user.click(screen.getByRole('button', { name: 'Add persona' }));
    await user.click(screen.getByRole('button', { name: 'Remove New persona' }));
    expect(screen.getByRole('status').textContent).toBe('Persona “New persona” removed. Undo');
    await user.type(screen.getByLabelText('Name'), '!');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(current().personas.map((persona) => persona.name)).toEqual([`${journey.personas[0]!.name}!`]);
  });
});

describe('stages', () => {
  it('adds, renames, reorders with Alt+arrows and buttons, and flags empty and duplicate names inline', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(StagesStep, journey);
    const names = () => current().stages.map((stage) => stage.name);
    const first = journey.stages[0]!.name;
    const second = journey.stages[1]!.name;

    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    expect(names().at(-1)).toBe('New stage');
    const added = screen.getByLabelText(`Stage ${journey.stages.length + 1} name`);
    await user.clear(added);
    expect(screen.getByText('Name the stage.')).toBeTruthy();
    await user.type(added, second.toUpperCase());
    expect(screen.getAllByText('Another stage has this name; make each name unique.')).toHaveLength(2);
    await user.clear(added);
    await user.type(added, 'Refusal');

    const firstInput = screen.getByLabelText('Stage 1 name');
    firstInput.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(names().slice(0, 2)).toEqual([second, first]);
    await user.click(screen.getByRole('button', { name: `Move “${first}” up` }));
    expect(names().slice(0, 2)).toEqual([first, second]);
    expect(screen.getByRole('button', { name: `Move “${first}” up` }).hasAttribute('disabled')).toBe(true);
    expect(parseJourney(current()).ok).toBe(true);
  });

  it('reorders by dragging a stage onto another', () => {
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(StagesStep, journey);
    const handle = screen.getByRole('img', { name: `Drag “${journey.stages[0]!.name}”` });
    fireEvent.dragStart(handle);
    fireEvent.drop(screen.getByLabelText('Stage 3 name').closest('li')!);
    expect(current().stages.map((stage) => stage.id)).toEqual([journey.stages[1]!.id, journey.stages[2]!.id, journey.stages[0]!.id, ...journey.stages.slice(3).map((stage) => stage.id)]);
  });

  it('removes a stage with its cards and scores, and Undo brings them back', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(StagesStep, journey);
    const stage = journey.stages[2]!;
    const cards = journey.cards.filter((card) => card.stage === stage.id).length;
    await user.click(screen.getByRole('button', { name: `Remove stage “${stage.name}”` }));
    expect(current().stages.some((candidate) => candidate.id === stage.id)).toBe(false);
    expect(current().cards.some((card) => card.stage === stage.id)).toBe(false);
    expect(current().emotions.some((emotion) => emotion.stage === stage.id)).toBe(false);
    expect(screen.getByRole('status').textContent).toContain(`Stage “${stage.name}” removed with ${cards} cards.`);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Stage 3 name')));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(journey);
  });

  it('stops offering Undo once the stages are edited again, so Undo never takes back a later edit', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderStep(StagesStep, journey);
    await user.click(screen.getByRole('button', { name: `Remove stage “${journey.stages[2]!.name}”` }));
    await user.type(screen.getByLabelText('Stage 1 name'), '!');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(current().stages[0]!.name).toBe(`${journey.stages[0]!.name}!`);
  });
});

describe('lanes', () => {
  function renderLanes(journey: Journey) {
    function WithStash(props: Parameters<typeof LanesStep>[0]) {
      const [stash, setStash] = useState<LaneStash>(new Map());
      return <LanesStep {...props} stash={stash} onStashChange={setStash} />;
    }
    return renderStep(WithStash, journey);
  }

  it('switches a standard lane off and on again, its cards kept meanwhile; renames; adds and removes a custom lane', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const { current } = renderLanes(journey);
    const pains = journey.lanes.find((lane) => lane.kind === 'pains')!;
    const painCards = journey.cards.filter((card) => card.lane === pains.id);

    await user.click(screen.getByRole('checkbox', { name: `Show lane “${pains.title}”`, checked: true }));
    expect(current().lanes.some((lane) => lane.kind === 'pains')).toBe(false);
    expect(current().cards.some((card) => card.lane === pains.id)).toBe(false);
    expect(screen.getByText(`${painCards.length} cards kept while the editor is open; switch the lane back on to restore them.`)).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: `Show lane “${pains.title}”`, checked: false }));
    expect(current().lanes.at(-1)).toEqual(pains);
    expect(current().cards.filter((card) => card.lane === pains.id)).toEqual(painCards);

    await user.click(screen.getByRole('checkbox', { name: 'Show lane “KPIs”', checked: false }));
    expect(current().lanes.at(-1)).toMatchObject({ kind: 'kpis', title: 'KPIs' });

    await user.click(screen.getByRole('button', { name: 'Add custom lane' }));
    const title = screen.getByLabelText('Custom lane 1 title');
    await user.clear(title);
    expect(screen.getByText('Name the lane.')).toBeTruthy();
    await user.type(title, 'Partners');
    expect(current().lanes.at(-1)).toMatchObject({ kind: 'custom', title: 'Partners' });
    expect(parseJourney(current()).ok).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Remove lane “Partners”' }));
    expect(current().lanes.some((lane) => lane.title === 'Partners')).toBe(false);
  });
});

describe('lanes switched back on', () => {
  it('bring back only cards that still fit the journey: of stages still there, with fresh ids where taken, speaking for personas still there', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    const pains = journey.lanes.find((lane) => lane.kind === 'pains')!;
    const removedStage = journey.stages[2]!.id;
    const painCards = journey.cards.filter((card) => card.lane === pains.id);
    function Harness() {
      const [value, setValue] = useState(journey);
      const [stash, setStash] = useState<LaneStash>(new Map());
      latest = value;
      return (
        <>
          <LanesStep journey={value} onChange={setValue} locale="en" stash={stash} onStashChange={setStash} />
          <button type="button" onClick={() => setValue({ ...value, stages: value.stages.filter((stage) => stage.id !== removedStage), emotions: value.emotions.filter((emotion) => emotion.stage !== removedStage), cards: [...value.cards.filter((card) => card.stage !== removedStage), { id: painCards[0]!.id, stage: value.stages[0]!.id, lane: value.lanes[0]!.id, text: 'Took the id' }] })}>
            meanwhile
          </button>
        </>
      );
    }
    let latest = journey;
    render(<Harness />);
    await user.click(screen.getByRole('checkbox', { name: `Show lane “${pains.title}”`, checked: true }));
    await user.click(screen.getByRole('button', { name: 'meanwhile' }));
    await user.click(screen.getByRole('checkbox', { name: `Show lane “${pains.title}”`, checked: false }));
    const restored = latest.cards.filter((card) => card.lane === pains.id);
    expect(restored.map((card) => card.text)).toEqual(painCards.filter((card) => card.stage !== removedStage).map((card) => card.text));
    expect(new Set(latest.cards.map((card) => card.id)).size).toBe(latest.cards.length);
    const parsed = parseJourney(latest);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });
});

describe('the prioritisation matrix from the lanes step', () => {
  it('draws the impact × effort matrix under the map when switched on, and none once switched off, in the panel’s language', async () => {
    const user = userEvent.setup();
    let latest = createSteplessStoreJourney();
    function Harness() {
      const [value, setValue] = useState(latest);
      const [stash, setStash] = useState<LaneStash>(new Map());
      latest = value;
      return <LanesStep journey={value} onChange={setValue} locale="uk" stash={stash} onStashChange={setStash} />;
    }
    render(<Harness />);
    const box = screen.getByRole('checkbox', { name: 'Матриця «ефект × витрати» під картою' });
    expect(box.getAttribute('aria-describedby')).toBe('lanes-matrix-hint');
    await user.click(box);
    expect(latest.matrix).toBe(true);
    expect(parseJourney(latest).ok).toBe(true);
    await user.click(box);
    expect('matrix' in latest).toBe(false);
  });
});

describe('a service blueprint from the lanes step', () => {
  it('adds the blueprint’s lanes where they go, so the map draws its three lines, in the panel’s language', async () => {
    const user = userEvent.setup();
    const journey = createSteplessStoreJourney();
    let latest = journey;
    function Harness() {
      const [value, setValue] = useState(journey);
      const [stash, setStash] = useState<LaneStash>(new Map());
      latest = value;
      return <LanesStep journey={value} onChange={setValue} locale="ru" stash={stash} onStashChange={setStash} />;
    }
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Сделать сервисным блюпринтом' }));
    expect(latest.lanes.map((lane) => lane.kind)).toEqual(['physical-evidence', 'actions', 'touchpoints', 'channels', 'thoughts', 'emotions', 'pains', 'opportunities', 'frontstage', 'backstage', 'support']);
    expect(latest.lanes.map((lane) => lane.title).slice(-3)).toEqual(['Видимые действия сотрудников', 'Backstage', 'Поддерживающие процессы']);
    expect([...findBlueprintLines(latest.lanes).values()]).toEqual(['interaction', 'visibility', 'internal']);
    // Every blueprint lane is there now: the button goes.
    expect(screen.queryByRole('button', { name: 'Сделать сервисным блюпринтом' })).toBeNull();
    const parsed = parseJourney(latest);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('places a blueprint lane switched on by itself: the frontstage above the backstage, the support processes below it', () => {
    const lanes = createSteplessStoreJourney().lanes;
    const frontstage = placeLane(lanes, { id: 'lane:frontstage', kind: 'frontstage', title: 'Frontstage' });
    expect(frontstage.map((lane) => lane.kind).slice(-2)).toEqual(['frontstage', 'backstage']);
    const support = placeLane(frontstage, { id: 'lane:support', kind: 'support', title: 'Support' });
    expect(support.map((lane) => lane.kind).slice(-3)).toEqual(['frontstage', 'backstage', 'support']);
    expect(placeLane(lanes, { id: 'lane:kpis', kind: 'kpis', title: 'KPIs' }).at(-1)?.kind).toBe('kpis');
  });
});

describe('the editor', () => {
  function renderEditor(initial: EditorState, handlers: { onInsert?: (journey: Journey) => void; onUpdate?: (mapId: string, journey: Journey) => void } = {}) {
    let latest = initial;
    function Harness() {
      const [state, setState] = useState(initial);
      return (
        <JourneyEditor
          state={state}
          onChange={(next) => {
            latest = next;
            setState(next);
          }}
          locale="en"
          busy={false}
          onInsert={handlers.onInsert ?? (() => undefined)}
          onUpdate={handlers.onUpdate ?? (() => undefined)}
          onClose={() => undefined}
          renderSvgAsync={async () => '<svg xmlns="http://www.w3.org/2000/svg"></svg>'}
        />
      );
    }
    render(<Harness />);
    return { current: () => latest };
  }

  it('follows the method step by step with Back and Next, and marks the current step', async () => {
    const user = userEvent.setup();
    const { current } = renderEditor({ journey: createSteplessStoreJourney(), step: 0 });
    const expected = ['Goal and scope', 'Personas', 'Stages', 'Lanes', 'Cards', 'Emotions', 'Insert'];
    for (const [index, name] of expected.entries()) {
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`Step ${index + 1} of 7: ${name}`);
      expect(screen.getByRole('button', { name: `${index + 1}. ${name}` }).getAttribute('aria-current')).toBe('step');
      if (index < expected.length - 1) await user.click(screen.getByRole('button', { name: 'Next' }));
    }
    expect(current().step).toBe(6);
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(current().step).toBe(5);
    await user.click(screen.getByRole('button', { name: '3. Stages' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 3 of 7: Stages');
  });

  it('explains why Insert is off, leads to the step to fix, then inserts the journey', async () => {
    const user = userEvent.setup();
    const onInsert = vi.fn();
    const journey = createSteplessStoreJourney();
    journey.title = '';
    journey.cards[0] = { ...journey.cards[0]!, text: 'x'.repeat(150) };
    renderEditor({ journey, step: 6 }, { onInsert });
    const insert = screen.getByRole('button', { name: 'Insert the map' });
    expect(insert.hasAttribute('disabled')).toBe(true);
    expect(document.getElementById(insert.getAttribute('aria-describedby')!)?.textContent).toMatch(/off until the problems above are fixed/);
    expect(screen.getByText('Fix 2 problems before drawing:')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go to Goal and scope' }));
    await user.type(screen.getByLabelText('Map title'), 'Kettle');
    await user.click(screen.getByRole('button', { name: '7. Insert' }));
    expect(screen.getByText('Fix 1 problem before drawing:')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Go to Cards' }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Step 5 of 7: Cards');
  });

  it('updates the map it came from instead of inserting a new one', async () => {
    const user = userEvent.setup();
    const onUpdate = vi.fn();
    const journey = createSteplessStoreJourney();
    renderEditor({ journey, step: 6, mapId: 'map-abc' }, { onUpdate });
    expect(await screen.findByRole('img', { name: journey.title })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Update the map' }));
    expect(onUpdate).toHaveBeenCalledWith('map-abc', journey, undefined);
  });
});
