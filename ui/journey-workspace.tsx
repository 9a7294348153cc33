// The template gallery and the journey editor: a part of the panel of its
// own, so the panel's first paint (Insert, Regenerate) does not wait for it.
import type { Journey } from '../src/model/journey';
import { loadTemplatesAsync } from '../src/model/templates/template-catalog';
import type { Locale } from './strings';

export { TemplateGallery } from './template-gallery';
export { JourneyEditor, type EditorState } from './editor/journey-editor';

/** The journey "Insert CJM template" draws: the online-store template in the panel's language. */
export async function loadDefaultTemplateAsync(locale: Locale): Promise<Journey | undefined> {
  return (await loadTemplatesAsync(locale)).find((template) => template.id === 'online-store')?.journey;
}
