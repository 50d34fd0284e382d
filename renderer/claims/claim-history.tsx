/** The claim's history, loaded when opened: who created, changed, deleted, chose or signed off what, and when. */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import type { ClaimField } from '../../shared/model/claim-history';
import type { RatingScale } from '../../shared/model/rating-scale';
import { formatDateTime } from '../i18n/interface-format';
import { describeValue } from './attention-box';

type HistoryEvent = ChannelOutput<'review:claimHistory'>[number];

/** What the reviewer did, worded to run on into the fields it names (English: "Ana changed Verdict: False"). */
function action(event: HistoryEvent, named: boolean, t: TFunction): string {
  switch (event.kind) {
    case 'created':
      return named ? t('history.createdWith') : t('history.created');
    case 'edited':
      return t('history.edited');
    case 'deleted':
      return t('history.deleted');
    case 'restored':
      return t('history.restored');
    case 'resolved':
      return t('history.resolved');
    case 'signed-off':
      return t('history.signedOff');
    case 'sign-off-withdrawn':
      return t('history.signOffWithdrawn');
  }
}

function changes(event: HistoryEvent, scale: RatingScale | null, t: TFunction): string {
  // A sign-off names what it approved; what it set is nothing.
  return (Object.entries(event.kind === 'signed-off' ? (event.signed ?? {}) : event.set) as [ClaimField, unknown][])
    .filter(([field, value]) => (event.kind !== 'created' && event.kind !== 'signed-off') || (value !== '' && value !== null && !(Array.isArray(value) && value.length === 0) && !(field === 'status' && value === 'to-check')))
    .map(([field, value]) => {
      const shown = (field === 'status' && typeof value === 'string' ? t(`claim.status.${value}`) : describeValue(field, value, scale)).replace(/\s+/g, ' ');
      return t('history.change', { field: t(`claim.field.${field}`), value: shown.length > 120 ? `${shown.slice(0, 119)}…` : shown });
    })
    .join(t('list.semicolon'));
}

/** Where an edit's values came from: "Copied from “Jobs speech” (claim #4)." */
function CopiedFromNote({ from }: { from: NonNullable<HistoryEvent['copiedFrom']> }) {
  const components = { title: <span dir="auto" /> };
  return (
    <span className="history-copied">
      {' '}
      {from.claimNumber === undefined ? (
        <Trans i18nKey="history.copiedFromReview" values={{ title: from.reviewTitle }} components={components} />
      ) : (
        <Trans i18nKey="history.copiedFrom" values={{ title: from.reviewTitle, number: from.claimNumber }} components={components} />
      )}
    </span>
  );
}

export function ClaimHistory({ claimId, scale, load }: { claimId: string; scale: RatingScale | null; load: (claimId: string) => Promise<HistoryEvent[]> }) {
  const { t, i18n } = useTranslation();
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
      <summary>{t('history.title')}</summary>
      {problem && <p className="field-error">{problem}</p>}
      {!events && !problem && <p className="muted">{t('history.loading')}</p>}
      {events?.length === 0 && <p className="muted">{t('history.none')}</p>}
      {events && events.length > 0 && (
        <ol>
          {events.map((event) => {
            const changed = changes(event, scale, t);
            return (
              <li key={event.id}>
                <span className="conflict-who">
                  <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time> · <span dir="auto">{event.authorName}</span>
                </span>{' '}
                {action(event, changed !== '', t)} <span dir="auto">{changed}</span>
                {event.copiedFrom && <CopiedFromNote from={event.copiedFrom} />}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
