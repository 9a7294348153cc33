import { foldName } from './fold-name';
import { OPPORTUNITY_STATUSES, type OpportunityStatus } from './journey';

/**
 * An opportunity's status in the three languages: the words exports write
 * in the journey's language and the panel shows, and, with a few more a
 * spreadsheet may hold, the words an import reads.
 */
export const OPPORTUNITY_STATUS_NAMES: Readonly<Record<OpportunityStatus, { en: string; ru: string; uk: string; more: readonly string[] }>> = {
  idea: { en: 'idea', ru: 'идея', uk: 'ідея', more: [] },
  planned: { en: 'planned', ru: 'запланировано', uk: 'заплановано', more: ['to do', 'todo', 'в плане', 'у плані'] },
  'in-progress': { en: 'in progress', ru: 'в работе', uk: 'у роботі', more: ['in-progress', 'doing', 'в роботі'] },
  done: { en: 'done', ru: 'готово', uk: 'готово', more: ['сделано', 'зроблено'] },
};

/** The status a cell names, in any of the three languages; undefined for any other text. */
export function findOpportunityStatus(text: string): OpportunityStatus | undefined {
  const folded = foldName(text);
  return OPPORTUNITY_STATUSES.find((status) => {
    const names = OPPORTUNITY_STATUS_NAMES[status];
    return [status, names.en, names.ru, names.uk, ...names.more].some((name) => foldName(name) === folded);
  });
}
