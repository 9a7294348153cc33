import { describe, expect, it } from 'vitest';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { readFigjamBoard } from '../../src/simulator/read-figjam-board';
import { encodeItemIdentity, IDENTITY_FIELD } from '../../src/sync/item-identity';

// Connectors in the FigJam fake: the documented rules of createConnector,
// ConnectorNode and ConnectorEndpoint, and what a person does to them.

/** A section at (1000, 500) holding sticky `a` at (0, 0) and sticky `b` at (400, 300), both 240 × 240. */
function setUp() {
  const fake = createFakeFigma();
  const { api } = fake;
  const section = api.createSection();
  section.x = 1000;
  section.y = 500;
  section.resizeWithoutConstraints(1200, 800);
  const a = api.createSticky();
  const b = api.createSticky();
  section.appendChild(a);
  section.appendChild(b);
  b.x = 400;
  b.y = 300;
  return { fake, api, section, a, b };
}

describe('connectors in the FigJam fake', () => {
  it('creates a 200-wide elbowed connector on the page, attaches it to two stickies in a section and logs the writes', () => {
    const { fake, api, section, a, b } = setUp();
    fake.clearCalls();
    const connector = api.createConnector();
    expect(connector.parent).toBe(api.currentPage);
    expect([connector.type, connector.connectorLineType, connector.width]).toEqual(['CONNECTOR', 'ELBOWED', 200]);
    expect([connector.connectorStartStrokeCap, connector.connectorEndStrokeCap]).toEqual(['NONE', 'ARROW_LINES']);

    section.appendChild(connector);
    connector.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    connector.connectorEnd = { endpointNodeId: b.id, magnet: 'AUTO' };
    connector.setPluginData('cjm', 'x');
    expect(connector.parent).toBe(section);
    expect(connector.connectorEnd).toEqual({ endpointNodeId: b.id, magnet: 'AUTO' });
    // The box joins the stickies' centres, in the section's space.
    expect([connector.x, connector.y, connector.width, connector.height]).toEqual([120, 120, 400, 300]);
    expect(connector.absoluteBoundingBox).toEqual({ x: 1120, y: 620, width: 400, height: 300 });
    expect(connector.absoluteTransform[0][2]).toBe(1120);
    expect(fake.listWrites().map((call) => call.method)).toEqual(['createConnector', 'appendChild', 'set:connectorStart', 'set:connectorEnd', 'setPluginData']);
    expect(fake.listNodes()).toContain(connector);

    // Reads answer copies.
    const end = connector.connectorEnd as { endpointNodeId: string; magnet: string };
    end.magnet = 'TOP';
    expect(connector.connectorEnd).toEqual({ endpointNodeId: b.id, magnet: 'AUTO' });
  });

  it('fails createConnector on request, as other create calls', () => {
    const { api, failOn } = createFakeFigma();
    failOn('createConnector');
    expect(() => api.createConnector()).toThrow(/Simulated failure of createConnector/);
    failOn('create', 2);
    api.createSticky();
    expect(() => api.createConnector()).toThrow(/Simulated failure of createConnector/);
    expect(api.createConnector().type).toBe('CONNECTOR');
  });

  it('moves its box with a sticky it is attached to', () => {
    const { fake, api, a, b } = setUp();
    const connector = api.createConnector();
    connector.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    connector.connectorEnd = { endpointNodeId: b.id, position: { x: 0, y: 0 } };
    // On the page: absolute coordinates; b's end at its top-left corner.
    expect([connector.x, connector.y, connector.width, connector.height]).toEqual([1120, 620, 280, 180]);
    b.x = 800;
    expect([connector.x, connector.width]).toEqual([1120, 680]);
    fake.moveByHand(a, 0, 0);
    expect([connector.x, connector.y, connector.width, connector.height]).toEqual([120, 120, 1680, 680]);
  });

  it('throws on endpoints Figma refuses', () => {
    const { api, a, b } = setUp();
    const connector = api.createConnector();
    const other = api.createConnector();
    const gone = api.createSticky();
    gone.remove();
    const refused: [string, unknown][] = [
      ['missing node', { endpointNodeId: '9:999', magnet: 'AUTO' }],
      ['removed node', { endpointNodeId: gone.id, magnet: 'AUTO' }],
      ['itself', { endpointNodeId: connector.id, magnet: 'AUTO' }],
      ['another connector', { endpointNodeId: other.id, magnet: 'AUTO' }],
      ['magnet and position', { endpointNodeId: a.id, magnet: 'AUTO', position: { x: 0, y: 0 } }],
      ['elbowed on CENTER', { endpointNodeId: a.id, magnet: 'CENTER' }],
      ['unknown magnet', { endpointNodeId: a.id, magnet: 'MIDDLE' }],
      ['neither magnet nor position', { endpointNodeId: a.id }],
      ['magnet without node', { magnet: 'AUTO' }],
      ['no point', { position: { x: 'left', y: 0 } }],
    ];
    for (const [why, endpoint] of refused) {
      expect(() => {
        connector.connectorStart = endpoint as ConnectorEndpoint;
      }, why).toThrow(/in set_connectorStart/);
    }
    expect(connector.connectorStart).toEqual({ position: { x: 0, y: 0 } });

    connector.connectorLineType = 'STRAIGHT';
    expect(() => {
      connector.connectorEnd = { endpointNodeId: b.id, magnet: 'AUTO' };
    }).toThrow(/STRAIGHT connector attaches only to CENTER or NONE/);
    connector.connectorEnd = { endpointNodeId: b.id, magnet: 'CENTER' };
    expect(connector.connectorEnd).toEqual({ endpointNodeId: b.id, magnet: 'CENTER' });
    expect(() => {
      connector.connectorEndStrokeCap = 'ARROW' as ConnectorStrokeCap;
    }).toThrow(/Invalid stroke cap/);
    expect(() => {
      (connector as unknown as { cornerRadius: number }).cornerRadius = 4;
    }).toThrow(TypeError);
  });

  it('keeps a connector whose sticky is removed, that end left where the sticky’s centre was', () => {
    const { fake, api, section, a, b } = setUp();
    const connector = api.createConnector();
    connector.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    connector.connectorEnd = { endpointNodeId: b.id, magnet: 'AUTO' };
    b.remove();
    expect(connector.removed).toBe(false);
    expect(connector.connectorEnd).toEqual({ position: { x: 1520, y: 920 } });
    expect(connector.connectorStart).toEqual({ endpointNodeId: a.id, magnet: 'AUTO' });

    // A section deleted by hand takes its stickies along; the page's connector stays.
    fake.removeByHand(section);
    expect(fake.listNodes()).toEqual([connector]);
    expect(connector.connectorStart).toEqual({ position: { x: 1120, y: 620 } });
    expect([connector.x, connector.y, connector.width, connector.height]).toEqual([1120, 620, 400, 300]);
  });

  it('re-attaches the connectors of a duplicated section to the copies', () => {
    const { fake, api, section, a, b } = setUp();
    const outside = api.createSticky();
    outside.x = 3000;
    const inner = api.createConnector();
    const across = api.createConnector();
    section.appendChild(inner);
    section.appendChild(across);
    inner.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    inner.connectorEnd = { endpointNodeId: b.id, magnet: 'RIGHT' };
    across.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    across.connectorEnd = { endpointNodeId: outside.id, magnet: 'AUTO' };

    const copy = fake.duplicate(section, { y: 2000 });
    const [copyA, copyB, copyInner, copyAcross] = copy.children as [StickyNode, StickyNode, ConnectorNode, ConnectorNode];
    expect(copyInner.type).toBe('CONNECTOR');
    expect(copyInner.connectorStart).toEqual({ endpointNodeId: copyA.id, magnet: 'AUTO' });
    expect(copyInner.connectorEnd).toEqual({ endpointNodeId: copyB.id, magnet: 'RIGHT' });
    expect(copyInner.absoluteBoundingBox).toEqual({ x: 1120, y: 2120, width: 400, height: 300 });
    expect(copyAcross.connectorStart).toEqual({ endpointNodeId: copyA.id, magnet: 'AUTO' });
    expect(copyAcross.connectorEnd).toEqual({ endpointNodeId: outside.id, magnet: 'AUTO' });
    // The originals stay on the originals.
    expect(inner.connectorStart).toEqual({ endpointNodeId: a.id, magnet: 'AUTO' });
    copyB.remove();
    expect(inner.connectorEnd).toEqual({ endpointNodeId: b.id, magnet: 'RIGHT' });
  });

  it('lets a person draw a connector, unlogged and without plugin data, in the section holding both ends, and delete it', () => {
    const { fake, api, section, a, b } = setUp();
    fake.clearCalls();
    const connector = fake.connectByHand(a, b, { label: 'then' });
    expect(fake.calls).toEqual([]);
    expect(connector.parent).toBe(section);
    expect([connector.connectorLineType, connector.text.characters]).toEqual(['ELBOWED', 'then']);
    expect(connector.connectorStart).toEqual({ endpointNodeId: a.id, magnet: 'AUTO' });
    expect(connector.connectorEnd).toEqual({ endpointNodeId: b.id, magnet: 'AUTO' });
    expect(connector.getPluginDataKeys()).toEqual([]);

    const loose = api.createSticky();
    const straight = fake.connectByHand(a, loose, { lineType: 'STRAIGHT' });
    expect(straight.parent).toBe(api.currentPage);
    expect(straight.connectorEnd).toEqual({ endpointNodeId: loose.id, magnet: 'CENTER' });

    fake.clearCalls();
    fake.removeByHand(connector);
    expect(fake.calls).toEqual([]);
    expect(connector.removed).toBe(true);
    expect(fake.listNodes()).not.toContain(connector);
    expect(fake.listNodes()).toContain(b);
  });

  it('is drawn as a line between the sides of the stickies that face each other, in front of them, in its stroke', () => {
    const { fake, api, section, a, b } = setUp();
    // Made before the stickies it joins: still drawn in front of them.
    const connector = api.createConnector();
    section.insertChild(0, connector);
    connector.connectorStart = { endpointNodeId: a.id, magnet: 'AUTO' };
    connector.connectorEnd = { endpointNodeId: b.id, magnet: 'AUTO' };
    connector.strokes = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }];
    connector.strokeWeight = 3;
    connector.setPluginData(IDENTITY_FIELD, encodeItemIdentity({ map: 'map-test', key: 'link:a:b', hash: '0123abcd' }));

    const items = readFigjamBoard(fake);
    const line = items.find((item) => item.id === connector.id);
    // The stickies (240 wide) lie 400 apart across and 300 down: the line leaves the right side of one for the left side of the other.
    expect(line).toMatchObject({ kind: 'line', x: 1240, y: 620, width: 160, height: 300, stroke: '#ff0000', strokeWidth: 3, parentId: section.id, hasIdentity: true });
    expect(line?.path).toBe('M 0 0 L 80 0 L 80 300 L 160 300');
    expect(items.map((item) => item.id)).toEqual([section.id, a.id, b.id, connector.id]);

    connector.connectorLineType = 'CURVED';
    expect(readFigjamBoard(fake).find((item) => item.id === connector.id)?.path).toBe('M 0 0 C 80 0 80 300 160 300');
    // An end on a node no longer there is drawn where it was left.
    fake.removeByHand(b);
    expect(readFigjamBoard(fake).find((item) => item.id === connector.id)).toMatchObject({ kind: 'line', width: 400, height: 300 });
  });
});
