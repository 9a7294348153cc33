import { describe, expect, it } from 'vitest';
import { linkKey, parseSceneKey } from '../../src/layout/scene-keys';
import { importJourneyCsv } from '../../src/model/formats/journey-csv';
import type { Journey } from '../../src/model/journey';
import { createTemplates } from '../../src/model/templates/templates-en';
import { createFigjamDriver } from './figjam/figjam-board-driver';
import { createMiroDriver } from './miro/miro-board-driver';
import { loadStoredAsync, MAP_ID, regenerateAsync, type BoardDriver } from '../sync/regenerate-properties';

// Links between cards on the board, as people make and unmake them: a
// connector drawn from a pain to an opportunity is a link; deleting the
// map's connector unlinks; a connector between two other cards stays the
// person's drawing. On both hosts, each followed by a Regenerate that writes
// nothing.
const CSV = [
  'Stage,Lane,Text,Addresses,Impact,Effort,Owner',
  'Order,Pains,Form has 14 fields,,,,',
  'Order,Pains,Address asked twice,,,,',
  'Order,Actions,Fills in the form,,,,',
  'Order,Opportunities,One-page checkout,Form has 14 fields,5,3,Olga',
  'Order,Opportunities,Address autocomplete,,4,1,Ivan',
].join('\n');

function importJourney(): Journey {
  const imported = importJourneyCsv(CSV);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.value;
}

const hosts: [string, () => BoardDriver][] = [
  ['FigJam', createFigjamDriver],
  ['Miro', createMiroDriver],
];

describe.each(hosts)('links between cards on %s', (_host, createDriver) => {
  const setUpAsync = async (journey = importJourney()) => {
    const driver = createDriver();
    await driver.insertAsync(journey);
    const sticky = (text: string) => {
      const item = driver.listItems().find((candidate) => candidate.mapId === MAP_ID && candidate.sticky && candidate.text === text);
      if (!item) throw new Error(`no sticky "${text}"`);
      return item;
    };
    const links = () => driver.listItems().filter((item) => item.mapId === MAP_ID && parseSceneKey(item.key ?? '')?.kind === 'link');
    const storedAsync = async () => (await loadStoredAsync(driver.createHost(), MAP_ID))?.journey as Journey;
    const card = async (text: string) => (await storedAsync()).cards.find((candidate) => candidate.text === text);
    const expectQuietAsync = async () => {
      driver.clearWrites();
      await regenerateAsync(driver);
      expect(driver.countWrites(), 'writes of a second Regenerate').toBe(0);
    };
    return { driver, sticky, links, card, storedAsync, expectQuietAsync };
  };

  it('draws each link of the journey as one connector between the two stickies', async () => {
    const { sticky, links, card } = await setUpAsync();
    const [opportunity, pain] = [await card('One-page checkout'), await card('Form has 14 fields')];
    expect(links().map((item) => item.key)).toEqual([linkKey(opportunity!.id, pain!.id)]);
    const ends = links()[0]?.ends;
    expect([ends?.start, ends?.end].sort()).toEqual([sticky('One-page checkout').id, sticky('Form has 14 fields').id].sort());
  });

  it('takes a connector a person draws from a pain to an opportunity as a link, in either direction, and makes it the map\'s', async () => {
    const { driver, sticky, links, card, expectQuietAsync } = await setUpAsync();
    if (!driver.connect) throw new Error('the driver draws no connectors');
    const drawn = driver.connect(sticky('Address asked twice').id, sticky('Address autocomplete').id);
    const result = await regenerateAsync(driver);
    expect(result.report.failed).toEqual([]);
    const [opportunity, pain] = [await card('Address autocomplete'), await card('Address asked twice')];
    expect(opportunity?.plan).toEqual({ addresses: [pain?.id], impact: 4, effort: 1, owner: 'Ivan' });
    // The person's connector is the link's now: no second one is drawn.
    const link = links().find((item) => item.key === linkKey(opportunity!.id, pain!.id));
    expect(link?.id).toBe(drawn);
    expect(links()).toHaveLength(2);
    await expectQuietAsync();

    // Drawn the other way round, from the opportunity to a pain: the same kind of link.
    driver.connect(sticky('One-page checkout').id, sticky('Address asked twice').id);
    await regenerateAsync(driver);
    expect((await card('One-page checkout'))?.plan?.addresses).toEqual([(await card('Form has 14 fields'))?.id, pain?.id]);
    await expectQuietAsync();
  });

  it('unlinks the cards when a person deletes the map\'s connector, and keeps both cards', async () => {
    const { driver, links, card, storedAsync, expectQuietAsync } = await setUpAsync();
    const [link] = links();
    if (!link) throw new Error('no link drawn');
    driver.remove(link.id);
    const result = await regenerateAsync(driver);
    expect(result.report.failed).toEqual([]);
    expect(await card('One-page checkout')).toMatchObject({ plan: { impact: 5, effort: 3, owner: 'Olga' } });
    expect((await card('One-page checkout'))?.plan?.addresses).toBeUndefined();
    expect((await storedAsync()).cards).toHaveLength(5);
    // Not drawn again: the person removed it.
    expect(links()).toEqual([]);
    await expectQuietAsync();
  });

  it('leaves a connector between two cards that cannot be linked as the person drew it', async () => {
    const { driver, sticky, links, card, expectQuietAsync } = await setUpAsync();
    if (!driver.connect) throw new Error('the driver draws no connectors');
    const drawn = driver.connect(sticky('Fills in the form').id, sticky('Form has 14 fields').id);
    await regenerateAsync(driver);
    const connector = driver.listItems().find((item) => item.id === drawn);
    expect(connector?.mapId).toBeUndefined();
    expect(links()).toHaveLength(1);
    expect((await card('Fills in the form'))?.serves).toBeUndefined();
    await expectQuietAsync();
  });

  it('on a service blueprint, links a backstage card to the frontstage contact it serves, from a connector a person draws', async () => {
    const blueprint = createTemplates().find((template) => template.id === 'service-blueprint')!.journey;
    const { driver, sticky, links, card, expectQuietAsync } = await setUpAsync(blueprint);
    const before = links().length;
    expect(before).toBeGreaterThan(0);
    // The foreman's check stands behind the adviser's progress photo already; the mechanic's work does too, once connected.
    if (!driver.connect) throw new Error('the driver draws no connectors');
    driver.connect(sticky('Adviser sends a progress photo').id, sticky('Mechanic replaces the parts').id);
    await regenerateAsync(driver);
    expect((await card('Mechanic replaces the parts'))?.serves).toEqual([(await card('Adviser sends a progress photo'))?.id]);
    expect(links()).toHaveLength(before + 1);
    await expectQuietAsync();
  });
});
