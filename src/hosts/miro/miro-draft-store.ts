import type { Board } from '@mirohq/websdk-types';
import type { JourneyDraft } from '../../model/journey-draft';
import { createMiroJourneyStore } from './miro-journey-store';

/** The storage collection of the panel's drafts, one per person on the board. */
export const DRAFT_COLLECTION = 'cjm-drafts';

/** Keeps the panel editor's draft in `miro.board.storage` (item metadata holds only a few hundred bytes). */
export interface MiroDraftStore {
  /** The draft as stored (the panel validates it), or undefined. */
  loadAsync(): Promise<unknown>;
  /** Stores the draft; undefined forgets it. */
  saveAsync(draft: JourneyDraft | undefined): Promise<void>;
}

/**
 * A draft store on `board`. Each person on the board has a draft of their
 * own, keyed by their user id (`board.getUserInfo()`); drafts are split
 * into parts like stored journeys, so a large journey fits.
 */
export function createMiroDraftStore(board: Board): MiroDraftStore {
  const store = createMiroJourneyStore(board.storage, { callAsync: (call) => call(), concurrency: 4, collectionName: DRAFT_COLLECTION });
  let key: Promise<string> | undefined;
  const findKeyAsync = () =>
    (key ??= Promise.resolve()
      // https://developers.miro.com/changelog/2024-04-16: getUserInfo() answers { id, name, email }.
      .then(() => board.getUserInfo())
      .then((user) => `draft-${String(user.id)}`)
      // Without the person's id the board keeps one draft for everyone.
      .catch(() => 'draft'));
  // Saves run one after another and a save waiting behind another is
  // replaced by a newer one: a large draft is written in parts, and two
  // writes at once could leave the older draft's head pointing at parts the
  // newer one removed.
  let writing: Promise<void> = Promise.resolve();
  let waiting: { draft: JourneyDraft | undefined } | undefined;
  const saveAsync = (draft: JourneyDraft | undefined): Promise<void> => {
    const alreadyQueued = waiting !== undefined;
    waiting = { draft };
    if (alreadyQueued) return writing;
    writing = writing
      .catch(() => undefined)
      .then(async () => {
        const next = waiting;
        waiting = undefined;
        if (next) await store.saveAsync(await findKeyAsync(), { journey: next.draft ?? null, complete: true });
      });
    return writing;
  };
  return {
    loadAsync: async () => (await store.loadAsync(await findKeyAsync()))?.journey,
    saveAsync,
  };
}
