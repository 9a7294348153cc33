import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS, MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { intersects } from '../boxes';

describe('evidence markers', () => {
  it.each([
    ['FigJam', FIGJAM_METRICS],
    ['Miro', MIRO_METRICS],
  ])('%s: a card with evidence gets a marker in the gap under its sticky, in the map’s language', (_host, metrics) => {
    const journey = createOnlineStoreJourney();
    journey.cards[0]!.evidence = 'interview';
    journey.cards[1]!.evidence = 'assumption';
    const scene = layoutJourney(journey, { metrics });
    const sticky = scene.nodes.find((node) => node.key === journey.cards[0]!.id)!;
    const marker = scene.nodes.find((node) => node.key === `evidence:${journey.cards[0]!.id.slice(5)}`);
    expect(marker).toMatchObject({ type: 'text', text: '🎤 interview', style: 'evidence', x: sticky.x, y: sticky.y + sticky.height + 2 });
    // Within the gap: no sticky below it is touched.
    for (const other of scene.nodes.filter((node) => node.type === 'sticky')) {
      expect(intersects(marker!, other), other.key).toBe(false);
    }
    expect(scene.nodes.filter((node) => node.key.startsWith('evidence:'))).toHaveLength(2);
    journey.locale = 'ru';
    expect(layoutJourney(journey, { metrics }).nodes.find((node) => node.key.startsWith('evidence:'))).toMatchObject({ text: '🎤 интервью' });
  });

  it('draws nothing for cards without evidence: the template is unchanged', () => {
    expect(layoutJourney(createOnlineStoreJourney(), { metrics: FIGJAM_METRICS }).nodes.some((node) => node.key.startsWith('evidence:'))).toBe(false);
  });
});
