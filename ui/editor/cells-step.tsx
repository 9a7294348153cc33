import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MAX_STICKY_TEXT } from '../../src/model/health-check';
import { hasSteps, isSamePlace, SERVING_KINDS, listPlaces, listSteps, placeId, type Card, type CardId, type Journey, type JourneyPlace, type LaneId, type Persona, type PersonaId } from '../../src/model/journey';
import { MAX_CARD_TEXT } from '../../src/model/journey-schema';
import { CELLS_STRINGS, type CellsStrings } from './cells-strings';
import { createEditorId } from './create-editor-id';
import { EDITOR_STRINGS } from './editor-strings';
import { formatPlaceName } from './format-place-name';
import { IconButton } from './icon-button';
import { PersonaSelect } from './persona-select';
import { PlanEditor, ServesEditor } from './plan-editor';
import { insertCard, isInCell } from './insert-card';
import { parsePastedTableAsync } from './parse-pasted-table';
import { applyTableFill, planTableFill } from './plan-table-fill';
import { setPlace } from './set-place';
import { splitPastedLines } from './split-pasted-lines';
import type { StepProps } from './step-props';
import { TABLE_FILL_BUTTON_ID, TABLE_FILL_CANCEL_ID, TABLE_FILL_PREVIEW_ID, TableFillPreview } from './table-fill-preview';

/** The controls of one card that can take focus back after the card moves. */
type CardControl = 'text' | 'up' | 'down' | 'previous-stage' | 'next-stage';

/** Where focus goes once the journey has re-rendered, and where the caret goes in a textarea. */
interface FocusRequest {
  id: string;
  /** Used when `id` is a button that the move disabled (a card moved to the top cannot move up again). */
  fallbackId?: string;
  selection?: 'start' | 'end' | readonly [start: number, end: number];
  /** What to bring into view instead of the target: the whole preview of a pasted table, not only its Fill button. */
  revealId?: string;
}

const formatCardFieldId = (card: CardId) => `cells-card-${card}`;
const formatCardControlId = (card: CardId, control: CardControl) => (control === 'text' ? formatCardFieldId(card) : `${formatCardFieldId(card)}-${control}`);
const formatAddButtonId = (lane: LaneId) => `cells-add-${lane}`;

/** A change that Undo can take back while the journey is still `after`: the journey `before` it, and where focus goes on Undo. */
interface UndoOffer {
  before: Journey;
  after: Journey;
  message: string;
  /** The column to show again on Undo. */
  place: JourneyPlace;
  focus: FocusRequest;
}

/** A table pasted into a card, waiting for Fill or Cancel. */
interface PendingFill {
  card: CardId;
  rows: string[][];
  selection: readonly [start: number, end: number];
  persona: PersonaId | undefined;
}

// Long enough to tell a card by, short enough for one line of the narrow panel.
const MAX_QUOTED_TEXT = 40;

/** A card's first line as a message quotes it, cut with "…" past MAX_QUOTED_TEXT characters. */
function quoteCardText(text: string): string {
  const characters = [...(text.trim().split('\n')[0] ?? '')];
  return characters.length > MAX_QUOTED_TEXT ? `${characters.slice(0, MAX_QUOTED_TEXT - 1).join('')}…` : characters.join('');
}

/** `cards` with `id` swapped with its neighbour in the same cell (`offset` -1 is up), or undefined at the cell's edge. */
function moveCardWithinCell(cards: readonly Card[], id: CardId, offset: -1 | 1): Card[] | undefined {
  const from = cards.findIndex((card) => card.id === id);
  const card = cards[from];
  if (!card) return undefined;
  let to = from + offset;
  while (to >= 0 && to < cards.length && !isInCell(cards[to] as Card, card, card.lane)) to += offset;
  const neighbour = cards[to];
  if (to < 0 || !neighbour) return undefined;
  const result = [...cards];
  result[from] = neighbour;
  result[to] = card;
  return result;
}

/** `cards` with `id` moved to `place` (a stage, or a step) in the same lane, appended after that cell's last card. */
function moveCardToPlace(cards: readonly Card[], id: CardId, place: JourneyPlace): Card[] {
  const card = cards.find((candidate) => candidate.id === id);
  if (!card) return [...cards];
  return insertCard(
    cards.filter((candidate) => candidate.id !== id),
    setPlace(card, place),
  );
}

/** `card` speaking for `persona`, or for everyone when `persona` is undefined (the field is left out, not set to undefined). */
function setCardPersona(card: Card, persona: PersonaId | undefined): Card {
  const { persona: _previous, ...rest } = card;
  return persona ? { ...rest, persona } : rest;
}

/** What is wrong with a card's text for a sticky, or undefined. Counts characters as the review step does. */
function findCardTextProblem(text: string, strings: CellsStrings): string | undefined {
  const length = [...text.trim()].length;
  if (length === 0) return strings.emptyText;
  if (length > MAX_STICKY_TEXT) return strings.tooLong(length);
  return undefined;
}

/**
 * Step 5: the cards (method steps 5–7) — a stage picker and, for the chosen
 * stage, one section per lane with its cards as textareas. Cards are added,
 * edited, reordered, moved to another stage and deleted from the keyboard
 * (Enter, Backspace, Alt+arrows) or with each card's buttons; with several
 * personas each card says whom it speaks for. Pasting lines into a card
 * makes one card per line; pasting cells from a spreadsheet fills stages ×
 * lanes after a preview. Deleting a card with text, pasting lines and
 * filling from a table offer Undo. `journey.cards` stays in reading order.
 */
export function CellsStep({ journey, onChange, locale, focusCard }: StepProps & { focusCard?: CardId | undefined }) {
  const strings = CELLS_STRINGS[locale];
  // Opened for one card (Go to Cards from a problem): its stage or step, and focus in its field.
  const [chosenPlace, setChosenPlace] = useState<JourneyPlace | undefined>(() => {
    const card = journey.cards.find((candidate) => candidate.id === focusCard);
    return card ? { stage: card.stage, ...(card.step ? { step: card.step } : {}) } : listPlaces(journey)[0];
  });
  // Cards added here and not left yet: an empty card only complains once the person moves on from it.
  const [freshCards, setFreshCards] = useState<ReadonlySet<CardId>>(new Set());
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 });
  // Undo is offered until the journey changes otherwise, as for stages: it puts back the journey as it was, so it never takes back a later edit.
  const [undo, setUndo] = useState<UndoOffer | undefined>();
  const [pending, setPending] = useState<PendingFill | undefined>();
  // A pasted table is read asynchronously: what it changes is the journey of then, not of the paste.
  const latestJourney = useRef(journey);
  latestJourney.current = journey;
  const focusRequest = useRef<FocusRequest | undefined>(focusCard ? { id: formatCardFieldId(focusCard), selection: 'end' } : undefined);

  // Focus follows the card after the journey re-renders: a new card, the card before a deleted one, a moved card.
  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (!request) return;
    const requested = document.getElementById(request.id);
    if (!requested) return;
    focusRequest.current = undefined;
    const target = requested instanceof HTMLButtonElement && requested.disabled && request.fallbackId ? document.getElementById(request.fallbackId) : requested;
    if (!target) return;
    target.focus();
    // Above the sticky Back / Next bar, not under it.
    (request.revealId ? (document.getElementById(request.revealId) ?? target) : target).scrollIntoView?.({ block: 'center' });
    if (target instanceof HTMLTextAreaElement && request.selection) {
      const end = target.value.length;
      const [start, stop] = request.selection === 'start' ? [0, 0] : request.selection === 'end' ? [end, end] : request.selection;
      target.setSelectionRange(start, stop);
    }
  });

  // The columns: each stage without steps, each step of the others. A chosen step that went (merged, removed) gives way to its stage's first column.
  const places = listPlaces(journey);
  const stepped = hasSteps(journey);
  let placeIndex = chosenPlace ? places.findIndex((candidate) => isSamePlace(candidate, chosenPlace)) : -1;
  if (placeIndex === -1 && chosenPlace) placeIndex = places.findIndex((candidate) => candidate.stage === chosenPlace.stage);
  placeIndex = Math.max(0, placeIndex);
  const place = places[placeIndex];
  if (!place) return <p class="panel__intro">{strings.noStages}</p>;
  const placeName = formatPlaceName(journey, place);
  const cellCards = (lane: LaneId) => journey.cards.filter((card) => isInCell(card, place, lane));
  const personas = journey.personas.length > 1 ? journey.personas : [];

  const announce = (text: string) => setAnnouncement({ text, count: announcement.count + 1 });
  const changeCards = (cards: Card[]) => onChange({ ...journey, cards });
  const changeWithUndo = (before: Journey, after: Journey, offer: Omit<UndoOffer, 'before' | 'after'>) => {
    setUndo({ before, after, ...offer });
    // The offer is the announcement: an older message must not come back when the offer goes.
    setAnnouncement({ text: '', count: announcement.count + 1 });
    onChange(after);
  };
  const updateCard = (id: CardId, update: (card: Card) => Card) => changeCards(journey.cards.map((card) => (card.id === id ? update(card) : card)));

  const handleAdd = (lane: LaneId, after?: Card) => {
    const id = createEditorId(
      'card',
      journey.cards.map((card) => card.id),
    );
    // A card typed after another usually speaks for the same persona, as a list of one persona's pains does.
    const card: Card = { id, ...place, lane, text: '', ...(after?.persona ? { persona: after.persona } : {}) };
    setFreshCards(new Set(freshCards).add(id));
    focusRequest.current = { id: formatCardFieldId(id), selection: 'start' };
    changeCards(insertCard(journey.cards, card, after?.id));
  };
  const handleDelete = (card: Card) => {
    const cell = cellCards(card.lane);
    const index = cell.findIndex((candidate) => candidate.id === card.id);
    const neighbour = cell[index - 1] ?? cell[index + 1];
    focusRequest.current = neighbour ? { id: formatCardFieldId(neighbour.id), selection: 'end' } : { id: formatAddButtonId(card.lane) };
    const after = { ...journey, cards: journey.cards.filter((candidate) => candidate.id !== card.id) };
    if (pending?.card === card.id) setPending(undefined);
    // An empty card takes nothing with it (Backspace in a card just added, most often): no Undo to offer.
    if (!card.text.trim()) {
      announce(strings.deleted);
      onChange(after);
      return;
    }
    changeWithUndo(journey, after, { message: strings.deletedCard(quoteCardText(card.text)), place, focus: { id: formatCardFieldId(card.id), selection: 'end' } });
  };
  const handleUndo = () => {
    if (!undo || undo.after !== journey) return;
    setChosenPlace(undo.place);
    focusRequest.current = undo.focus;
    setUndo(undefined);
    onChange(undo.before);
  };
  /**
   * Pastes `text` into card `id` at `selection`, one card per line: the first
   * line at the caret (the card keeps its own text around it), the others as
   * new cards right after it, speaking for the same persona as Enter's do.
   */
  const pasteLines = (id: CardId, text: string, [start, end]: readonly [number, number]) => {
    const current = latestJourney.current;
    const card = current.cards.find((candidate) => candidate.id === id);
    const [first, ...rest] = splitPastedLines(text);
    if (!card || first === undefined) return;
    let cards = current.cards.map((candidate) => (candidate.id === id ? { ...candidate, text: `${card.text.slice(0, start)}${first}${card.text.slice(end)}`.slice(0, MAX_CARD_TEXT) } : candidate));
    const taken = new Set<string>(cards.map((candidate) => candidate.id));
    let previous = id;
    for (const line of rest) {
      const added = createEditorId('card', taken);
      taken.add(added);
      cards = insertCard(cards, { id: added, stage: card.stage, ...(card.step ? { step: card.step } : {}), lane: card.lane, text: line, ...(card.persona ? { persona: card.persona } : {}) }, previous);
      previous = added;
    }
    const after = { ...current, cards };
    const caret = start + first.length;
    if (rest.length === 0) {
      focusRequest.current = { id: formatCardFieldId(id), selection: [caret, caret] };
      onChange(after);
      return;
    }
    // Typing goes on in the last card pasted, as it would after typing the lines one by one.
    focusRequest.current = { id: formatCardFieldId(previous), selection: 'end' };
    changeWithUndo(current, after, { message: strings.pastedLines(rest.length + 1), place: { stage: card.stage, ...(card.step ? { step: card.step } : {}) }, focus: { id: formatCardFieldId(id), selection: [start, end] } });
  };
  const handleCardPaste = (card: Card) => (event: JSX.TargetedClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const field = event.currentTarget;
    const selection = [field.selectionStart, field.selectionEnd] as const;
    // Spreadsheets put tabs between the cells of a row, and an HTML table beside the text (a single column has no tab).
    if (text.includes('\t') || /<table[\s>]/i.test(event.clipboardData?.getData('text/html') ?? '')) {
      event.preventDefault();
      void parsePastedTableAsync(text).then(
        (rows) => {
          if (rows.length > 1 || (rows[0]?.length ?? 0) > 1) {
            // To the preview's Fill (Cancel when there is nothing to fill), also when a preview was already open.
            focusRequest.current = { id: TABLE_FILL_BUTTON_ID, fallbackId: TABLE_FILL_CANCEL_ID, revealId: TABLE_FILL_PREVIEW_ID };
            setPending({ card: card.id, rows, selection, persona: card.persona });
          } else pasteLines(card.id, rows[0]?.[0] ?? '', selection);
        },
        // The parser's chunk did not load (Miro offline): the text still goes in, as lines.
        () => pasteLines(card.id, text.replace(/\t+/g, ' '), selection),
      );
      return;
    }
    // One line pastes as usual, and the field's own undo still knows it.
    if (!/[\r\n]/.test(text)) return;
    event.preventDefault();
    pasteLines(card.id, text, selection);
  };
  const pendingCard = pending && journey.cards.find((card) => card.id === pending.card);
  const pendingPlan = pending && pendingCard ? planTableFill(journey, pending.rows, pendingCard) : undefined;
  const handleFill = () => {
    if (!pending || !pendingCard || !pendingPlan || pendingPlan.cards === 0) return;
    setPending(undefined);
    focusRequest.current = { id: formatCardFieldId(pendingCard.id), selection: 'end' };
    changeWithUndo(journey, applyTableFill(journey, pendingPlan, pendingCard, pending.persona), {
      message: strings.filled(pendingPlan.cards),
      place: { stage: pendingCard.stage, ...(pendingCard.step ? { step: pendingCard.step } : {}) },
      focus: { id: formatCardFieldId(pendingCard.id), selection: pending.selection },
    });
  };
  const handleCancelFill = () => {
    if (pending) focusRequest.current = { id: formatCardFieldId(pending.card), selection: pending.selection };
    setPending(undefined);
  };
  const handleMoveWithinCell = (card: Card, offset: -1 | 1, control: CardControl, selection?: FocusRequest['selection']) => {
    const cards = moveCardWithinCell(journey.cards, card.id, offset);
    if (!cards) return;
    const cell = cellCards(card.lane);
    const position = cell.findIndex((candidate) => candidate.id === card.id) + offset;
    focusRequest.current = { id: formatCardControlId(card.id, control), fallbackId: formatCardFieldId(card.id), ...(selection ? { selection } : {}) };
    announce(strings.movedToPosition(position + 1, cell.length));
    changeCards(cards);
  };
  const handleMoveToStage = (card: Card, offset: -1 | 1, control: CardControl, selection?: FocusRequest['selection']) => {
    const target = places[placeIndex + offset];
    if (!target) return;
    setChosenPlace(target);
    focusRequest.current = { id: formatCardControlId(card.id, control), fallbackId: formatCardFieldId(card.id), ...(selection ? { selection } : {}) };
    announce(strings.movedToStage(formatPlaceName(journey, target)));
    changeCards(moveCardToPlace(journey.cards, card.id, target));
  };
  const handleCardKeyDown = (card: Card) => (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const field = event.currentTarget;
    const selection = [field.selectionStart, field.selectionEnd] as const;
    if (!event.altKey && !event.shiftKey) {
      if (event.key === 'Enter') {
        event.preventDefault();
        handleAdd(card.lane, card);
      } else if (event.key === 'Backspace' && field.value === '') {
        event.preventDefault();
        handleDelete(card);
      }
      return;
    }
    if (!event.altKey || event.shiftKey) return;
    const moves: Record<string, () => void> = {
      ArrowUp: () => handleMoveWithinCell(card, -1, 'text', selection),
      ArrowDown: () => handleMoveWithinCell(card, 1, 'text', selection),
      ArrowLeft: () => handleMoveToStage(card, -1, 'text', selection),
      ArrowRight: () => handleMoveToStage(card, 1, 'text', selection),
    };
    const move = moves[event.key];
    if (!move) return;
    // Also at the edges: Alt+← would otherwise take the browser back a page.
    event.preventDefault();
    move();
  };
  const handleCardBlur = (card: Card) => {
    if (!freshCards.has(card.id)) return;
    const next = new Set(freshCards);
    next.delete(card.id);
    setFreshCards(next);
  };

  const shownUndo = undo && undo.after === journey ? undo : undefined;

  return (
    <div class="editor__fields">
      <p class="panel__intro">{strings.hint}</p>
      <div class="field">
        <label for="cells-stage" class="field__label">
          {stepped ? strings.place : strings.stage}
        </label>
        <select
          id="cells-stage"
          class="field__input"
          value={placeId(place)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setChosenPlace(places.find((candidate) => placeId(candidate) === value));
            setPending(undefined);
          }}
        >
          {/* A stage with steps is a group of its steps: the stage itself holds no cards. */}
          {journey.stages.map((candidate) => {
            const steps = listSteps(candidate);
            const name = candidate.name.trim() || '…';
            return steps.length === 0 ? (
              <option key={candidate.id} value={candidate.id}>
                {name}
              </option>
            ) : (
              <optgroup key={candidate.id} label={name}>
                {steps.map((step) => (
                  <option key={step.id} value={step.id}>
                    {step.name.trim() || '…'}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      </div>
      {journey.lanes.length === 0 && <p class="panel__intro">{strings.noLanes}</p>}
      {journey.lanes.map((lane) => {
        const laneTitle = lane.title.trim() || '…';
        const cards = cellCards(lane.id);
        const headingId = `cells-lane-${lane.id}`;
        return (
          <section key={lane.id} class="cells-lane" aria-labelledby={headingId}>
            <h3 id={headingId} class="cells-lane__title">
              {laneTitle}
            </h3>
            {cards.length === 0 ? (
              <p class="cells-lane__empty">{strings.emptyCell}</p>
            ) : (
              <ol class="cells-lane__cards">
                {cards.map((card, index) => (
                  <CardEditor
                    key={card.id}
                    card={card}
                    label={strings.cardLabel(index + 1, laneTitle, placeName)}
                    problem={(freshCards.has(card.id) || pending?.card === card.id) && !card.text.trim() ? undefined : findCardTextProblem(card.text, strings)}
                    isFirst={index === 0}
                    isLast={index === cards.length - 1}
                    hasPreviousStage={placeIndex > 0}
                    hasNextStage={placeIndex < places.length - 1}
                    stepped={stepped}
                    personas={personas}
                    strings={strings}
                    onText={(text) => updateCard(card.id, (current) => ({ ...current, text }))}
                    onPersona={(persona) => updateCard(card.id, (current) => setCardPersona(current, persona))}
                    onKeyDown={handleCardKeyDown(card)}
                    onPaste={handleCardPaste(card)}
                    onBlur={() => handleCardBlur(card)}
                    onMove={(offset) => handleMoveWithinCell(card, offset, offset < 0 ? 'up' : 'down')}
                    onMoveStage={(offset) => handleMoveToStage(card, offset, offset < 0 ? 'previous-stage' : 'next-stage')}
                    onDelete={() => handleDelete(card)}
                    extra={
                      lane.kind === 'opportunities' ? (
                        <PlanEditor journey={journey} card={card} locale={locale} onPlan={(next) => updateCard(card.id, () => next)} />
                      ) : SERVING_KINDS.has(lane.kind) ? (
                        <ServesEditor journey={journey} card={card} locale={locale} onServes={(next) => updateCard(card.id, () => next)} />
                      ) : undefined
                    }
                  />
                ))}
              </ol>
            )}
            {pending && pendingPlan && pendingCard && isInCell(pendingCard, place, lane.id) && (
              <TableFillPreview
                plan={pendingPlan}
                journey={journey}
                from={pendingCard}
                personas={personas}
                persona={pending.persona}
                strings={strings}
                onPersona={(persona) => setPending({ ...pending, persona })}
                onFill={handleFill}
                onCancel={handleCancelFill}
              />
            )}
            <button type="button" id={formatAddButtonId(lane.id)} class="button button--small cells-lane__add" onClick={() => handleAdd(lane.id)}>
              {strings.addCard}
              <span class="visually-hidden">{strings.addCardTo(laneTitle)}</span>
            </button>
          </section>
        );
      })}
      {/* Kept in view above the Back / Next bar while it offers Undo: the card may have been far up the list. */}
      <div role="status" aria-live="polite" class={shownUndo ? 'editor__toast' : 'visually-hidden'}>
        {shownUndo ? (
          // Keyed like the announcements: a second offer with the same words is announced too.
          <p key={announcement.count} class="editor__undo">
            {shownUndo.message}{' '}
            <button type="button" class="button--link" onClick={handleUndo}>
              {EDITOR_STRINGS[locale].undo}
            </button>
          </p>
        ) : (
          // A new node each time, so the same message twice in a row is announced twice.
          announcement.text && <span key={announcement.count}>{announcement.text}</span>
        )}
      </div>
    </div>
  );
}

/** One card: its text, whom it speaks for, and buttons to move and delete it. */
function CardEditor({
  card,
  label,
  problem,
  isFirst,
  isLast,
  hasPreviousStage,
  hasNextStage,
  stepped,
  personas,
  strings,
  onText,
  onPersona,
  onKeyDown,
  onPaste,
  onBlur,
  onMove,
  onMoveStage,
  onDelete,
  extra,
}: {
  card: Card;
  label: string;
  problem: string | undefined;
  isFirst: boolean;
  isLast: boolean;
  hasPreviousStage: boolean;
  hasNextStage: boolean;
  /** Whether the map has steps: the move buttons then go to the previous or next stage or step. */
  stepped: boolean;
  /** Empty when the journey has one persona: then there is nobody else to speak for. */
  personas: readonly Persona[];
  strings: CellsStrings;
  onText: (text: string) => void;
  onPersona: (persona: PersonaId | undefined) => void;
  onKeyDown: (event: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => void;
  onPaste: (event: JSX.TargetedClipboardEvent<HTMLTextAreaElement>) => void;
  onBlur: () => void;
  onMove: (offset: -1 | 1) => void;
  onMoveStage: (offset: -1 | 1) => void;
  onDelete: () => void;
  /** What else the card holds: an opportunity's plan. */
  extra?: ComponentChildren;
}) {
  const fieldId = formatCardFieldId(card.id);
  const labelId = `${fieldId}-label`;
  const problemId = `${fieldId}-problem`;
  const personaId = `${fieldId}-persona`;
  const buttons: { control: CardControl | 'delete'; icon: string; name: string; disabled: boolean; onClick: () => void }[] = [
    { control: 'up', icon: '↑', name: strings.moveUp, disabled: isFirst, onClick: () => onMove(-1) },
    { control: 'down', icon: '↓', name: strings.moveDown, disabled: isLast, onClick: () => onMove(1) },
    { control: 'previous-stage', icon: '←', name: stepped ? strings.movePreviousPlace : strings.movePreviousStage, disabled: !hasPreviousStage, onClick: () => onMoveStage(-1) },
    { control: 'next-stage', icon: '→', name: stepped ? strings.moveNextPlace : strings.moveNextStage, disabled: !hasNextStage, onClick: () => onMoveStage(1) },
    { control: 'delete', icon: '✕', name: strings.deleteCard, disabled: false, onClick: onDelete },
  ];
  return (
    <li class="cells-card">
      {/* The group names the card's buttons and select for screen readers: "Delete card" in "Card 2 in Touchpoints". */}
      <div role="group" aria-labelledby={labelId} class="cells-card__group">
        <label id={labelId} for={fieldId} class="visually-hidden">
          {label}
        </label>
        <textarea
          id={fieldId}
          class="field__input cells-card__text"
          rows={2}
          value={card.text}
          maxLength={MAX_CARD_TEXT}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          aria-keyshortcuts="Enter Backspace Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
          onInput={(event) => onText(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={onBlur}
        />
        {problem && (
          <span id={problemId} class="field__error">
            {problem}
          </span>
        )}
        <div class="cells-card__tools">
          {personas.length > 0 && (
            <PersonaSelect id={personaId} personas={personas} value={card.persona} onChange={onPersona} strings={strings} />
          )}
          <span class="cells-card__buttons">
            {buttons.map((button) => (
              <IconButton
                key={button.control}
                id={button.control === 'delete' ? undefined : formatCardControlId(card.id, button.control)}
                label={button.name}
                disabled={button.disabled}
                onClick={button.onClick}
              >
                {button.icon}
              </IconButton>
            ))}
          </span>
        </div>
        {extra}
      </div>
    </li>
  );
}
