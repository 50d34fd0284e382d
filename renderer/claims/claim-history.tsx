/** The claim's history, loaded when opened: who created, changed, deleted or chose what, and when. */
import { useState } from 'react';
import type { ChannelOutput } from '../../shared/api/contract';
import { CLAIM_FIELD_LABELS, type ClaimField } from '../../shared/model/claim-history';
import type { RatingScale } from '../../shared/model/rating-scale';
import { describeValue } from './attention-box';

type HistoryEvent = ChannelOutput<'review:claimHistory'>[number];

const VERBS: Record<HistoryEvent['kind'], string> = {
  created: 'marked the claim',
  edited: 'changed',
  deleted: 'deleted the claim',
  restored: 'brought the claim back',
  resolved: 'chose between two versions:',
};

function changes(event: HistoryEvent, scale: RatingScale | null): string {
  return (Object.entries(event.set) as [ClaimField, unknown][])
    .filter(([field, value]) => event.kind !== 'created' || (value !== '' && value !== null && !(Array.isArray(value) && value.length === 0) && !(field === 'status' && value === 'to-check')))
    .map(([field, value]) => {
      const shown = describeValue(field, value, scale).replace(/\s+/g, ' ');
      return `${CLAIM_FIELD_LABELS[field]}: ${shown.length > 120 ? `${shown.slice(0, 119)}…` : shown}`;
    })
    .join('; ');
}

export function ClaimHistory({ claimId, scale, load }: { claimId: string; scale: RatingScale | null; load: (claimId: string) => Promise<HistoryEvent[]> }) {
  const [events, setEvents] = useState<HistoryEvent[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <details
      className="claim-history"
      onToggle={(event) => {
        if (!(event.currentTarget as HTMLDetailsElement).open) return;
        setEvents(null);
        load(claimId).then(setEvents, (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
      }}
    >
      <summary>History</summary>
      {problem && <p className="field-error">{problem}</p>}
      {!events && !problem && <p className="muted">Loading…</p>}
      {events?.length === 0 && <p className="muted">No changes recorded yet; they are recorded from the next save.</p>}
      {events && events.length > 0 && (
        <ol>
          {events.map((event) => (
            <li key={event.id}>
              <span className="conflict-who">
                <time dateTime={event.at}>{new Date(event.at).toLocaleString()}</time> · <span dir="auto">{event.authorName}</span>
              </span>{' '}
              {VERBS[event.kind]}
              {event.kind === 'created' && changes(event, scale) ? ' with ' : ' '}
              <span dir="auto">{changes(event, scale)}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
