import { JOURNEY_SCHEMA, type CardId, type Journey, type LaneId, type StageId, type StepId } from '../journey';
import { addTemplatePlans } from './template-plans';
import { spreadOverSteps, type PerStep } from './template-steps';

/** The stage id of a template's stage key. */
const toStageId = (key: string): StageId => `stage:${key}`;
/** The step id of a template's step key. */
const toStepId = (key: string): StepId => `step:${key}`;
/** The lane id of a template's lane key. */
const toLaneId = (key: string): LaneId => `lane:${key}`;

/**
 * Cards per lane key, each a list of six cells (one per stage); the cell of
 * "Order & pay" holds a list per step, by step key.
 */
const CELLS: Record<string, readonly PerStep<readonly string[]>[]> = {
  actions: [
    ['Notices the old kettle is broken', 'Decides to buy a new one this week'],
    ['Searches "electric kettle" on the web', 'Compares prices and reviews on two sites'],
    { cart: ['Adds the kettle to the cart'], form: ['Fills in the order form'], delivery: ['Chooses a delivery day'], pay: ['Pays by card'] },
    ['Waits for the parcel', 'Checks the order status'],
    ['Unpacks and tries the kettle', 'Asks support how to descale it'],
    ['Leaves a review', 'Orders a filter cartridge'],
  ],
  touchpoints: [
    ['Friend\u2019s recommendation', 'Social media ad'],
    ['Search results', 'Product page', 'Reviews'],
    { cart: ['Cart'], form: ['Order form', 'Sign-up screen'], delivery: ['Delivery options'], pay: ['Payment page'] },
    ['Order e-mail', 'Tracking page', 'Courier'],
    ['Product manual', 'Support chat'],
    ['Review request e-mail', 'Loyalty offer'],
  ],
  channels: [
    ['Offline', 'Social'],
    ['Web', 'Mobile'],
    { cart: ['Web'], form: ['Web'], delivery: ['Web'], pay: ['Web', 'SMS'] },
    ['E-mail', 'SMS', 'Phone'],
    ['Chat', 'Phone'],
    ['E-mail', 'App'],
  ],
  thoughts: [
    ['\u201cI need a kettle that boils fast and is easy to clean\u201d'],
    ['\u201cWhich one is really better, not just cheaper?\u201d'],
    {
      cart: ['\u201cIs that the final price?\u201d'],
      form: ['\u201cWhy do I have to type my address twice?\u201d'],
      delivery: ['\u201cCan it come in the evening?\u201d'],
      pay: ['\u201cIs the payment safe?\u201d'],
    },
    ['\u201cWhen exactly will it arrive?\u201d'],
    ['\u201cHow do I descale it?\u201d'],
    ['\u201cWould I buy here again?\u201d'],
  ],
  emotions: [
    ['Mildly annoyed, but hopeful'],
    ['Curious, a little overwhelmed by choice'],
    { cart: ['Pleased with her choice'], form: ['Frustrated by the long form'], delivery: ['Annoyed: no evening slots'], pay: ['Anxious about paying'] },
    ['Impatient, unsure about the date'],
    ['Pleased with the kettle'],
    ['Satisfied, feels valued'],
  ],
  pains: [
    ['Hard to tell which models are reliable'],
    ['Specs are inconsistent between shops', 'Too many similar models'],
    {
      cart: ['Delivery cost not shown in the cart'],
      form: ['Order form has 14 fields', 'Account creation is forced'],
      delivery: ['Weekday delivery only in the daytime'],
      pay: ['Promo code field hidden'],
    },
    ['Delivery window is four hours wide', 'No SMS before the courier comes'],
    ['Descaling steps only in the printed manual'],
    ['Review form asks for a login again'],
  ],
  opportunities: [
    ['Buying guides for small appliances'],
    ['Comparison table with key specs', 'Verified-buyer reviews first'],
    {
      cart: ['Show the delivery cost in the cart'],
      form: ['One-page checkout with guest mode', 'Address autocomplete'],
      delivery: ['Evening and weekend delivery slots'],
      pay: ['Show the promo field up front'],
    },
    ['One-hour delivery window', 'Courier SMS with live map'],
    ['Care tips e-mail with a short video'],
    ['One-click review from the e-mail', 'Loyalty points for a review'],
  ],
  backstage: [
    ['Marketing runs social campaigns'],
    ['Content team keeps specs in one catalogue', 'SEO team tunes product pages'],
    {
      cart: ['Stock system reserves the kettle'],
      form: ['CRM creates the customer record'],
      delivery: ['Carrier API offers the free slots'],
      pay: ['Payment gateway checks fraud'],
    },
    ['Warehouse picks and packs', 'Carrier API updates tracking'],
    ['Support answers chats within 5 min'],
    ['CRM triggers the review request', 'Loyalty engine adds points'],
  ],
};

const LANES: readonly { key: string; kind: Journey['lanes'][number]['kind']; title: string }[] = [
  { key: 'actions', kind: 'actions', title: 'Goals & actions' },
  { key: 'touchpoints', kind: 'touchpoints', title: 'Touchpoints' },
  { key: 'channels', kind: 'channels', title: 'Channels' },
  { key: 'thoughts', kind: 'thoughts', title: 'Thoughts & questions' },
  { key: 'emotions', kind: 'emotions', title: 'Emotions' },
  { key: 'pains', kind: 'pains', title: 'Pains & barriers' },
  { key: 'opportunities', kind: 'opportunities', title: 'Opportunities' },
  { key: 'backstage', kind: 'backstage', title: 'Backstage' },
];

/** A step of a stage: a column of its own, with Anna's score there and why. */
interface StepSpec {
  key: string;
  name: string;
  touchpoint: string;
  channel: string;
  score: number;
  note: string;
}

/** A stage: Anna's score there and why, or its steps, each with its own. */
type StageSpec = { key: string; name: string } & ({ score: number; note: string; steps?: undefined } | { steps: readonly StepSpec[] });

const STAGES: readonly StageSpec[] = [
  { key: 'need', name: 'Realise the need', score: 0, note: 'Old kettle broke' },
  { key: 'search', name: 'Search & compare', score: 1, note: 'Good choice, fair prices' },
  {
    key: 'order',
    name: 'Order & pay',
    steps: [
      { key: 'cart', name: 'Add to cart', touchpoint: 'Cart', channel: 'Web', score: 1, note: 'Added in one tap' },
      { key: 'form', name: 'Fill in the order form', touchpoint: 'Order form', channel: 'Web', score: -2, note: 'Clumsy 14-field order form' },
      { key: 'delivery', name: 'Choose delivery', touchpoint: 'Delivery options', channel: 'Web', score: -1, note: 'No delivery slot after work' },
      { key: 'pay', name: 'Pay', touchpoint: 'Payment page', channel: 'Web', score: -1, note: 'Unsure the payment is safe' },
    ],
  },
  { key: 'delivery', name: 'Delivery', score: -1, note: 'Vague delivery window' },
  { key: 'use', name: 'Use & support', score: 1, note: 'Kettle works well' },
  { key: 'repeat', name: 'Repeat or leave', score: 2, note: 'Rewarded for a review' },
];

/** The step keys of a stage, in reading order. */
const stepKeysOf = (stage: StageSpec): string[] => (stage.steps ?? []).map((step) => step.key);

/**
 * The default template: an online-store order journey from noticing the need
 * to a repeat purchase, with one persona, six stages (ordering step by step:
 * cart, order form, delivery, payment), the eight standard lanes and a clear
 * low point at the order form.
 */
export function createOnlineStoreJourney(): Journey {
  return addTemplatePlans(createStoreJourney(), 'online-store', 'en');
}

/** The online store without its opportunities' plans. */
function createStoreJourney(): Journey {
  const cards: Journey['cards'] = [];
  for (const lane of LANES) {
    const cells = CELLS[lane.key] ?? [];
    STAGES.forEach((stage, stageIndex) => {
      // Cards are numbered through the stage, across its steps in reading order.
      let number = 0;
      for (const { step, value: texts } of spreadOverSteps(cells[stageIndex], stage.key, stepKeysOf(stage))) {
        for (const text of texts) {
          number += 1;
          cards.push({
            id: `card:${lane.key}-${stage.key}-${number}` as CardId,
            stage: toStageId(stage.key),
            ...(step === undefined ? {} : { step: toStepId(step) }),
            lane: toLaneId(lane.key),
            text,
          });
        }
      }
    });
  }
  return {
    schema: JOURNEY_SCHEMA,
    title: 'Online store: ordering a kettle',
    locale: 'en',
    scope: {
      goal: 'Find why customers abandon their orders and what to fix first',
      product: 'Home-appliance web shop',
      scenario: 'From a broken kettle to a repeat purchase',
      period: 'Q3 2026',
    },
    personas: [
      {
        id: 'persona:anna',
        name: 'Anna Petrova',
        avatar: '👩‍💼',
        age: '34',
        role: 'Project manager, busy parent of two',
        goals: ['Replace a broken appliance within a week', 'Pay a fair price for quality'],
        needs: ['Clear comparison of models', 'Fast, predictable delivery'],
        pains: ['Long forms on a phone', 'Waiting at home for a courier'],
        behaviour: ['Shops on her phone in the evening', 'Reads reviews before buying'],
        channels: ['Mobile web', 'E-mail', 'Messengers'],
        quote: 'I want to order in two minutes and forget about it until it arrives.',
      },
    ],
    stages: STAGES.map((stage) => ({
      id: toStageId(stage.key),
      name: stage.name,
      ...(stage.steps ? { steps: stage.steps.map((step) => ({ id: toStepId(step.key), name: step.name, touchpoint: step.touchpoint, channel: step.channel })) } : {}),
    })),
    lanes: LANES.map((lane) => ({ id: toLaneId(lane.key), kind: lane.kind, title: lane.title })),
    cards,
    emotions: STAGES.flatMap((stage) =>
      stage.steps
        ? stage.steps.map((step) => ({ persona: 'persona:anna' as const, stage: toStageId(stage.key), step: toStepId(step.key), score: step.score, note: step.note }))
        : [{ persona: 'persona:anna' as const, stage: toStageId(stage.key), score: stage.score, note: stage.note }],
    ),
  };
}

