import type { Journey } from '../src/model/journey';
import type { JourneyDraft } from '../src/model/journey-draft';
import type { ApplyProgress, ApplyReport } from '../src/sync/host-port';
import type { RegenerateOutcome } from '../src/sync/regenerate-map';

/**
 * What the panel asks of its host. FigJam implements it with messages to
 * the main thread; Miro calls the core and its adapter directly.
 */
export interface PanelController {
  /** Language of the host, e.g. `en-US`, when the host tells it. */
  hostLocale?: string;
  /** Draws the default template as a new map; failures per item are in the report. */
  insertTemplateAsync(onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /** Draws what is still missing of the map inserted last, without duplicates. */
  finishMapAsync(onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /**
   * Regenerates the selected map (or the only one): keeps the board's edits
   * and re-lays the map out. Rejects with a message when there is no map to
   * choose or its journey cannot be read.
   */
  regenerateAsync(onProgress: (progress: ApplyProgress) => void): Promise<{ report: ApplyReport; outcome: RegenerateOutcome }>;
  /** Draws `journey` (an imported file) as a new map. */
  insertJourneyAsync(journey: Journey, onProgress: (progress: ApplyProgress) => void): Promise<ApplyReport>;
  /** The journey of the selected map (or the only one); rejects with a message for people. */
  loadMapJourneyAsync(): Promise<{ mapId: string; journey: Journey }>;
  /**
   * Updates map `mapId` to `journey` (edited in the panel from `base`, the
   * journey as the panel loaded it), keeping the board's edits. Resolves
   * with the journey now drawn: the panel's and the board's edits together.
   */
  updateMapAsync(
    mapId: string,
    journey: Journey,
    onProgress: (progress: ApplyProgress) => void,
    base?: Journey,
  ): Promise<{ report: ApplyReport; outcome: RegenerateOutcome; journey?: Journey }>;
  /** The map of `journey` as an SVG picture, at most `maxWidth` pixels wide. */
  renderSvgAsync(journey: Journey, maxWidth?: number): Promise<string>;
  /** Selects and zooms to the items of map `mapId` that show `keys` ("show on board"). */
  showOnBoardAsync(mapId: string, keys: readonly string[]): Promise<void>;
  /**
   * What the panel opens with: the editor's saved draft (validated; absent
   * when none or damaged) and the journey of the map selected on the board
   * (absent when no map is selected). Never rejects for a missing draft.
   */
  openAsync(): Promise<{ draft?: JourneyDraft; selected?: { mapId: string; journey: Journey } }>;
  /** Keeps the editor's draft (FigJam: clientStorage; Miro: board storage); `undefined` forgets it. */
  saveDraftAsync(draft: JourneyDraft | undefined): Promise<void>;
}
