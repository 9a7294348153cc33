import { describe, expect, it } from 'vitest';
import { createFigjamPort } from '../../src/hosts/figjam/figjam-host';
import { createMiroPort } from '../../src/hosts/miro/miro-host';
import { FIGJAM_METRICS, MIRO_METRICS } from '../../src/layout/host-metrics';
import { layoutJourney } from '../../src/layout/layout-journey';
import type { Card, Journey, Lane } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { createOnlineStoreJourney } from '../../src/model/templates/online-store-template';
import { insertMapAsync, listMapsAsync, regenerateMapAsync, runOnBoardAsync } from '../../src/app/map-runs';
import type { BoardPort } from '../../src/app/board-port';
import type { ApplyProgress } from '../../src/sync/host-port';
import { createFakeFigma } from '../../src/simulator/fake-figma';
import { FakeMiroBoard } from '../../src/simulator/fake-miro-board';

// A big journey, 20 stages × 10 lanes × 10 cards a cell, on both hosts: it
// is drawn whole, FigJam's editor gets turns while it is drawn, Miro's
// credit budget is kept, and an unchanged Regenerate writes nothing.

const MAP_ID = 'map-big0000001';

function createBigJourney(): Journey {
  const template = createOnlineStoreJourney();
  const stages = Array.from({ length: 20 }, (_, index) => ({ id: `stage:s${index}` as const, name: `Stage ${index + 1}` }));
  const lanes: Lane[] = [...template.lanes, { id: 'lane:kpis', kind: 'kpis', title: 'KPIs' }, { id: 'lane:notes', kind: 'custom', title: 'Notes' }];
  const cards: Card[] = [];
  for (const stage of stages) {
    for (const lane of lanes) {
      if (lane.kind === 'emotions') continue;
      for (let index = 0; index < 10; index += 1) cards.push({ id: `card:${stage.id.slice(6)}-${lane.id.slice(5, 9)}-${index}`, stage: stage.id, lane: lane.id, text: `${lane.title} ${index + 1} at ${stage.name}` });
    }
  }
  const journey = { ...template, stages, lanes, cards, emotions: stages.map((stage, index) => ({ persona: template.personas[0]!.id, stage: stage.id, score: ((index % 5) - 2) as -2 | -1 | 0 | 1 | 2 })) };
  const parsed = parseJourney(journey);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.value;
}

async function drawAndRegenerateAsync(host: BoardPort, journey: Journey) {
  const progress: ApplyProgress[] = [];
  const { report } = await insertMapAsync(host, journey, MAP_ID, { onProgress: (step) => progress.push(step) });
  const maps = await runOnBoardAsync(host, listMapsAsync);
  const map = maps.find((info) => info.mapId === MAP_ID);
  if (!map) throw new Error('the big map is not listed');
  return { report, progress, map };
}

describe('a big journey (20 stages × 10 lanes × 10 cards)', () => {
  const journey = createBigJourney();
  const nodes = layoutJourney(journey, { metrics: FIGJAM_METRICS }).nodes.length;

  it('FigJam: drawn whole in chunks that give the editor turns, with progress; an unchanged Regenerate writes nothing', async () => {
    expect(journey.cards).toHaveLength(1800);
    const fake = createFakeFigma();
    const host = createFigjamPort(fake.api);
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 0);
    const { report, progress, map } = await drawAndRegenerateAsync(host, journey);
    clearInterval(ticker);
    expect(report).toMatchObject({ created: nodes, failed: [] });
    expect(turns).toBeGreaterThan(5);
    expect(progress.at(-1)).toEqual({ done: nodes, total: nodes });
    fake.clearCalls();
    const result = await regenerateMapAsync(createFigjamPort(fake.api), { map, createMapId: () => 'map-never00001' });
    expect(result.report.failed).toEqual([]);
    expect(fake.listWrites()).toEqual([]);
  }, 60_000);

  it('Miro: drawn whole within the credit budget (pausing, and saying so, when a minute’s credits are spent); an unchanged Regenerate writes nothing', async () => {
    const fake = new FakeMiroBoard();
    let clock = 0;
    const options = { sleepAsync: async (ms: number) => void (clock += ms), now: () => clock };
    const { report, progress, map } = await drawAndRegenerateAsync(createMiroPort(fake.asBoard(), options), journey);
    expect(report.failed).toEqual([]);
    // Counted in board items: each segment of a line is a connector of its own.
    const nodesOnMiro = layoutJourney(journey, { metrics: MIRO_METRICS }).nodes;
    const segments = nodesOnMiro.reduce((sum, node) => sum + (node.type === 'emotion-line' ? node.points.length - 1 : 0), 0);
    expect(report.created).toBe(nodesOnMiro.filter((node) => node.type !== 'emotion-line').length + segments);
    // More than a minute's budget of calls: the run paused for credits, and said so.
    expect(fake.calls.length).toBeGreaterThan(1800);
    expect(progress.some((step) => step.waitingMs !== undefined && step.waitingMs > 0)).toBe(true);
    expect(clock).toBeGreaterThanOrEqual(60_000);
    fake.resetLog();
    const result = await regenerateMapAsync(createMiroPort(fake.asBoard(), options), { map, createMapId: () => 'map-never00001' });
    expect(result.report.failed).toEqual([]);
    expect(fake.listWriteCalls()).toEqual([]);
  }, 60_000);
});
