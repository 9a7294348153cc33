import type { Journey } from '../journey';

/** Languages the built-in templates are written in. */
export const TEMPLATE_LOCALES = ['en', 'ru', 'uk'] as const;

/** One of {@link TEMPLATE_LOCALES}. */
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/** The built-in templates, in the order the gallery shows them. */
export const TEMPLATE_IDS = ['online-store', 'loyalty', 'saas-trial', 'bank-account', 'clinic-visit', 'service-blueprint'] as const;

/** One of {@link TEMPLATE_IDS}. */
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A gallery entry: a complete journey with its name and a one-sentence description, all in one language. */
export interface JourneyTemplate {
  id: TemplateId;
  name: string;
  description: string;
  journey: Journey;
}

/** What each language module exports. */
interface TemplateModule {
  createTemplates(): JourneyTemplate[];
}

// One literal import per language, so a bundler splits each language into a
// chunk of its own and the panel loads only the one it shows.
const TEMPLATE_MODULES: Readonly<Record<TemplateLocale, () => Promise<TemplateModule>>> = {
  en: () => import('./templates-en'),
  ru: () => import('./templates-ru'),
  uk: () => import('./templates-uk'),
};

/**
 * Loads the built-in templates of one language.
 * Returns the six templates in {@link TEMPLATE_IDS} order, freshly built on
 * each call so a caller may change them; an unknown locale gets English.
 * Rejects only when the language chunk cannot be loaded (e.g. offline).
 */
export async function loadTemplatesAsync(locale: TemplateLocale): Promise<readonly JourneyTemplate[]> {
  const loadModule = TEMPLATE_MODULES[locale] ?? TEMPLATE_MODULES.en;
  const module = await loadModule();
  return module.createTemplates();
}
