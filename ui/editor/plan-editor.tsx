import { OPPORTUNITY_STATUSES, PLAN_RATING_MAX, PLAN_RATING_MIN, type Card, type CardId, type Journey, type OpportunityPlan, type OpportunityStatus } from '../../src/model/journey';
import { MAX_SHORT_TEXT } from '../../src/model/journey-schema';
import { OPPORTUNITY_STATUS_NAMES } from '../../src/model/opportunity-status';
import type { Locale } from '../strings';
import { formatPlaceName } from './format-place-name';
import { PLAN_STRINGS } from './plan-strings';

const RATINGS = Array.from({ length: PLAN_RATING_MAX - PLAN_RATING_MIN + 1 }, (_, index) => PLAN_RATING_MIN + index);

/** `card` with `plan` set: empty fields left out, and no `plan` at all once nothing is set. */
export function setCardPlan(card: Card, plan: OpportunityPlan): Card {
  const kept = Object.fromEntries(Object.entries(plan).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))) as OpportunityPlan;
  const { plan: _previous, ...rest } = card;
  return Object.keys(kept).length > 0 ? { ...rest, plan: kept } : rest;
}

/** Cards to link, as checkboxes under a legend (or a line saying there are none). */
function CardChecklist(props: { legend: string; empty: string; cards: readonly Card[]; checked: readonly CardId[]; describe: (card: Card) => string; onToggle: (id: CardId, on: boolean) => void }) {
  return (
    <fieldset class="cells-plan__pains">
      <legend class="field__label">{props.legend}</legend>
      {props.cards.length === 0 ? (
        <p class="cells-lane__empty">{props.empty}</p>
      ) : (
        props.cards.map((card) => (
          <label key={card.id} class="cells-plan__pain">
            <input type="checkbox" checked={props.checked.includes(card.id)} onChange={(event) => props.onToggle(card.id, event.currentTarget.checked)} />
            {props.describe(card)}
          </label>
        ))
      )}
    </fieldset>
  );
}

/**
 * An opportunity's plan, under a toggle beside the card: the pains it
 * addresses (every pain card of the map, any stage and persona, as
 * checkboxes), impact and effort from 1 to 5, owner, status and KPI. The
 * toggle's summary says what is set, so a closed plan still reads.
 */
export function PlanEditor({ journey, card, locale, onPlan }: { journey: Journey; card: Card; locale: Locale; onPlan: (card: Card) => void }) {
  const strings = PLAN_STRINGS[locale];
  const plan = card.plan ?? {};
  const base = `cells-plan-${card.id}`;
  const painLanes = new Set<string>(journey.lanes.filter((lane) => lane.kind === 'pains').map((lane) => lane.id));
  const pains = journey.cards.filter((candidate) => painLanes.has(candidate.lane) && candidate.id !== card.id);
  const addresses = plan.addresses ?? [];
  const change = (update: OpportunityPlan) => onPlan(setCardPlan(card, { ...plan, ...update }));
  const toggle = (pain: CardId, on: boolean) => change({ addresses: on ? [...addresses, pain] : addresses.filter((id) => id !== pain) });
  const rating = (value: string) => (value === '' ? undefined : Number(value));
  const linked = addresses.filter((id) => pains.some((pain) => pain.id === id)).length;
  return (
    <details class="cells-plan">
      <summary class="cells-plan__summary">
        {strings.plan}: <span class="cells-plan__state">{strings.summary(linked, plan.impact?.toString() ?? '', plan.effort?.toString() ?? '', plan.owner ?? '')}</span>
      </summary>
      <CardChecklist legend={strings.addresses} empty={strings.noPains} cards={pains} checked={addresses} describe={(pain) => strings.painOf(pain.text.trim() || '…', formatPlaceName(journey, pain))} onToggle={toggle} />
      <div class="cells-plan__fields">
        {(['impact', 'effort'] as const).map((field) => (
          <span key={field} class="field">
            <label class="field__label" for={`${base}-${field}`}>
              {strings[field]}
            </label>
            <select id={`${base}-${field}`} class="field__input" value={plan[field]?.toString() ?? ''} onChange={(event) => change({ [field]: rating(event.currentTarget.value) })}>
              <option value="">{strings.notRated}</option>
              {RATINGS.map((value) => (
                <option key={value} value={String(value)}>
                  {value}
                </option>
              ))}
            </select>
          </span>
        ))}
        <span class="field">
          <label class="field__label" for={`${base}-status`}>
            {strings.status}
          </label>
          <select id={`${base}-status`} class="field__input" value={plan.status ?? ''} onChange={(event) => change({ status: (event.currentTarget.value || undefined) as OpportunityStatus | undefined })}>
            <option value="">{strings.noStatus}</option>
            {OPPORTUNITY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {OPPORTUNITY_STATUS_NAMES[status][locale]}
              </option>
            ))}
          </select>
        </span>
        {(['owner', 'kpi'] as const).map((field) => (
          <span key={field} class="field">
            <label class="field__label" for={`${base}-${field}`}>
              {strings[field]}
            </label>
            <input id={`${base}-${field}`} class="field__input" type="text" maxLength={MAX_SHORT_TEXT} value={plan[field] ?? ''} onInput={(event) => change({ [field]: event.currentTarget.value })} />
          </span>
        ))}
      </div>
    </details>
  );
}

/**
 * What a blueprint card of the company's side serves, under a toggle beside
 * the card: the cards above it in its stage or step, as checkboxes (the
 * backstage step behind a frontstage contact, the system behind it). The
 * board draws each as a connector; a person may draw them there too.
 */
export function ServesEditor({ journey, card, locale, onServes }: { journey: Journey; card: Card; locale: Locale; onServes: (card: Card) => void }) {
  const strings = PLAN_STRINGS[locale];
  const rank = (lane: string) => journey.lanes.findIndex((candidate) => candidate.id === lane);
  const above = journey.cards.filter((other) => other.stage === card.stage && other.step === card.step && rank(other.lane) < rank(card.lane) && other.id !== card.id);
  const serves = (card.serves ?? []).filter((id) => above.some((other) => other.id === id));
  const laneTitle = (lane: string) => journey.lanes.find((candidate) => candidate.id === lane)?.title ?? '';
  const toggle = (id: CardId, on: boolean) => {
    const next = on ? [...serves, id] : serves.filter((served) => served !== id);
    const { serves: _previous, ...rest } = card;
    onServes(next.length > 0 ? { ...rest, serves: next } : rest);
  };
  return (
    <details class="cells-plan">
      <summary class="cells-plan__summary">
        {strings.serves}: <span class="cells-plan__state">{strings.servesSummary(serves.length)}</span>
      </summary>
      <CardChecklist legend={strings.servesWhat} empty={strings.nothingAbove} cards={above} checked={serves} describe={(other) => strings.painOf(other.text.trim() || '…', laneTitle(other.lane))} onToggle={toggle} />
    </details>
  );
}
