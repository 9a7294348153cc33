// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listPlaces, type Journey } from '../../src/model/journey';
import { parseJourney } from '../../src/model/journey-schema';
import { loadTemplatesAsync, TEMPLATE_LOCALES } from '../../src/model/templates/template-catalog';
import { keepTemplateStructure } from '../../ui/editor/keep-template-structure';
import { TemplateGallery } from '../../ui/template-gallery';

afterEach(cleanup);

const expectValid = (journey: Journey) => {
  const parsed = parseJourney(journey);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
};

/** What a map started from `template` must keep and must have cleared. */
function expectStructureOf(journey: Journey, template: Journey) {
  expectValid(journey);
  expect(journey.title).toBe(template.title);
  expect(journey.scope).toEqual({});
  expect(journey.stages).toEqual(template.stages);
  expect(journey.lanes).toEqual(template.lanes);
  expect(journey.cards).toEqual([]);
  expect(journey.personas).toEqual(
    template.personas.map((persona) => ({ id: persona.id, name: persona.name, ...(persona.avatar ? { avatar: persona.avatar } : {}), goals: [], needs: [], pains: [], behaviour: [], channels: [] })),
  );
  // A neutral as-is score for every persona at every stage (at every step of a stage with steps), without notes: the line shows, and is rated from the team's own research.
  expect(journey.emotions).toEqual(template.personas.flatMap((persona) => listPlaces(template).map((place) => ({ persona: persona.id, ...place, score: 0 }))));
}

describe('Start from this template', () => {
  it('opens the editor with the template’s stages, lanes and personas, and none of its texts', async () => {
    const user = userEvent.setup();
    const onEdit = vi.fn<(journey: Journey) => void>();
    render(<TemplateGallery locale="en" busy={false} onEdit={onEdit} onInsert={() => undefined} renderSvgAsync={() => Promise.reject(new Error('no pictures here'))} />);
    const starts = await screen.findAllByRole('button', { name: /^Start from this: “/ });
    const templates = await loadTemplatesAsync('en');
    // Every built-in template has one; the blank journey has nothing to clear.
    expect(starts).toHaveLength(templates.length);
    expect(screen.queryByRole('button', { name: /^Start from this: “Blank journey”/ })).toBeNull();

    const loyalty = templates.find((template) => template.id === 'loyalty')!;
    expect(loyalty.journey.personas.length).toBeGreaterThan(1);
    const start = screen.getByRole('button', { name: `Start from this: “${loyalty.name}”, its stages, lanes and personas without its texts` });
    expect(start.textContent).toBe('Start from this');
    await user.click(start);
    expect(onEdit).toHaveBeenCalledTimes(1);
    const journey = onEdit.mock.calls[0]![0];
    expectStructureOf(journey, loyalty.journey);
    expect(JSON.stringify(journey)).not.toContain(loyalty.journey.cards[0]!.text);
  });

  it.each(TEMPLATE_LOCALES)('keeps the structure of every %s template as a journey the schema accepts', async (locale) => {
    for (const template of await loadTemplatesAsync(locale)) {
      const before = structuredClone(template.journey);
      expectStructureOf(keepTemplateStructure(template.journey), template.journey);
      expect(template.journey).toEqual(before);
    }
  });

  it('speaks Russian and Ukrainian', async () => {
    render(<TemplateGallery locale="uk" busy={false} onEdit={() => undefined} onInsert={() => undefined} renderSvgAsync={() => Promise.reject(new Error('no pictures here'))} />);
    const starts = await screen.findAllByRole('button', { name: /^Взяти за основу «/ });
    expect(starts[0]!.textContent).toBe('Взяти за основу');
    cleanup();
    render(<TemplateGallery locale="ru" busy={false} onEdit={() => undefined} onInsert={() => undefined} renderSvgAsync={() => Promise.reject(new Error('no pictures here'))} />);
    expect((await screen.findAllByRole('button', { name: /^Взять за основу «.*»: этапы, дорожки и персоны, без текстов$/ }))[0]!.textContent).toBe('Взять за основу');
  });
});
