import { placeId, type Card, type Journey, type Persona, type PersonaId } from '../../src/model/journey';
import { formatPlaceName } from './format-place-name';
import type { CellsStrings } from './cells-strings';
import { PersonaSelect } from './persona-select';
import type { TableFillPlan } from './plan-table-fill';

/** Id of the preview's Fill button, which takes focus when the preview opens (Cancel does when there is nothing to fill). */
export const TABLE_FILL_BUTTON_ID = 'cells-fill';
/** Id of the preview's Cancel button. */
export const TABLE_FILL_CANCEL_ID = 'cells-fill-cancel';
/** Id of the whole preview, to bring into view as it opens. */
export const TABLE_FILL_PREVIEW_ID = 'cells-fill-preview';

/**
 * What a table pasted into card `from` will fill, before anything changes:
 * how the cells are placed (by the names in the first row and column, or
 * from the card's stage and lane on), how many cards go into how many cells,
 * which cells already have cards (kept, the new ones go after them), what is
 * left out for want of a stage or lane, and a table of new cards per cell.
 * Fill applies it; Cancel or Escape drops it.
 */
export function TableFillPreview({
  plan,
  journey,
  from,
  personas,
  persona,
  strings,
  onPersona,
  onFill,
  onCancel,
}: {
  plan: TableFillPlan;
  journey: Journey;
  from: Card;
  /** Empty when the journey has one persona. */
  personas: readonly Persona[];
  persona: PersonaId | undefined;
  strings: CellsStrings;
  onPersona: (persona: PersonaId | undefined) => void;
  onFill: () => void;
  onCancel: () => void;
}) {

  const laneTitles = new Map<string, string>(journey.lanes.map((lane) => [lane.id, lane.title.trim() || '…']));
  const counts = new Map(plan.cells.map((cell) => [`${placeId(cell)}\n${cell.lane}`, cell.texts.length]));
  return (
    <div
      id={TABLE_FILL_PREVIEW_ID}
      role="group"
      aria-labelledby="cells-fill-title"
      class="cells-fill"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <h4 id="cells-fill-title" class="cells-fill__title">
        {strings.pasteTitle}
      </h4>
      <div id="cells-fill-summary" class="cells-fill__summary">
        <p>
          {strings.pasteSize(plan.size.columns, plan.size.rows)} {plan.stageHeaders ? strings.pasteByStageName : strings.pasteFromStage(formatPlaceName(journey, from))}{' '}
          {plan.laneHeaders ? strings.pasteByLaneName : strings.pasteFromLane(laneTitles.get(from.lane) ?? '…')}
        </p>
        <p>
          {plan.cards > 0 ? strings.pasteCards(plan.cards, plan.cells.length) : strings.pasteNothing}
          {plan.cellsWithCards > 0 && ` ${strings.pasteCellsWithCards(plan.cellsWithCards)}`}
        </p>
        {plan.cutColumns.count > 0 && <p class="panel__warning">{strings.pasteColumnsCut(plan.cutColumns.count, plan.cutColumns.cards)}</p>}
        {plan.cutRows.count > 0 && <p class="panel__warning">{strings.pasteRowsCut(plan.cutRows.count, plan.cutRows.cards)}</p>}
      </div>
      {plan.cards > 0 && (
        <div class="cells-fill__grid">
          <table class="cells-fill__table">
            <caption class="visually-hidden">{strings.pasteTableCaption}</caption>
            <thead>
              <tr>
                <td />
                {plan.places.map((place) => (
                  <th key={placeId(place)} scope="col">
                    {formatPlaceName(journey, place)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {plan.lanes.map((lane) => (
                <tr key={lane}>
                  <th scope="row">{laneTitles.get(lane)}</th>
                  {plan.places.map((place) => {
                    const count = counts.get(`${placeId(place)}\n${lane}`);
                    return <td key={placeId(place)}>{count ? `+${count}` : ''}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {personas.length > 0 && plan.cards > 0 && (
        <PersonaSelect id="cells-fill-persona" personas={personas} value={persona} onChange={onPersona} strings={strings} />
      )}
      <div class="editor__row">
        <button type="button" class="button button--small button--primary" id={TABLE_FILL_BUTTON_ID} disabled={plan.cards === 0} aria-describedby="cells-fill-summary" onClick={onFill}>
          {strings.fill}
        </button>
        <button type="button" class="button button--small" id={TABLE_FILL_CANCEL_ID} onClick={onCancel}>
          {strings.cancelFill}
        </button>
      </div>
    </div>
  );
}
