import { useEffect, useState } from 'preact/hooks';
import type { Journey } from '../src/model/journey';
import { createBlankJourney } from '../src/model/templates/blank-journey';
import { loadTemplatesAsync } from '../src/model/templates/template-catalog';
import { EDITOR_STRINGS } from './editor/editor-strings';
import { keepTemplateStructure } from './editor/keep-template-structure';
import type { Locale } from './strings';
import { toSvgDataUrl } from './svg-data-url';

interface GalleryEntry {
  id: string;
  name: string;
  description: string;
  journey: Journey;
}

/**
 * The panel's first screen: the built-in journeys of the panel's language
 * and a blank one, each with a thumbnail drawn from its own map, to edit in
 * the panel or to insert onto the board straight away; a built-in one can
 * also open in the editor as structure only (its stages, lanes and personas,
 * without its texts: see `keepTemplateStructure`).
 */
export function TemplateGallery({
  locale,
  busy,
  onEdit,
  onInsert,
  renderSvgAsync,
}: {
  locale: Locale;
  busy: boolean;
  onEdit: (journey: Journey) => void;
  onInsert: (journey: Journey) => void;
  renderSvgAsync: (journey: Journey, maxWidth?: number) => Promise<string>;
}) {
  const strings = EDITOR_STRINGS[locale];
  const [entries, setEntries] = useState<GalleryEntry[] | undefined>();
  const [thumbnails, setThumbnails] = useState<Record<string, string>>({});

  useEffect(() => {
    let cancelled = false;
    setEntries(undefined);
    void (async () => {
      const templates = await loadTemplatesAsync(locale);
      const list: GalleryEntry[] = [
        ...templates.map((template) => ({ id: template.id, name: template.name, description: template.description, journey: template.journey })),
        { id: 'blank', name: strings.blankName, description: strings.blankDescription, journey: createBlankJourney(locale) },
      ];
      if (cancelled) return;
      setEntries(list);
      // One picture at a time: FigJam draws them on the plugin side, one request after another.
      for (const entry of list) {
        try {
          const svg = await renderSvgAsync(entry.journey, 320);
          if (cancelled) return;
          setThumbnails((drawn) => ({ ...drawn, [entry.id]: toSvgDataUrl(svg) }));
        } catch {
          // A missing thumbnail leaves the name and description to choose by.
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // Templates follow the panel's language.
  }, [locale]);

  return (
    <section class="panel__section" aria-labelledby="gallery-title">
      <h2 id="gallery-title" class="panel__subtitle">
        {strings.galleryTitle}
      </h2>
      <p class="panel__intro">{strings.galleryHint}</p>
      {!entries && <p aria-busy="true">{strings.galleryLoading}</p>}
      {entries && (
        <ul class="gallery">
          {entries.map((entry) => (
            <li key={entry.id} class="gallery__item">
              <div class="gallery__thumb">{thumbnails[entry.id] ? <img src={thumbnails[entry.id]} alt={strings.preview(entry.name)} /> : null}</div>
              <h3 class="gallery__name">{entry.name}</h3>
              <p class="gallery__description">{entry.description}</p>
              <div class="editor__row">
                <button type="button" class="button button--small" aria-label={strings.editTemplate(entry.name)} onClick={() => onEdit(structuredClone(entry.journey))}>
                  {strings.editShort}
                </button>
                {entry.id !== 'blank' && (
                  <button type="button" class="button button--small" aria-label={strings.startFromTemplate(entry.name)} title={strings.startFromTemplate(entry.name)} onClick={() => onEdit(keepTemplateStructure(entry.journey))}>
                    {strings.startShort}
                  </button>
                )}
                <button type="button" class="button button--small" aria-label={strings.insertTemplate(entry.name)} disabled={busy} onClick={() => onInsert(structuredClone(entry.journey))}>
                  {strings.insertShort}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
