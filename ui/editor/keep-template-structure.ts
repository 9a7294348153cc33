import { listPlaces, type Journey, type Persona } from '../../src/model/journey';

/**
 * A template's structure to start a map of one's own from ("Start from this
 * template"): what the journey-mapping method (CJM-METHOD.md) lets a team
 * reuse, without what only that template's research can say.
 *
 * Kept:
 * - the **stages** (method step 4, breaking the path from need to repeat
 *   purchase or refusal) and the **lanes** (steps 5–7: what is recorded at
 *   each stage — actions, touchpoints, channels, thoughts, emotions, pains,
 *   opportunities, backstage): the frame a facilitator reuses across maps;
 * - the **personas' number, names and avatars**, as placeholders: how many
 *   kinds of customer the map compares (the loyalty example's two), each
 *   with its own emotion line and colour; the schema needs a name, and the
 *   persona step asks for the real one first;
 * - the **title**, as a placeholder the scope step opens on (the schema needs
 *   one), and the content's language.
 *
 * Cleared, because each is a finding of the template's own research (method
 * step 2) that a new map must gather for itself, and that would otherwise
 * pass for one's own on the board:
 * - every **card** (touchpoints, thoughts, pains, ideas: steps 5–7);
 * - the personas' descriptions (age, role, goals, needs, pains, behaviour,
 *   channels, quote, notes: step 3 describes them from the team's data);
 * - the **emotion scores** and their notes (step 6), and any to-be line: each
 *   persona gets a neutral 0 at every stage, as a blank journey does, so its
 *   line shows from the start and is rated from real feedback;
 * - the goal and scope texts (step 1: what *we* want to learn, about which
 *   product, over which period).
 *
 * Returns a new journey that the journey schema accepts whenever `template`
 * does; `template` is not changed.
 */
export function keepTemplateStructure(template: Journey): Journey {
  const personas = template.personas.map(
    (persona): Persona => ({ id: persona.id, name: persona.name, ...(persona.avatar ? { avatar: persona.avatar } : {}), goals: [], needs: [], pains: [], behaviour: [], channels: [] }),
  );
  return {
    schema: template.schema,
    title: template.title,
    ...(template.locale ? { locale: template.locale } : {}),
    scope: {},
    personas,
    stages: template.stages.map((stage) => (stage.steps ? { ...stage, steps: stage.steps.map((step) => ({ ...step })) } : { ...stage })),
    lanes: template.lanes.map((lane) => ({ ...lane })),
    cards: [],
    // A neutral score at every place: each stage, or each step of a stage with steps.
    emotions: personas.flatMap((persona) => listPlaces(template).map((place) => ({ persona: persona.id, ...place, score: 0 }))),
  };
}
