// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { importJourneyCsv } from '../../src/model/formats/journey-csv';
import { listSteps, type Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { CellsStep } from '../../ui/editor/cells-step';
import { EmotionsStep } from '../../ui/editor/emotions-step';
import { findDraftProblems } from '../../ui/editor/find-draft-problems';
import { EDITOR_STRINGS } from '../../ui/editor/editor-strings';
import { applyTableFill, planTableFill } from '../../ui/editor/plan-table-fill';
import { StagesStep } from '../../ui/editor/stages-step';
import { LanesStep, type LaneStash } from '../../ui/editor/lanes-step';
import { mergeSteps } from '../../ui/editor/merge-steps';
import { PersonasStep } from '../../ui/editor/personas-step';
import { splitStage } from '../../ui/editor/split-stage';
import { renderStep } from './render-step';

afterEach(cleanup);

const csv = (rows: string[]): Journey => {
  const result = importJourneyCsv(['Stage,Step,Lane,Text,Persona,Emotion', ...rows].join('\n'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
const expectValid = (journey: Journey) => {
  const parsed = parseJourney(journey);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};
/** Steps as [stage, its step names]. */
const stepsOf = (journey: Journey) => journey.stages.map((stage) => [stage.name, listSteps(stage).map((step) => step.name)]);
/** Cards as [text, step name or "-"]. */
const placesOf = (journey: Journey) => journey.cards.map((card) => [card.text, listSteps(journey.stages.find((stage) => stage.id === card.stage) ?? {}).find((step) => step.id === card.step)?.name ?? '-']);

const STEPLESS = ['Choose,,Actions,Compares kettles,,', 'Order,,Actions,Adds the kettle,,', 'Order,,Pains,Address twice,,', 'Choose,,Emotions,,Anna,1', 'Order,,Emotions,,Anna,-1'];
const STEPPED = [
  'Choose,,Actions,Compares kettles,,',
  'Order,Cart,Actions,Adds the kettle,,',
  'Order,Form,Pains,Address twice,,',
  'Order,Pay,Actions,Pays,,',
  'Choose,,Emotions,,Anna,1',
  'Order,Cart,Emotions,,Anna,1',
  'Order,Form,Emotions,,Anna,-2',
  'Order,Pay,Emotions,,Anna,0',
];

describe('steps in the stages step', () => {
  it('splits a stage into steps, its cards and scores in the first, and names, adds and reorders steps by keyboard and buttons', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(StagesStep, csv(STEPLESS));
    await user.click(screen.getByRole('button', { name: 'Add steps to “Order”' }));
    expect(stepsOf(current())).toEqual([['Choose', []], ['Order', ['Step 1', 'Step 2']]]);
    expect(placesOf(current())).toEqual([['Compares kettles', '-'], ['Adds the kettle', 'Step 1'], ['Address twice', 'Step 1']]);
    expect(current().emotions.find((emotion) => emotion.stage === 'stage:s2')?.step).toBe(listSteps(current().stages[1]!)[0]?.id);
    expectValid(current());
    // The new first step's name is selected: typing replaces it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Step 1 name in “Order”')));
    await user.keyboard('Cart');
    await user.clear(screen.getByLabelText('Step 2 name in “Order”'));
    expect(screen.getByText('Name the step.')).toBeTruthy();
    expect(findDraftProblems(current(), EDITOR_STRINGS.en).map((problem) => problem.message)).toContain('Step 2 name in “Order”: Name the step.');
    await user.type(screen.getByLabelText('Step 2 name in “Order”'), 'Pay');
    await user.click(screen.getByRole('button', { name: 'Add step to “Order”' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Step 3 name in “Order”')));
    await user.keyboard('Form');
    expect(stepsOf(current())[1]).toEqual(['Order', ['Cart', 'Pay', 'Form']]);
    // Alt+↑ in the step's name moves it up; focus stays in it.
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(stepsOf(current())[1]).toEqual(['Order', ['Cart', 'Form', 'Pay']]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Step 2 name in “Order”')));
    await user.click(screen.getByRole('button', { name: 'Move “Cart” down' }));
    expect(stepsOf(current())[1]).toEqual(['Order', ['Form', 'Cart', 'Pay']]);
    await user.type(screen.getByLabelText('Touchpoint of “Form”'), 'Order form');
    expect(listSteps(current().stages[1]!)[0]).toMatchObject({ name: 'Form', touchpoint: 'Order form' });
    expectValid(current());
  });

  it('reorders steps by dragging within their stage', () => {
    const { current } = renderStep(StagesStep, csv(STEPPED));
    fireEvent.dragStart(screen.getByRole('img', { name: 'Drag “Pay”' }));
    fireEvent.drop(screen.getByLabelText('Step 1 name in “Order”').closest('li')!);
    expect(stepsOf(current())[1]).toEqual(['Order', ['Pay', 'Cart', 'Form']]);
  });

  it('removes a step, its cards going to the step before it, and merges the steps back without losing a card; Undo after each', async () => {
    const user = userEvent.setup();
    const journey = csv(STEPPED);
    const { current } = renderStep(StagesStep, journey);
    await user.click(screen.getByRole('button', { name: 'Remove step “Form”' }));
    expect(stepsOf(current())[1]).toEqual(['Order', ['Cart', 'Pay']]);
    expect(placesOf(current())).toContainEqual(['Address twice', 'Cart']);
    // Cart keeps its own score; Form's went with it.
    expect(current().emotions.filter((emotion) => emotion.stage === 'stage:s2').map((emotion) => emotion.score)).toEqual([1, 0]);
    expect(screen.getByRole('status').textContent).toContain('Step “Form” removed; its card moved to “Cart”.');
    expectValid(current());
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(journey);

    await user.click(screen.getByRole('button', { name: 'Merge steps of “Order”' }));
    expect(stepsOf(current())[1]).toEqual(['Order', []]);
    expect(placesOf(current())).toEqual([['Compares kettles', '-'], ['Adds the kettle', '-'], ['Address twice', '-'], ['Pays', '-']]);
    // The stage feels as its worst step did.
    expect(current().emotions.filter((emotion) => emotion.stage === 'stage:s2')).toEqual([{ persona: 'persona:p1', stage: 'stage:s2', score: -2 }]);
    expect(screen.getByRole('status').textContent).toContain('Steps of “Order” merged, 3 cards kept; each persona keeps its lowest score.');
    expectValid(current());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add steps to “Order”' })));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(current()).toEqual(journey);
  });
});

describe('steps in the cards step', () => {
  it('picks a step, adds cards into it, and moves a card to the next step with Alt+→, the picker following', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, csv(STEPPED));
    const picker = screen.getByLabelText('Stage or step') as HTMLSelectElement;
    // A stage with steps is a group of its steps in the picker.
    expect(within(picker).getByRole('group', { name: 'Order' })).toBeTruthy();
    expect([...picker.options].map((option) => option.textContent)).toEqual(['Choose', 'Cart', 'Form', 'Pay']);
    await user.selectOptions(picker, 'Form');
    expect((screen.getByRole('textbox', { name: 'Card 1 in Pains, Order › Form' }) as HTMLTextAreaElement).value).toBe('Address twice');
    await user.click(screen.getByRole('button', { name: 'Add a card to Actions' }));
    await user.keyboard('Types the address');
    expect(placesOf(current())).toContainEqual(['Types the address', 'Form']);
    expectValid(current());
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(placesOf(current())).toContainEqual(['Types the address', 'Pay']);
    expect(picker.value).toBe(listSteps(current().stages[1]!)[2]?.id);
    // Pay is the last column: nothing moves further right.
    expect(screen.getAllByRole('button', { name: 'Move to the next stage or step' }).every((button) => button.hasAttribute('disabled'))).toBe(true);
    expectValid(current());
  });
});

describe('steps in the emotions step', () => {
  it('scores the persona at every step of a stage with steps, each step its own group', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(EmotionsStep, csv(STEPPED));
    const form = screen.getByRole('group', { name: 'Form' });
    expect((within(form).getByRole('radio', { checked: true }) as HTMLInputElement).value).toBe('-2');
    await user.click(within(form).getAllByRole('radio').find((radio) => (radio as HTMLInputElement).value === '0')!);
    const step = listSteps(current().stages[1]!)[1]!;
    expect(current().emotions.find((emotion) => emotion.step === step.id)?.score).toBe(0);
    // The chart reads every place.
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/Choose.*Order › Cart.*Order › Form.*Order › Pay/);
    expectValid(current());
  });
});

describe('a table pasted into a card of a step', () => {
  it('fills the places from that step on, or the places its first row names: steps, "Stage › Step", a stage for its first step', () => {
    const journey = csv(STEPPED);
    const cart = journey.cards.find((card) => card.text === 'Adds the kettle')!;
    const byPosition = planTableFill(journey, [['Opens the cart', 'Types the address', 'Pays', 'Too far']], cart);
    expect(byPosition.cells.map((cell) => [cell.step, cell.texts])).toEqual([
      ['step:t1', ['Opens the cart']],
      ['step:t2', ['Types the address']],
      ['step:t3', ['Pays']],
    ]);
    expect(byPosition.cutColumns).toEqual({ count: 1, cards: 1 });
    const filled = applyTableFill(journey, byPosition, cart, undefined);
    expect(placesOf(filled)).toEqual(expect.arrayContaining([['Opens the cart', 'Cart'], ['Types the address', 'Form'], ['Pays', 'Pay']]));
    expectValid(filled);

    const byName = planTableFill(journey, [['Pay', 'Order › Form', 'Choose', 'Order'], ['a', 'b', 'c', 'd']], cart);
    expect(byName.stageHeaders).toBe(true);
    expect(byName.cells.map((cell) => [cell.stage, cell.step ?? '-', cell.texts])).toEqual([
      ['stage:s2', 'step:t3', ['a']],
      ['stage:s2', 'step:t2', ['b']],
      ['stage:s1', '-', ['c']],
      ['stage:s2', 'step:t1', ['d']],
    ]);
    expectValid(applyTableFill(journey, byName, cart, undefined));
  });
});

describe('other steps of the editor on a map with steps', () => {
  it('a persona added gets a neutral score at every step, and the journey stays valid', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(PersonasStep, csv(STEPPED));
    await user.click(screen.getByRole('button', { name: 'Add persona' }));
    const added = current().personas.at(-1)!;
    expect(current().emotions.filter((emotion) => emotion.persona === added.id).map((emotion) => [emotion.stage, emotion.step, emotion.score])).toEqual([
      ['stage:s1', undefined, 0],
      ['stage:s2', 'step:t1', 0],
      ['stage:s2', 'step:t2', 0],
      ['stage:s2', 'step:t3', 0],
    ]);
    expectValid(current());
  });

  it('a lane switched back on puts its cards where the steps are now: a stage split since, its first step; a step merged since, its stage', async () => {
    const user = userEvent.setup();
    const journey = csv(STEPPED);
    let latest = journey;
    function Harness() {
      const [value, setValue] = useState(journey);
      const [stash, setStash] = useState<LaneStash>(new Map());
      latest = value;
      return (
        <>
          <LanesStep journey={value} onChange={setValue} locale="en" stash={stash} onStashChange={setStash} />
          <button type="button" onClick={() => setValue(splitStage(mergeSteps(value, 'stage:s2'), 'stage:s1', [{ id: 'step:a', name: 'Look' }, { id: 'step:b', name: 'Pick' }]))}>
            meanwhile
          </button>
        </>
      );
    }
    render(<Harness />);
    await user.click(screen.getByRole('checkbox', { name: 'Show lane “Actions”', checked: true }));
    await user.click(screen.getByRole('button', { name: 'meanwhile' }));
    await user.click(screen.getByRole('checkbox', { name: 'Show lane “Actions”', checked: false }));
    expect(placesOf(latest).filter(([text]) => text !== 'Address twice')).toEqual([['Compares kettles', 'Look'], ['Adds the kettle', '-'], ['Pays', '-']]);
    expectValid(latest);
  });
});
