import type { Persona, PersonaId } from '../../src/model/journey';
import type { CellsStrings } from './cells-strings';

/** "Speaks for: everyone / a persona": whom a card (or the cards a table fills) speaks for. */
export function PersonaSelect({
  id,
  personas,
  value,
  onChange,
  strings,
}: {
  id: string;
  personas: readonly Persona[];
  value: PersonaId | undefined;
  onChange: (persona: PersonaId | undefined) => void;
  strings: CellsStrings;
}) {
  return (
    <span class="cells-card__persona">
      <label for={id}>{strings.speaksFor}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange((event.currentTarget.value || undefined) as PersonaId | undefined)}>
        <option value="">{strings.everyone}</option>
        {personas.map((persona) => (
          <option key={persona.id} value={persona.id}>
            {persona.name.trim() || '…'}
          </option>
        ))}
      </select>
    </span>
  );
}
