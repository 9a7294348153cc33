import { JOURNEY_SCHEMA, type CardId, type Journey, type LaneId, type StageId } from '../journey';

/** The stage id of a template's stage key. */
const toStageId = (key: string): StageId => `stage:${key}`;
/** The lane id of a template's lane key. */
const toLaneId = (key: string): LaneId => `lane:${key}`;


/** Cards per lane key, each a list of six cells (one per stage). */
const CELLS: Record<string, readonly (readonly string[])[]> = {
  actions: [
    ['Notices the old kettle is broken', 'Decides to buy a new one this week'],
    ['Searches "electric kettle" on the web', 'Compares prices and reviews on two sites'],
    ['Adds the kettle to the cart', 'Fills in the order form', 'Chooses delivery and pays'],
    ['Waits for the parcel', 'Checks the order status'],
    ['Unpacks and tries the kettle', 'Asks support how to descale it'],
    ['Leaves a review', 'Orders a filter cartridge'],
  ],
  touchpoints: [
    ['Friend\u2019s recommendation', 'Social media ad'],
    ['Search results', 'Product page', 'Reviews'],
    ['Cart', 'Order form', 'Payment page'],
    ['Order e-mail', 'Tracking page', 'Courier'],
    ['Product manual', 'Support chat'],
    ['Review request e-mail', 'Loyalty offer'],
  ],
  channels: [
    ['Offline', 'Social'],
    ['Web', 'Mobile'],
    ['Web'],
    ['E-mail', 'SMS', 'Phone'],
    ['Chat', 'Phone'],
    ['E-mail', 'App'],
  ],
  thoughts: [
    ['\u201cI need a kettle that boils fast and is easy to clean\u201d'],
    ['\u201cWhich one is really better, not just cheaper?\u201d'],
    ['\u201cWhy do I have to type my address twice?\u201d', '\u201cIs the payment safe?\u201d'],
    ['\u201cWhen exactly will it arrive?\u201d'],
    ['\u201cHow do I descale it?\u201d'],
    ['\u201cWould I buy here again?\u201d'],
  ],
  emotions: [
    ['Mildly annoyed, but hopeful'],
    ['Curious, a little overwhelmed by choice'],
    ['Frustrated by the long form', 'Anxious about paying'],
    ['Impatient, unsure about the date'],
    ['Pleased with the kettle'],
    ['Satisfied, feels valued'],
  ],
  pains: [
    ['Hard to tell which models are reliable'],
    ['Specs are inconsistent between shops', 'Too many similar models'],
    ['Order form has 14 fields', 'Account creation is forced', 'Promo code field hidden'],
    ['Delivery window is four hours wide', 'No SMS before the courier comes'],
    ['Descaling steps only in the printed manual'],
    ['Review form asks for a login again'],
  ],
  opportunities: [
    ['Buying guides for small appliances'],
    ['Comparison table with key specs', 'Verified-buyer reviews first'],
    ['One-page checkout with guest mode', 'Address autocomplete', 'Show the promo field up front'],
    ['One-hour delivery window', 'Courier SMS with live map'],
    ['Care tips e-mail with a short video'],
    ['One-click review from the e-mail', 'Loyalty points for a review'],
  ],
  backstage: [
    ['Marketing runs social campaigns'],
    ['Content team keeps specs in one catalogue', 'SEO team tunes product pages'],
    ['Payment gateway checks fraud', 'CRM creates the customer record'],
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

const STAGES: readonly { key: string; name: string; score: number; note: string }[] = [
  { key: 'need', name: 'Realise the need', score: 0, note: 'Old kettle broke' },
  { key: 'search', name: 'Search & compare', score: 1, note: 'Good choice, fair prices' },
  { key: 'order', name: 'Order & pay', score: -2, note: 'Clumsy 14-field order form' },
  { key: 'delivery', name: 'Delivery', score: -1, note: 'Vague delivery window' },
  { key: 'use', name: 'Use & support', score: 1, note: 'Kettle works well' },
  { key: 'repeat', name: 'Repeat or leave', score: 2, note: 'Rewarded for a review' },
];

/**
 * The default template: an online-store order journey from noticing the need
 * to a repeat purchase, with one persona, six stages, the eight standard
 * lanes and a clear low point at the order form.
 */
export function createOnlineStoreJourney(): Journey {
  const cards: Journey['cards'] = [];
  for (const lane of LANES) {
    const cells = CELLS[lane.key] ?? [];
    STAGES.forEach((stage, stageIndex) => {
      (cells[stageIndex] ?? []).forEach((text, cardIndex) => {
        cards.push({
          id: `card:${lane.key}-${stage.key}-${cardIndex + 1}` as CardId,
          stage: toStageId(stage.key),
          lane: toLaneId(lane.key),
          text,
        });
      });
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
    stages: STAGES.map((stage) => ({ id: toStageId(stage.key), name: stage.name })),
    lanes: LANES.map((lane) => ({ id: toLaneId(lane.key), kind: lane.kind, title: lane.title })),
    cards,
    emotions: STAGES.map((stage) => ({
      persona: 'persona:anna',
      stage: toStageId(stage.key),
      score: stage.score,
      note: stage.note,
    })),
  };
}

