import type { Card, Journey, Lane, LaneId, LaneKind } from '../../src/model/journey';
import { LANE_KINDS, settlePlace } from '../../src/model/journey';
import { MAX_LANES, MAX_SHORT_TEXT } from '../../src/model/journey-schema';
import { STANDARD_LANE_TITLES } from '../../src/model/templates/blank-journey';
import { createEditorId } from './create-editor-id';
import { EDITOR_STRINGS } from './editor-strings';
import { IconButton } from './icon-button';
import { moveItem } from './move-item';
import { setPlace } from './set-place';
import type { StepProps } from './step-props';

/** Lanes switched off in this session, with their cards, so switching one back on restores them. */
export type LaneStash = ReadonlyMap<LaneKind, { lane: Lane; cards: Card[] }>;

const STANDARD_KINDS = LANE_KINDS.filter((kind): kind is Exclude<LaneKind, 'custom'> => kind !== 'custom');
/** The lanes a service blueprint adds, in the order they are switched on. */
const BLUEPRINT_KINDS = ['physical-evidence', 'frontstage', 'backstage', 'support'] as const;

/**
 * `lanes` with `lane` where it goes: a service blueprint's lanes in their
 * places (physical evidence on top, the frontstage above the backstage, the
 * support processes below it, so the blueprint's lines fall between them),
 * any other lane last.
 */
export function placeLane(lanes: readonly Lane[], lane: Lane): Lane[] {
  const first = (kind: LaneKind) => lanes.findIndex((candidate) => candidate.kind === kind);
  const last = (kind: LaneKind) => lanes.map((candidate) => candidate.kind).lastIndexOf(kind);
  let at = lanes.length;
  if (lane.kind === 'physical-evidence') at = 0;
  else if (lane.kind === 'frontstage' && first('backstage') >= 0) at = first('backstage');
  else if (lane.kind === 'backstage' && first('frontstage') >= 0) at = first('support') > first('frontstage') ? first('support') : last('frontstage') + 1;
  else if (lane.kind === 'support' && last('backstage') >= 0) at = last('backstage') + 1;
  return [...lanes.slice(0, at), lane, ...lanes.slice(at)];
}

/**
 * The kept cards of a lane switched on again, fitted to the journey as it is
 * now: cards of stages removed meanwhile stay out, a card of a stage split
 * into steps or merged since settles where `settlePlace` puts it, a card
 * whose persona was removed speaks for everyone, and an id taken meanwhile
 * is replaced.
 */
function restoreCards(journey: Journey, cards: readonly Card[], lane: LaneId): Card[] {
  const personas = new Set<string>(journey.personas.map((persona) => persona.id));
  const taken = new Set<string>(journey.cards.map((card) => card.id));
  return cards.flatMap((card) => {
    const place = settlePlace(journey, card);
    if (!place) return [];
    const { persona, ...rest } = setPlace(card, place);
    const id = taken.has(card.id) ? createEditorId('card', taken) : card.id;
    taken.add(id);
    return [{ ...rest, id, lane, ...(persona && personas.has(persona) ? { persona } : {}) }];
  });
}

/**
 * Step 4: the lanes (method steps 5–7) — switch the standard lanes on and
 * off, rename and reorder them, add lanes of one's own. A lane switched off
 * takes its cards into `stash` until it is switched on again.
 */
export function LanesStep({ journey, onChange, locale, stash, onStashChange }: StepProps & { stash: LaneStash; onStashChange: (stash: LaneStash) => void }) {
  const strings = EDITOR_STRINGS[locale];
  // A lane's usual title in the panel's language (a custom lane has none).
  const titleOf = (kind: LaneKind): string => (kind === 'custom' ? strings.newLane : STANDARD_LANE_TITLES[locale][kind]);
  const retitle = (lane: Lane, title: string) => onChange({ ...journey, lanes: journey.lanes.map((candidate) => (candidate.id === lane.id ? { ...candidate, title } : candidate)) });
  const move = (from: number, to: number) => {
    if (to >= 0 && to < journey.lanes.length) onChange({ ...journey, lanes: moveItem(journey.lanes, from, to) });
  };
  const switchOff = (lane: Lane) => {
    if (journey.lanes.length < 2) return;
    const next = new Map(stash);
    if (lane.kind !== 'custom') next.set(lane.kind, { lane, cards: journey.cards.filter((card) => card.lane === lane.id) });
    onStashChange(next);
    onChange({ ...journey, lanes: journey.lanes.filter((candidate) => candidate.id !== lane.id), cards: journey.cards.filter((card) => card.lane !== lane.id) });
  };
  /** Switches lanes on, each where it goes (see placeLane), with the cards it held when it was switched off. */
  const switchOn = (...kinds: Exclude<LaneKind, 'custom'>[]) => {
    const next = new Map(stash);
    let changed = journey;
    for (const kind of kinds) {
      const kept = stash.get(kind);
      const taken = changed.lanes.map((lane) => lane.id);
      const id: LaneId = kept && !taken.includes(kept.lane.id) ? kept.lane.id : taken.includes(`lane:${kind}`) ? createEditorId('lane', taken) : `lane:${kind}`;
      const lane: Lane = { id, kind, title: kept?.lane.title ?? titleOf(kind) };
      next.delete(kind);
      changed = { ...changed, lanes: placeLane(changed.lanes, lane), cards: [...changed.cards, ...restoreCards(changed, kept?.cards ?? [], id)] };
    }
    onStashChange(next);
    onChange(changed);
  };
  const blueprintMissing = BLUEPRINT_KINDS.filter((kind) => !journey.lanes.some((lane) => lane.kind === kind));
  const handleAddCustom = () => {
    const lane: Lane = { id: createEditorId('lane', journey.lanes.map((candidate) => candidate.id)), kind: 'custom', title: strings.newLane };
    onChange({ ...journey, lanes: [...journey.lanes, lane] });
  };
  const off = STANDARD_KINDS.filter((kind) => !journey.lanes.some((lane) => lane.kind === kind));
  let customIndex = 0;

  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.lanesHint}</p>
      <ol class="editor__list">
        {journey.lanes.map((lane, index) => {
          const name = lane.title || titleOf(lane.kind);
          const titleId = `lane-title-${index}`;
          const error = lane.title.trim() ? undefined : strings.laneEmpty;
          if (lane.kind === 'custom') customIndex += 1;
          return (
            <li key={lane.id} class="editor__item">
              <div class="editor__item-row">
                {lane.kind !== 'custom' && (
                  <input type="checkbox" checked aria-label={strings.laneOn(name)} disabled={journey.lanes.length < 2} onChange={() => switchOff(lane)} />
                )}
                <label class="visually-hidden" for={titleId}>
                  {lane.kind === 'custom' ? strings.customLaneTitle(customIndex) : strings.laneTitle(titleOf(lane.kind))}
                </label>
                <input
                  id={titleId}
                  class="field__input"
                  type="text"
                  value={lane.title}
                  maxLength={MAX_SHORT_TEXT}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${titleId}-error` : undefined}
                  onInput={(event) => retitle(lane, event.currentTarget.value)}
                />
                <IconButton label={strings.moveUp(name)} disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑
                </IconButton>
                <IconButton label={strings.moveDown(name)} disabled={index === journey.lanes.length - 1} onClick={() => move(index, index + 1)}>
                  ↓
                </IconButton>
                {lane.kind === 'custom' && (
                  <IconButton label={strings.removeLane(name)} disabled={journey.lanes.length < 2} onClick={() => switchOff(lane)}>
                    ✕
                  </IconButton>
                )}
              </div>
              {error && (
                <span id={`${titleId}-error`} class="field__error">
                  {error}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {off.length > 0 && (
        <ul class="editor__list editor__list--off">
          {off.map((kind) => {
            const kept = stash.get(kind);
            return (
              <li key={kind} class="editor__item">
                <label class="editor__item-row">
                  <input type="checkbox" checked={false} onChange={() => switchOn(kind)} disabled={journey.lanes.length >= MAX_LANES} />
                  <span>{strings.laneOn(kept?.lane.title ?? titleOf(kind))}</span>
                </label>
                {kept && kept.cards.length > 0 && <span class="field__hint">{strings.laneCardsKept(kept.cards.length)}</span>}
              </li>
            );
          })}
        </ul>
      )}
      <div class="editor__row">
        <button type="button" class="button button--small" onClick={handleAddCustom} disabled={journey.lanes.length >= MAX_LANES}>
          {strings.addCustomLane}
        </button>
        {blueprintMissing.length > 0 && (
          <button
            type="button"
            class="button button--small"
            onClick={() => switchOn(...blueprintMissing)}
            disabled={journey.lanes.length + blueprintMissing.length > MAX_LANES}
            title={strings.blueprintHint}
          >
            {strings.makeBlueprint}
          </button>
        )}
      </div>
      <div class="editor__item">
        <label class="editor__item-row">
          <input type="checkbox" checked={journey.matrix === true} aria-describedby="lanes-matrix-hint" onChange={(event) => onChange(setMatrix(journey, event.currentTarget.checked))} />
          <span>{strings.matrixOn}</span>
        </label>
        <span id="lanes-matrix-hint" class="field__hint">
          {strings.matrixHint}
        </span>
      </div>
    </div>
  );
}

/** `journey` with its prioritisation matrix drawn or not (the field left out when not). */
export function setMatrix(journey: Journey, on: boolean): Journey {
  const { matrix: _matrix, ...rest } = journey;
  return on ? { ...rest, matrix: true } : rest;
}

