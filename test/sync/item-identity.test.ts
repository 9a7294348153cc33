import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { hashContent } from '../../src/sync/content-hash';
import { hashSceneNode } from '../../src/sync/diff-scene';
import { createMapId, decodeItemIdentity, encodeItemIdentity, type ItemIdentity } from '../../src/sync/item-identity';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { createTemplates } from '../../src/model/templates/templates-en';
import { journeyArbitrary, PROPERTY_SEED } from '../layout/journey-arbitrary';
import { createSeededRandom } from '../seeded-random';


const IDENTITY: ItemIdentity = { map: 'map-k2v9x4', key: 'card:actions-need-1', hash: '0a1b2c3d' };

describe('createMapId', () => {
  it('makes "map-" and ten base-36 digits from the random source', () => {
    const id = createMapId(createSeededRandom(7));
    expect(id).toMatch(/^map-[0-9a-z]{10}$/);
    expect(createMapId(createSeededRandom(7))).toBe(id);
    expect(createMapId(createSeededRandom(8))).not.toBe(id);
  });

  it('covers the whole alphabet at the ends of [0, 1)', () => {
    expect(createMapId(() => 0)).toBe('map-0000000000');
    expect(createMapId(() => 0.999999)).toBe('map-zzzzzzzzzz');
  });

  it('makes ids that identities accept', () => {
    const random = createSeededRandom(20261123);
    const ids = Array.from({ length: 200 }, () => createMapId(random));
    expect(new Set(ids).size).toBe(ids.length);
    for (const map of ids) expect(decodeItemIdentity(encodeItemIdentity({ ...IDENTITY, map }))).toEqual({ ...IDENTITY, map });
  });
});

describe('item identity', () => {
  it('round-trips through the stored string and through the parsed object', () => {
    const stored = encodeItemIdentity(IDENTITY);
    expect(decodeItemIdentity(stored)).toEqual(IDENTITY);
    expect(decodeItemIdentity(JSON.parse(stored))).toEqual(IDENTITY);
  });

  it('stays small enough for host metadata', () => {
    const longest: ItemIdentity = { map: `map-${'a'.repeat(40)}`, key: `emotion-note:${'p'.repeat(64)}:${'s'.repeat(64)}:to-be`, hash: 'ffffffff' };
    expect(decodeItemIdentity(encodeItemIdentity(longest))).toEqual(longest);
    // Miro keeps at most 256 bytes of metadata per item and app.
    expect(new TextEncoder().encode(encodeItemIdentity(longest)).length).toBeLessThan(256);
  });

  it('round-trips the identity of every item of every built-in template, to-be points and notes too', () => {
    for (const template of createTemplates()) {
      for (const node of layoutJourney(template.journey, { metrics: FIGJAM_METRICS }).nodes) {
        const identity = { map: 'map-templates1', key: node.key, hash: hashSceneNode(node) };
        expect(decodeItemIdentity(encodeItemIdentity(identity)), `${template.id}: ${node.key}`).toEqual(identity);
      }
    }
  });

  it('round-trips the identity of every node of generated scenes', () => {
    fc.assert(
      fc.property(journeyArbitrary({ maxEmotionLanes: 1 }), (journey) => {
        const map = createMapId(createSeededRandom(journey.cards.length));
        for (const node of layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes) {
          const identity = { map, key: node.key, hash: hashSceneNode(node) };
          const decoded = decodeItemIdentity(encodeItemIdentity(identity));
          if (JSON.stringify(decoded) !== JSON.stringify(identity)) throw new Error(`${node.key} does not round-trip: ${JSON.stringify(decoded)}`);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('accepts the keys of the template scene', () => {
    for (const node of layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS }).nodes) {
      expect(decodeItemIdentity({ m: 'map-abc', k: node.key, h: hashSceneNode(node) })?.key).toBe(node.key);
    }
  });

  const stored = (fields: Record<string, unknown>) => JSON.stringify({ m: IDENTITY.map, k: IDENTITY.key, h: IDENTITY.hash, ...fields });

  it.each([
    ['an empty string', ''],
    ['text that is not JSON', 'cjm'],
    ['JSON null', 'null'],
    ['a JSON number', '42'],
    ['a JSON list', '["map-a","card:x","0a1b2c3d"]'],
    ['an empty object', '{}'],
    ['the long field names', JSON.stringify(IDENTITY)],
    ['a map id without the prefix', stored({ m: 'k2v9x4' })],
    ['a map id of another app', stored({ m: 'board-k2v9x4' })],
    ['an empty map id', stored({ m: 'map-' })],
    ['a map id with a space', stored({ m: 'map-a b' })],
    ['a map id over 40 characters', stored({ m: `map-${'a'.repeat(41)}` })],
    ['a numeric map id', stored({ m: 12 })],
    ['an empty key', stored({ k: '' })],
    ['a key with a capital kind', stored({ k: 'Card:x' })],
    ['a key with three ids', stored({ k: 'emotion:a:b:c' })],
    ['a key with a space', stored({ k: 'card:a b' })],
    ['a hash of 7 digits', stored({ h: '0a1b2c3' })],
    ['an upper-case hash', stored({ h: '0A1B2C3D' })],
    ['a missing hash', stored({ h: undefined })],
  ])('rejects %s', (_, text) => {
    expect(decodeItemIdentity(text)).toBeUndefined();
  });

  it.each([[undefined], [null], [42], [true], [[]], [{ m: 'map-a', k: 'card:x' }]])('rejects the stored value %j', (value) => {
    expect(decodeItemIdentity(value)).toBeUndefined();
  });

  it('never throws, whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (value) => {
        const decoded = decodeItemIdentity(value);
        if (decoded !== undefined) expect(decodeItemIdentity(encodeItemIdentity(decoded))).toEqual(decoded);
      }),
      { seed: PROPERTY_SEED, numRuns: 1000 },
    );
  });
});

describe('hashContent', () => {
  it.each([
    ['', '811c9dc5'],
    ['a', 'e40c292c'],
    ['foobar', 'bf9cf968'],
  ])('matches FNV-1a for %j', (text, hash) => {
    expect(hashContent(text)).toBe(hash);
  });

  it('tells apart texts that differ in one character, including non-Latin ones', () => {
    expect(hashContent('Заказ')).not.toBe(hashContent('Заказы'));
    expect(hashContent('😫')).not.toBe(hashContent('😄'));
    expect(hashContent('Заказ')).toMatch(/^[0-9a-f]{8}$/);
  });
});
