// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { importJourneyCsv } from '../../src/model/formats/journey-csv';
import type { Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { CellsStep } from '../../ui/editor/cells-step';
import { renderStep } from './render-step';

afterEach(cleanup);

const journeyOf = (rows: string[]): Journey => {
  const result = importJourneyCsv(['Stage,Lane,Text', ...rows].join('\n'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

describe('an opportunity’s plan in the cards step', () => {
  it('links the pains it addresses, from any stage, and sets impact, effort, status, owner and KPI; the journey stays valid', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, journeyOf(['Search,Pains,Too many models', 'Order,Pains,Form has 14 fields', 'Order,Opportunities,One-page checkout', 'Order,Actions,Pays']));
    await user.selectOptions(screen.getByLabelText('Stage'), 'Order');
    // Only an opportunity has a plan.
    expect(screen.getAllByText('Plan:', { exact: false })).toHaveLength(1);
    const plan = screen.getByText('Plan:', { exact: false }).closest('details')!;
    await user.click(within(plan).getByText('no pain linked'));
    await user.click(within(plan).getByRole('checkbox', { name: 'Form has 14 fields (Order)' }));
    await user.click(within(plan).getByRole('checkbox', { name: 'Too many models (Search)' }));
    await user.selectOptions(within(plan).getByLabelText('Impact (1–5)'), '5');
    await user.selectOptions(within(plan).getByLabelText('Effort (1–5)'), '3');
    await user.selectOptions(within(plan).getByLabelText('Status'), 'planned');
    await user.type(within(plan).getByLabelText('Owner'), 'Olga');
    await user.type(within(plan).getByLabelText('KPI it should move'), 'Checkout conversion');
    const opportunity = current().cards.find((card) => card.text === 'One-page checkout')!;
    expect(opportunity.plan).toEqual({ addresses: ['card:c2', 'card:c1'], impact: 5, effort: 3, status: 'planned', owner: 'Olga', kpi: 'Checkout conversion' });
    expect(within(plan).getByText('fixes 2 pains · impact 5 · effort 3 · Olga')).toBeTruthy();
    const parsed = parseJourney(current());
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    // Unlinking both and clearing the rest leaves no plan at all.
    await user.click(within(plan).getByRole('checkbox', { name: 'Form has 14 fields (Order)' }));
    await user.click(within(plan).getByRole('checkbox', { name: 'Too many models (Search)' }));
    for (const field of ['Impact (1–5)', 'Effort (1–5)', 'Status']) await user.selectOptions(within(plan).getByLabelText(field), '');
    await user.clear(within(plan).getByLabelText('Owner'));
    await user.clear(within(plan).getByLabelText('KPI it should move'));
    expect('plan' in current().cards.find((card) => card.text === 'One-page checkout')!).toBe(false);
  });
});

describe('what a blueprint card serves, in the cards step', () => {
  it('links a backstage card to the cards above it in its stage, and unlinks it; the journey stays valid', async () => {
    const user = userEvent.setup();
    const { current } = renderStep(CellsStep, journeyOf(['Visit,Actions,Hands over the keys', 'Visit,Frontstage,Adviser walks round the car', 'Visit,Backstage,Adviser opens the work order', 'Pay,Frontstage,Adviser shows the work done']));
    await user.selectOptions(screen.getByLabelText('Stage'), 'Visit');
    // The frontstage and the backstage card serve; the customer's action does not.
    expect(screen.getAllByText('Serves:', { exact: false })).toHaveLength(2);
    const backstage = screen.getAllByText('Serves:', { exact: false })[1]!.closest('details')!;
    await user.click(within(backstage).getByText('nothing linked'));
    // Only cards above it in its own stage: not the Pay stage's contact.
    expect(within(backstage).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual(['Hands over the keys (Actions)', 'Adviser walks round the car (Frontstage)']);
    await user.click(within(backstage).getByRole('checkbox', { name: 'Adviser walks round the car (Frontstage)' }));
    const card = () => current().cards.find((candidate) => candidate.text === 'Adviser opens the work order')!;
    expect(card().serves).toEqual([current().cards.find((candidate) => candidate.text === 'Adviser walks round the car')!.id]);
    expect(within(backstage).getByText('1 card')).toBeTruthy();
    const parsed = parseJourney(current());
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    await user.click(within(backstage).getByRole('checkbox', { name: 'Adviser walks round the car (Frontstage)' }));
    expect('serves' in card()).toBe(false);
  });
});
