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
    (key ??= board
      .getUserInfo()
      .then((user) => `draft-${String(user.id)}`)
      // Without the user's id (an older SDK) the board keeps one draft.
      .catch(() => 'draft'));
  return {
    loadAsync: async () => (await store.loadAsync(await findKeyAsync()))?.journey,
    saveAsync: async (draft) => store.saveAsync(await findKeyAsync(), { journey: draft ?? null, complete: true }),
  };
}
