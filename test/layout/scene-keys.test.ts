import { describe, expect, it } from 'vitest';
import {
  cardKey,
  emotionLineKey,
  emotionNoteKey,
  findKeysOfPlace,
  emotionPointKey,
  emotionScaleKey,
  legendKey,
  laneLabelKey,
  laneRowKey,
  MAP_KEY,
  parseSceneKey,
  personaCardKey,
  stageHeaderKey,
  SUBTITLE_KEY,
  TITLE_KEY,
} from '../../src/layout/scene-keys';

describe('scene keys', () => {
  it.each([
    [MAP_KEY, 'map', { kind: 'map' }],
    [TITLE_KEY, 'title', { kind: 'title' }],
    [SUBTITLE_KEY, 'subtitle', { kind: 'subtitle' }],
    [personaCardKey('persona:anna'), 'persona:anna', { kind: 'persona', persona: 'persona:anna' }],
    [stageHeaderKey('stage:order'), 'stage:order', { kind: 'stage', stage: 'stage:order' }],
    [laneLabelKey('lane:pains'), 'lane:pains', { kind: 'lane', lane: 'lane:pains' }],
    [laneRowKey('lane:pains'), 'row:pains', { kind: 'row', lane: 'lane:pains' }],
    [cardKey('card:a-1.b_2'), 'card:a-1.b_2', { kind: 'card', card: 'card:a-1.b_2' }],
    [emotionPointKey('persona:anna', 'stage:order'), 'emotion:anna:order', { kind: 'emotion', persona: 'persona:anna', stage: 'stage:order', line: 'as-is' }],
    [emotionNoteKey('persona:anna', 'stage:order'), 'emotion-note:anna:order', { kind: 'emotion-note', persona: 'persona:anna', stage: 'stage:order', line: 'as-is' }],
    [emotionLineKey('persona:anna'), 'emotion-line:anna', { kind: 'emotion-line', persona: 'persona:anna', line: 'as-is' }],
    [emotionPointKey('persona:anna', 'stage:order', 'to-be'), 'emotion:anna:order:to-be', { kind: 'emotion', persona: 'persona:anna', stage: 'stage:order', line: 'to-be' }],
    [
      emotionNoteKey('persona:anna', 'stage:order', 'to-be'),
      'emotion-note:anna:order:to-be',
      { kind: 'emotion-note', persona: 'persona:anna', stage: 'stage:order', line: 'to-be' },
    ],
    [emotionLineKey('persona:anna', 'to-be'), 'emotion-line:anna:to-be', { kind: 'emotion-line', persona: 'persona:anna', line: 'to-be' }],
    [legendKey('persona:anna'), 'legend:anna', { kind: 'legend', persona: 'persona:anna' }],
    [emotionScaleKey(-2), 'emotion-scale:-2', { kind: 'emotion-scale', score: -2 }],
    [emotionScaleKey(2), 'emotion-scale:2', { kind: 'emotion-scale', score: 2 }],
  ])('builds %s and parses it back', (key, expectedKey, info) => {
    expect(key).toBe(expectedKey);
    expect(parseSceneKey(key)).toEqual(info);
  });

  it.each([
    '',
    'Map',
    'map:x',
    'card:',
    'card:a:b',
    'card:-a',
    'card:a b',
    `card:${'a'.repeat(65)}`,
    'stage',
    'emotion:anna',
    'emotion:anna:order:x',
    'emotion-scale:10',
    'emotion-scale:+1',
    'widget:1',
    ' title',
  ])('does not claim %j', (key) => {
    expect(parseSceneKey(key)).toBeUndefined();
  });

  it('accepts the longest local id the schema allows', () => {
    const id = `card:${'a'.repeat(64)}` as const;
    expect(parseSceneKey(cardKey(id))).toEqual({ kind: 'card', card: id });
  });
});

describe('findKeysOfPlace', () => {
  const journey = { cards: [{ id: 'card:a' as const, stage: 'stage:s1' as const }, { id: 'card:b' as const, stage: 'stage:s2' as const }] };
  it('names the items that show a card, an emotion point, a stage, a lane or a persona', () => {
    expect(findKeysOfPlace(journey, { card: 'card:b', stage: 'stage:s2' })).toEqual(['card:b']);
    expect(findKeysOfPlace(journey, { stage: 'stage:s1', persona: 'persona:p1' })).toEqual(['emotion:p1:s1', 'stage:s1']);
    expect(findKeysOfPlace(journey, { stage: 'stage:s1' })).toEqual(['stage:s1', 'card:a']);
    expect(findKeysOfPlace(journey, { lane: 'lane:pains' })).toEqual(['lane:pains', 'row:pains']);
    expect(findKeysOfPlace(journey, { persona: 'persona:p1' })).toEqual(['persona:p1']);
    expect(findKeysOfPlace(journey, {})).toEqual([]);
  });
});
