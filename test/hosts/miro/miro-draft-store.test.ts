import { describe, expect, it } from 'vitest';
import { createMiroDraftStore } from '../../../src/hosts/miro/miro-draft-store';
import type { JourneyDraft } from '../../../src/model/journey-draft';
import { parseJourneyDraft } from '../../../src/model/journey-draft';
import { createOnlineStoreJourney } from '../../../src/model/templates/online-store-template';
import { FakeMiroBoard } from '../../../src/simulator/fake-miro-board';

const draftTitled = (title: string, step = 2): JourneyDraft => ({ journey: { ...createOnlineStoreJourney(), title }, step, savedAt: 1 });

describe('the Miro draft store', () => {
  it('keeps the latest of drafts saved in quick succession, writing them one after another and skipping those overtaken', async () => {
    const fake = new FakeMiroBoard({ latencyMs: 5 });
    const store = createMiroDraftStore(fake.asBoard());
    const saves = [store.saveAsync(draftTitled('one')), store.saveAsync(draftTitled('two')), store.saveAsync(draftTitled('three'))];
    await Promise.all(saves);
    const loaded = parseJourneyDraft(await createMiroDraftStore(fake.asBoard()).loadAsync());
    expect(loaded.ok && loaded.value.journey.title).toBe('three');
    // All three came before the first write began: only the latest is written.
    expect(fake.calls.filter((call) => call.method === 'storage.set')).toHaveLength(1);
    // One more save while that write runs waits for it, then writes.
    const running = store.saveAsync(draftTitled('four'));
    const queued = store.saveAsync(draftTitled('five'));
    await Promise.all([running, queued]);
    const latest = parseJourneyDraft(await store.loadAsync());
    expect(latest.ok && latest.value.journey.title).toBe('five');
  });

  it('stores a draft too large for one storage value in parts, keeps an empty title as typed, and forgets it on request', async () => {
    const fake = new FakeMiroBoard({ storageValueLimitBytes: 16_000 });
    const store = createMiroDraftStore(fake.asBoard());
    // With the journey the editor started from, the draft is over 16 kB.
    const draft: JourneyDraft = { ...draftTitled('', 4), base: createOnlineStoreJourney() };
    await store.saveAsync(draft);
    expect(fake.calls.filter((call) => call.method === 'storage.set').length).toBeGreaterThan(2);
    const loaded = parseJourneyDraft(await createMiroDraftStore(fake.asBoard()).loadAsync());
    expect(loaded.ok && loaded.value).toEqual(draft);
    await store.saveAsync(undefined);
    expect(await createMiroDraftStore(fake.asBoard()).loadAsync()).toBeNull();
  });
});
