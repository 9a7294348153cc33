import { describe, expect, it } from 'vitest';
import { FIGJAM_METRICS } from '../../../src/layout/host-metrics';
import { layoutJourney } from '../../../src/layout/layout-journey';
import { cardKey, stepHeaderKey } from '../../../src/layout/scene-keys';
import { exportJourneyCsvLong, exportJourneyCsvWide, importJourneyCsv } from '../../../src/model/formats/journey-csv';
import { listSteps, type Journey } from '../../../src/model/journey';
import { parseJourney } from '../../../src/model/journey-schema';
import type { ValidationError } from '../../../src/model/parse-result';

const ok = (text: string): Journey => {
  const result = importJourneyCsv(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const checked = parseJourney(result.value);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
};
const errorsOf = (text: string): [string, string | undefined, Record<string, unknown> | undefined][] => {
  const result = importJourneyCsv(text);
  if (result.ok) throw new Error('accepted');
  return result.errors.map((error: ValidationError) => [error.path, error.code, error.params]);
};
/** Cards and scores by names: [stage › step, lane, text, persona] and [persona, stage › step, score]. */
const contentOf = (journey: Journey) => {
  const where = (stageId: string, stepId?: string) => {
    const stage = journey.stages.find((entry) => entry.id === stageId);
    const step = listSteps(stage ?? {}).find((entry) => entry.id === stepId);
    return step ? `${stage?.name} › ${step.name}` : (stage?.name ?? '?');
  };
  const persona = (id?: string) => journey.personas.find((entry) => entry.id === id)?.name ?? '';
  return {
    steps: journey.stages.map((stage) => [stage.name, listSteps(stage).map((step) => [step.name, step.touchpoint ?? '', step.channel ?? ''])]),
    cards: journey.cards.map((card) => [where(card.stage, card.step), journey.lanes.find((lane) => lane.id === card.lane)?.title, card.text, persona(card.persona)]),
    scores: journey.emotions.map((emotion) => [persona(emotion.persona), where(emotion.stage, emotion.step), emotion.score]),
  };
};

// As exportJourneyCsvLong writes a journey whose stages have steps: the Step column after Stage, Touchpoint and Channel of the steps at the end.
const LONG = [
  '\uFEFFStage,Step,Lane,Text,Persona,Emotion,Evidence,Touchpoint,Channel',
  'Choose,,,,,,,,',
  'Order & pay,Add to cart,,,,,,Product page,Website',
  'Order & pay,Fill in the form,,,,,,Order form,Website',
  'Order & pay,Pay,,,,,,,Bank app',
  'Choose,,Goals & actions,,,,,,',
  'Choose,,Pains,,,,,,',
  'Choose,,Emotions,,,,,,',
  'Choose,,Goals & actions,Compares three kettles,Anna,,interview,,',
  'Order & pay,Add to cart,Goals & actions,Adds the kettle to the cart,Anna,,,,',
  'Order & pay,Fill in the form,Pains,"The form asks for the address twice, and the index",Anna,,support,,',
  'Order & pay,Fill in the form,Pains,'.concat("'=the form resets on error", ',Boris,,,,'),
  'Choose,,Emotions,,Anna,1,,,',
  'Order & pay,Add to cart,Emotions,,Anna,2,,,',
  'Order & pay,Fill in the form,Emotions,,Anna,-2,,,',
  'Order & pay,Pay,Emotions,,Anna,0,,,',
  'Order & pay,Fill in the form,Emotions,,Boris,-1,,,',
].join('\n');

describe('a long CSV with a Step column', () => {
  it('puts cards and scores at their steps, with the steps in order and their touchpoints and channels', () => {
    const journey = ok(LONG);
    expect(contentOf(journey)).toEqual({
      steps: [
        ['Choose', []],
        ['Order & pay', [['Add to cart', 'Product page', 'Website'], ['Fill in the form', 'Order form', 'Website'], ['Pay', '', 'Bank app']]],
      ],
      cards: [
        ['Choose', 'Goals & actions', 'Compares three kettles', 'Anna'],
        ['Order & pay › Add to cart', 'Goals & actions', 'Adds the kettle to the cart', 'Anna'],
        ['Order & pay › Fill in the form', 'Pains', 'The form asks for the address twice, and the index', 'Anna'],
        ['Order & pay › Fill in the form', 'Pains', '=the form resets on error', 'Boris'],
      ],
      scores: [
        ['Anna', 'Choose', 1],
        ['Anna', 'Order & pay › Add to cart', 2],
        ['Anna', 'Order & pay › Fill in the form', -2],
        ['Anna', 'Order & pay › Pay', 0],
        ['Boris', 'Order & pay › Fill in the form', -1],
      ],
    });
  });

  it('imports, draws and exports back unchanged', () => {
    const journey = ok(LONG);
    const scene = layoutJourney(journey, { metrics: FIGJAM_METRICS });
    const byKey = new Map(scene.nodes.map((node) => [node.key, node]));
    // Every card sits inside the column of its step's header.
    for (const card of journey.cards.filter((entry) => entry.step)) {
      const sticky = byKey.get(cardKey(card.id));
      const header = byKey.get(stepHeaderKey(card.stage, card.step ?? 'step:none'));
      expect(sticky && header && sticky.x >= header.x && sticky.x + sticky.width <= header.x + header.width).toBe(true);
    }
    expect(scene.nodes.filter((node) => node.type === 'emotion-point')).toHaveLength(journey.emotions.length);
    expect(exportJourneyCsvLong(journey)).toBe(LONG);
  });

  it('reads Russian and Ukrainian column names and semicolons, and writes the journey language back', () => {
    const russian = '\uFEFFЭтап;Шаг;Дорожка;Текст;Персона;Эмоция;Основание\nОформление;Форма заказа;Боли;Адрес дважды;Анна;;\nОформление;Форма заказа;Эмоции;;Анна;-2;';
    const journey = ok(russian);
    expect(contentOf(journey).steps).toEqual([['Оформление', [['Форма заказа', '', '']]]]);
    expect(exportJourneyCsvLong(journey, { delimiter: ';' })).toMatch(/^\uFEFFЭтап;Шаг;Дорожка;Текст;Персона;Эмоция;Основание\n/);
    const ukrainian = ok('Етап,Крок,Доріжка,Текст\nОплата,Форма,Болі,Адресу двічі\n');
    expect(contentOf(ukrainian).cards).toEqual([['Оплата › Форма', 'Болі', 'Адресу двічі', '']]);
    expect(exportJourneyCsvLong(ukrainian)).toMatch(/^\uFEFFЕтап,Крок,Доріжка,Текст,Персона,Емоція,Підстава\n/);
  });

  it('reads a file with a Step column and no Stage column as before steps: its steps are the stages', () => {
    const journey = ok('Step,Lane,Text\nSearch,Actions,Looks for a kettle\nOrder,Actions,Orders it\n');
    expect(contentOf(journey).steps).toEqual([['Search', []], ['Order', []]]);
    expect(exportJourneyCsvLong(journey)).toMatch(/^\uFEFFStage,Lane,Text,Persona,Emotion,Evidence\n/);
  });

  it('says which row needs a step, and which detail of a step is given twice, in a way the panel can word', () => {
    expect(errorsOf('Stage,Step,Lane,Text\nPay,Form,Pains,Address twice\nPay,,Pains,No step\n')).toEqual([['line 3, column "Stage"', 'csv-step-missing', { line: 3, column: 'Stage', stage: 'Pay' }]]);
    expect(errorsOf('Stage,Step,Lane,Text,Persona,Emotion\nPay,,Emotions,,Anna,1\nPay,Form,Pains,Address,,\n')).toEqual([['line 2, column "Stage"', 'csv-step-missing', { line: 2, column: 'Stage', stage: 'Pay' }]]);
    expect(errorsOf('Stage,Step,Lane,Text,Touchpoint\nPay,Form,Pains,A,Order form\nPay,Form,Pains,B,Checkout\n')).toEqual([['line 3, column "Touchpoint"', 'csv-step-detail-twice', { line: 3, column: 'Touchpoint', what: 'touchpoint', earlier: 'Order form' }]]);
    const many = ['Stage,Step,Lane,Text', ...Array.from({ length: 21 }, (_, index) => `Pay,S${index},Actions,T`)].join('\n');
    expect(errorsOf(many)).toEqual([['(file)', 'csv-too-many-steps', { stage: 'Pay', count: 21, max: 20 }]]);
  });
});

describe('a wide CSV with a row of steps', () => {
  const WIDE = [
    'Lane,Choose,Order & pay,,',
    'Step,,Add to cart,Fill in the form,Pay',
    'Goals & actions,Compares kettles,Adds the kettle,Types the address,Pays by card',
    'Pains,,,"Address twice\nIndex unknown",',
    'Emotions,1,2,-2,0',
  ].join('\n');

  it('reads a stage over its steps as a spreadsheet saves merged cells, and a stage without steps beside them', () => {
    const journey = ok(WIDE);
    expect(contentOf(journey)).toMatchObject({
      steps: [['Choose', []], ['Order & pay', [['Add to cart', '', ''], ['Fill in the form', '', ''], ['Pay', '', '']]]],
      scores: [['Customer', 'Choose', 1], ['Customer', 'Order & pay › Add to cart', 2], ['Customer', 'Order & pay › Fill in the form', -2], ['Customer', 'Order & pay › Pay', 0]],
    });
    expect(contentOf(journey).cards).toContainEqual(['Order & pay › Fill in the form', 'Pains', 'Index unknown', '']);
  });

  it('writes the stage over each of its steps and the step row under the stages, and reads that back the same', () => {
    const journey = ok(WIDE);
    const written = exportJourneyCsvWide(journey);
    expect(written.split('\n').slice(0, 2)).toEqual(['\uFEFFLane,Choose,Order & pay,Order & pay,Order & pay', 'Step,,Add to cart,Fill in the form,Pay']);
    expect(contentOf(ok(written))).toEqual(contentOf(journey));
    expect(exportJourneyCsvWide(ok(written))).toBe(written);
  });

  it('names the column of a step with no stage over it', () => {
    expect(errorsOf('Lane,,Pay\nStep,Cart,Form\nActions,A,B\n')).toEqual([['line 1, column "2"', 'csv-stage-name-missing', { line: 1, column: '2' }]]);
  });

  it('writes a journey without steps exactly as before: no step row', () => {
    const journey = ok('Lane,Search,Order\nActions,Looks,Orders\n');
    expect(exportJourneyCsvWide(journey)).toBe('\uFEFFLane,Search,Order\nActions,Looks,Orders');
  });
});
