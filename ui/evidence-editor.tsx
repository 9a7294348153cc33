import { useState } from 'preact/hooks';
import { EVIDENCE_KINDS, type EvidenceKind, type Journey } from '../src/model/journey';
import type { Strings } from './strings';

/**
 * Sets what each card of a map rests on, stage by stage; "Update the map"
 * draws the markers (and keeps whatever changed on the board meanwhile).
 */
export function EvidenceEditor({ journey, strings, busy, onApply }: { journey: Journey; strings: Strings; busy: boolean; onApply: (journey: Journey) => void }) {
  const [evidence, setEvidence] = useState<ReadonlyMap<string, EvidenceKind | undefined>>(() => new Map(journey.cards.map((card) => [card.id, card.evidence])));
  const changed = journey.cards.filter((card) => evidence.get(card.id) !== card.evidence).length;
  const laneTitle = new Map(journey.lanes.map((lane) => [lane.id as string, lane.title]));

  function handleChange(cardId: string, value: string) {
    const next = new Map(evidence);
    next.set(cardId, (EVIDENCE_KINDS as readonly string[]).includes(value) ? (value as EvidenceKind) : undefined);
    setEvidence(next);
  }

  function handleApply() {
    onApply({
      ...journey,
      cards: journey.cards.map((card) => {
        const { evidence: _old, ...rest } = card;
        const kind = evidence.get(card.id);
        return kind ? { ...rest, evidence: kind } : rest;
      }),
    });
  }

  return (
    <details class="panel__evidence">
      <summary>{strings.evidenceTitle}</summary>
      <p class="panel__intro">{strings.evidenceHint}</p>
      {journey.stages.map((stage) => {
        const cards = journey.cards.filter((card) => card.stage === stage.id);
        if (cards.length === 0) return null;
        return (
          <fieldset key={stage.id} class="panel__fieldset">
            <legend>{stage.name}</legend>
            {cards.map((card) => (
              <label key={card.id} class="panel__evidence-row">
                <span title={`${laneTitle.get(card.lane) ?? ''}: ${card.text}`}>{card.text.length > 60 ? `${card.text.slice(0, 59)}…` : card.text}</span>
                <select value={evidence.get(card.id) ?? ''} onChange={(event) => handleChange(card.id, event.currentTarget.value)}>
                  <option value="">{strings.evidenceNone}</option>
                  {EVIDENCE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {strings.evidenceKinds[kind]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
        );
      })}
      <button type="button" class="button" onClick={handleApply} disabled={busy || changed === 0} aria-describedby="evidence-changes">
        {strings.evidenceApply}
      </button>
      <p id="evidence-changes" class="panel__intro">
        {strings.evidenceChanged(changed)}
      </p>
    </details>
  );
}
