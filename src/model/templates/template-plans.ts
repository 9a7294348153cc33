import type { CardId, Journey, OpportunityPlan, OpportunityStatus } from '../journey';
import type { TemplateLocale } from './template-catalog';

/**
 * The action plans of the built-in templates: which pains each opportunity
 * addresses, its impact and effort, status, owner and KPI. Card ids line up
 * across the languages of a template (see `build-journey-template.ts`), so a
 * plan is written once; owners and KPIs are words, in each language.
 */

type Owner = 'content' | 'checkout' | 'logistics' | 'marketing' | 'support' | 'crm' | 'legal' | 'stores';
type Kpi = 'checkout' | 'form-time' | 'delivery-complaints' | 'sign-ups' | 'hotline' | 'churn';

const OWNERS: Readonly<Record<TemplateLocale, Readonly<Record<Owner, string>>>> = {
  en: { content: 'Content team', checkout: 'Checkout team', logistics: 'Logistics', marketing: 'Marketing', support: 'Customer support', crm: 'CRM team', legal: 'Legal', stores: 'Store operations' },
  ru: { content: 'Контент-команда', checkout: 'Команда оформления заказа', logistics: 'Логистика', marketing: 'Маркетинг', support: 'Служба поддержки', crm: 'CRM-команда', legal: 'Юристы', stores: 'Управление магазинами' },
  uk: { content: 'Контент-команда', checkout: 'Команда оформлення замовлення', logistics: 'Логістика', marketing: 'Маркетинг', support: 'Служба підтримки', crm: 'CRM-команда', legal: 'Юристи', stores: 'Управління магазинами' },
};

const KPIS: Readonly<Record<TemplateLocale, Readonly<Record<Kpi, string>>>> = {
  en: { checkout: 'Checkout completion rate', 'form-time': 'Time to fill in the order form', 'delivery-complaints': 'Delivery complaints', 'sign-ups': 'Sign-ups at the till', hotline: 'Time on hold', churn: 'Members who leave' },
  ru: { checkout: 'Доля завершённых заказов', 'form-time': 'Время заполнения формы заказа', 'delivery-complaints': 'Жалобы на доставку', 'sign-ups': 'Регистрации на кассе', hotline: 'Время ожидания на линии', churn: 'Отток участников' },
  uk: { checkout: 'Частка завершених замовлень', 'form-time': 'Час заповнення форми замовлення', 'delivery-complaints': 'Скарги на доставку', 'sign-ups': 'Реєстрації на касі', hotline: 'Час очікування на лінії', churn: 'Відтік учасників' },
};

interface PlanSpec {
  addresses: readonly CardId[];
  impact?: number;
  effort?: number;
  status?: OpportunityStatus;
  owner: Owner;
  kpi?: Kpi;
}

/** The online store: every pain answered, the order form's by one-page checkout and address autocomplete. */
const ONLINE_STORE: Readonly<Record<CardId, PlanSpec>> = {
  'card:opportunities-need-1': { addresses: ['card:pains-need-1'], impact: 3, effort: 2, status: 'idea', owner: 'content' },
  'card:opportunities-search-1': { addresses: ['card:pains-search-1', 'card:pains-search-2'], impact: 4, effort: 3, status: 'planned', owner: 'content' },
  'card:opportunities-search-2': { addresses: ['card:pains-search-2', 'card:pains-need-1'], impact: 3, effort: 2, status: 'idea', owner: 'marketing' },
  'card:opportunities-order-1': { addresses: ['card:pains-order-1'], impact: 4, effort: 1, status: 'planned', owner: 'checkout', kpi: 'checkout' },
  'card:opportunities-order-2': { addresses: ['card:pains-order-2', 'card:pains-order-3'], impact: 5, effort: 3, status: 'in-progress', owner: 'checkout', kpi: 'checkout' },
  'card:opportunities-order-3': { addresses: ['card:pains-order-2'], impact: 4, effort: 1, status: 'planned', owner: 'checkout', kpi: 'form-time' },
  'card:opportunities-order-4': { addresses: ['card:pains-order-4'], impact: 3, effort: 4, status: 'idea', owner: 'logistics' },
  'card:opportunities-order-5': { addresses: ['card:pains-order-5'], impact: 2, effort: 1, status: 'done', owner: 'checkout' },
  'card:opportunities-delivery-1': { addresses: ['card:pains-delivery-1'], impact: 4, effort: 4, status: 'idea', owner: 'logistics', kpi: 'delivery-complaints' },
  'card:opportunities-delivery-2': { addresses: ['card:pains-delivery-2'], impact: 4, effort: 2, status: 'planned', owner: 'logistics', kpi: 'delivery-complaints' },
  'card:opportunities-use-1': { addresses: ['card:pains-use-1'], impact: 2, effort: 2, status: 'idea', owner: 'support' },
  'card:opportunities-repeat-1': { addresses: ['card:pains-repeat-1'], impact: 3, effort: 1, status: 'planned', owner: 'crm' },
};

/** The loyalty programme: each persona's possible difficulties, and the measures that prevent them. */
const LOYALTY: Readonly<Record<CardId, PlanSpec>> = {
  'card:opportunities-discover-1': { addresses: ['card:pains-discover-1'], impact: 3, effort: 2, status: 'idea', owner: 'stores' },
  'card:opportunities-discover-2': { addresses: ['card:pains-discover-1'], impact: 2, effort: 1, status: 'idea', owner: 'marketing' },
  'card:opportunities-rules-1': { addresses: ['card:pains-rules-1', 'card:pains-rules-2'], impact: 5, effort: 2, status: 'planned', owner: 'legal', kpi: 'sign-ups' },
  'card:opportunities-rules-2': { addresses: ['card:pains-rules-1'], impact: 3, effort: 2, status: 'idea', owner: 'marketing' },
  'card:opportunities-join-1': { addresses: ['card:pains-join-1'], impact: 4, effort: 2, status: 'planned', owner: 'crm', kpi: 'sign-ups' },
  'card:opportunities-join-2': { addresses: ['card:pains-join-1'], impact: 3, effort: 1, status: 'idea', owner: 'legal' },
  'card:opportunities-join-3': { addresses: ['card:pains-join-2'], impact: 4, effort: 3, status: 'idea', owner: 'stores', kpi: 'sign-ups' },
  'card:opportunities-earn-1': { addresses: ['card:pains-earn-1'], impact: 4, effort: 3, status: 'planned', owner: 'crm' },
  'card:opportunities-earn-2': { addresses: ['card:pains-earn-2'], impact: 3, effort: 1, status: 'in-progress', owner: 'stores' },
  'card:opportunities-redeem-1': { addresses: ['card:pains-redeem-1'], impact: 4, effort: 2, status: 'planned', owner: 'marketing' },
  'card:opportunities-redeem-2': { addresses: ['card:pains-redeem-2'], impact: 4, effort: 1, status: 'idea', owner: 'crm', kpi: 'churn' },
  'card:opportunities-support-1': { addresses: ['card:pains-support-1'], impact: 4, effort: 2, status: 'planned', owner: 'support', kpi: 'hotline' },
  'card:opportunities-support-2': { addresses: ['card:pains-support-2'], impact: 4, effort: 3, status: 'idea', owner: 'support', kpi: 'hotline' },
  'card:opportunities-support-3': { addresses: ['card:pains-support-3'], impact: 3, effort: 1, status: 'done', owner: 'support' },
  'card:opportunities-stay-1': { addresses: ['card:pains-stay-1'], impact: 5, effort: 1, status: 'planned', owner: 'crm', kpi: 'churn' },
  'card:opportunities-stay-2': { addresses: ['card:pains-stay-2'], impact: 3, effort: 2, status: 'idea', owner: 'marketing', kpi: 'churn' },
};

const PLANS: Readonly<Partial<Record<string, Readonly<Record<CardId, PlanSpec>>>>> = { 'online-store': ONLINE_STORE, loyalty: LOYALTY };

/**
 * The car service blueprint: what stands behind each contact, stage by
 * stage: the backstage step that serves the adviser's contact, the system
 * that serves the backstage step.
 */
const SERVICE_BLUEPRINT_SERVES: Readonly<Record<CardId, readonly CardId[]>> = {
  'card:backstage-book-1': ['card:frontstage-book-1'],
  'card:support-book-1': ['card:backstage-book-1'],
  'card:backstage-handover-1': ['card:frontstage-handover-1'],
  'card:support-handover-1': ['card:backstage-handover-1'],
  'card:backstage-diagnose-1': ['card:frontstage-diagnose-1'],
  'card:support-diagnose-1': ['card:backstage-diagnose-1'],
  'card:support-diagnose-2': ['card:backstage-diagnose-1'],
  'card:backstage-repair-2': ['card:frontstage-repair-1'],
  'card:support-repair-1': ['card:backstage-repair-1'],
  'card:backstage-pickup-1': ['card:frontstage-pickup-1'],
  'card:support-pickup-1': ['card:backstage-pickup-1'],
};

const SERVES: Readonly<Partial<Record<string, Readonly<Record<CardId, readonly CardId[]>>>>> = { 'service-blueprint': SERVICE_BLUEPRINT_SERVES };

/**
 * `journey` (template `id` in `locale`) with its opportunities' plans and
 * its blueprint's links (which card serves which): each card they name gets
 * its own copy. Throws when a plan names a card the
 * template lacks: a template written wrong, which the template tests catch.
 */
export function addTemplatePlans(journey: Journey, id: string, locale: TemplateLocale): Journey {
  const plans = PLANS[id] ?? {};
  const serves = SERVES[id] ?? {};
  const ids = new Set<string>(journey.cards.map((card) => card.id));
  for (const [card, spec] of Object.entries(plans)) {
    for (const named of [card, ...spec.addresses]) if (!ids.has(named)) throw new Error(`template "${id}" (${locale}) has no card ${named} for its plan`);
  }
  for (const [card, served] of Object.entries(serves)) {
    for (const named of [card, ...served]) if (!ids.has(named)) throw new Error(`template "${id}" (${locale}) has no card ${named} for its links`);
  }
  return {
    ...journey,
    cards: journey.cards.map((card) => {
      const served = serves[card.id];
      if (served) return { ...card, serves: [...served] };
      const spec = plans[card.id];
      if (!spec) return card;
      const plan: OpportunityPlan = {
        addresses: [...spec.addresses],
        ...(spec.impact === undefined ? {} : { impact: spec.impact }),
        ...(spec.effort === undefined ? {} : { effort: spec.effort }),
        ...(spec.status === undefined ? {} : { status: spec.status }),
        owner: OWNERS[locale][spec.owner],
        ...(spec.kpi === undefined ? {} : { kpi: KPIS[locale][spec.kpi] }),
      };
      return { ...card, plan };
    }),
  };
}
