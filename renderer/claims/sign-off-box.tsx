/**
 * The claim's editorial sign-off: whether it holds, was withdrawn by a later change, or was never
 * given, and the buttons to sign off or take one's own sign-off back. A reviewer never signs off a
 * verdict they set themselves: the button then stays reachable and says why it does nothing.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import { claimAuthor } from '../../shared/history/claim-author';
import { changedSinceSignOff, OWN_VERDICT_REFUSAL, SIGNED_FIELDS, signOffRefusal, type SignedField } from '../../shared/history/sign-offs';
import type { Claim } from '../../shared/model/claim';
import { signOffState } from '../../shared/model/sign-off';
import type { ConflictNote } from '../../shared/share-file/merge-report';
import { api, errorMessage } from '../api/client';
import { intlLocale } from '../i18n/interface-format';
import { useReviewStore } from '../review/review-store';

type HistoryEvent = ChannelOutput<'review:claimHistory'>[number];

/** What the box knows from storage: the claim's history as stored and the values it held then. */
interface Stored {
  claimId: string;
  events: HistoryEvent[];
  verdictId: Claim['verdictId'];
  rationale: string;
}

/** Reads the stored history again this long after the signed values stop changing. */
const RELOAD_DELAY_MS = 800;

/** The day of a sign-off, its month written out ("March 14, 2026"; "14 مارس 2026"). */
function longDate(at: string, language: string): string {
  return new Date(at).toLocaleDateString(intlLocale(language), { year: 'numeric', month: 'long', day: 'numeric' });
}

/** "the verdict", "the verdict and the rationale": the changed fields as a sentence names them. */
function namedFields(fields: readonly SignedField[], t: TFunction, language: string): string {
  const name = (field: SignedField): string => ({ verdictId: t('signOff.field.verdictId'), rationale: t('signOff.field.rationale'), summary: t('signOff.field.summary') })[field];
  return new Intl.ListFormat(intlLocale(language), { type: 'conjunction' }).format(fields.map(name));
}

/**
 * signOffRefusal's reason in the interface language. The rule stays in shared/ (the service applies
 * it too); only its words are chosen here, by the same conditions, in the order the rule tests them.
 */
function refusalWords(refusal: string | null, claim: Claim, conflicts: readonly { field: string }[], t: TFunction, language: string): string | null {
  if (refusal === null) return null;
  if (claim.verdictId === null) return t('signOff.noVerdict');
  const open = SIGNED_FIELDS.find((field) => conflicts.some((conflict) => conflict.field === field));
  if (open) return t('signOff.twoVersions', { field: t(`claim.field.${open}`).toLocaleLowerCase(language), needsAttention: t('attention.needsAttention') });
  if (refusal === OWN_VERDICT_REFUSAL) return t('signOff.ownVerdict');
  // A reason the rule gained after these words were written: shown as the rule words it.
  return refusal;
}

export interface SignOffBoxProps {
  claim: Claim;
  conflicts: ConflictNote['fields'] | undefined;
  /** The claim's history as stored, with what is pending saved first. */
  load: (claimId: string) => Promise<HistoryEvent[]>;
}

export function SignOffBox({ claim, conflicts, load }: SignOffBoxProps) {
  const reviewId = useReviewStore((state) => state.meta?.id);
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<{ id: string; name: string } | null>(null);
  const [stored, setStored] = useState<Stored | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** What the last action did, for screen readers (the status line changes with every claim chosen, so it is not announced itself). */
  const [announcement, setAnnouncement] = useState('');
  const reasonId = useId();
  const headingId = useId();
  // The desk makes a new loader on each of its renders; reading the history again is for changes of the claim, not of that.
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedFor = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api['settings:getReviewer']({}).then((reviewer) => !cancelled && setMe(reviewer), () => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  // The author can change with every save (anyone who sets the verdict becomes it): read the stored history again once edits pause.
  const { id: claimId, verdictId, rationale, summary } = claim;
  const signedAt = claim.signOff?.at;
  useEffect(() => {
    let cancelled = false;
    // A claim just chosen is read at once; its own edits are read again once they pause.
    const timer = setTimeout(
      () => {
        loadRef.current(claimId).then((events) => {
          if (cancelled) return;
          loadedFor.current = claimId;
          setStored({ claimId, events, verdictId, rationale });
        }, () => undefined);
      },
      loadedFor.current === claimId ? RELOAD_DELAY_MS : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [claimId, verdictId, rationale, summary, signedAt]);
  useEffect(() => {
    setProblem(null);
    setAnnouncement('');
  }, [claimId]);

  const current = stored?.claimId === claim.id ? stored : null;
  const nameOf = (reviewerId: string | undefined): string => current?.events.find((event) => event.author === reviewerId)?.authorName ?? t('signOff.anotherReviewer');
  // An edit of the verdict or rationale in this window, not yet read back, makes this reviewer its author.
  const editedHere = current !== null && (current.verdictId !== claim.verdictId || current.rationale !== claim.rationale);
  const author = editedHere ? me?.id : current ? claimAuthor({ history: current.events }, claim.id) : undefined;
  const state = signOffState(claim);
  const signer = claim.signOff?.by;
  const mine = signer !== undefined && signer === me?.id;
  const refusal = me && current ? refusalWords(signOffRefusal({ claim, conflicts: conflicts ?? [], author, reviewerId: me.id }), claim, conflicts ?? [], t, i18n.language) : null;
  const holdsMine = state === 'signed' && mine;
  const canSign = !busy && me !== null && current !== null && refusal === null && !holdsMine;

  const change = async (kind: 'signOff' | 'withdrawSignOff'): Promise<void> => {
    if (!reviewId) return;
    setBusy(true);
    setProblem(null);
    try {
      // What is pending goes to disk first, so the sign-off approves exactly what the claim shows.
      await loadRef.current(claim.id);
      const result = await api[`review:${kind}`]({ id: reviewId, claimId: claim.id });
      // Stored already: only the sign-off is taken, so nothing typed meanwhile is overwritten.
      useReviewStore.setState((store) => {
        const local = store.claims[claim.id];
        if (!local) return {};
        const { signOff: _previous, ...rest } = local;
        return { claims: { ...store.claims, [claim.id]: result.claim.signOff ? { ...rest, signOff: result.claim.signOff } : rest } };
      });
      setAnnouncement(kind === 'signOff' ? t('signOff.announceSigned') : t('signOff.announceWithdrawn'));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  let status: ReactNode;
  if ((state === 'signed' || state === 'withdrawn') && claim.signOff) {
    // The signer's name and the day keep their own direction inside the sentence.
    const values = { name: nameOf(signer), date: longDate(claim.signOff.at, i18n.language) };
    const components = { name: <span dir="auto" />, date: <time dateTime={claim.signOff.at} /> };
    if (state === 'signed') {
      status = (
        <>
          <span aria-hidden="true">✓ </span>
          {mine ? <Trans i18nKey="signOff.signedByYou" values={values} components={components} /> : <Trans i18nKey="signOff.signedBy" values={values} components={components} />}
        </>
      );
    } else {
      const changed = changedSinceSignOff(claim);
      const fieldValues = { ...values, fields: namedFields(changed, t, i18n.language) };
      status = mine ? (
        <Trans i18nKey="signOff.withdrawnYours" count={changed.length} values={fieldValues} components={components} />
      ) : (
        <Trans i18nKey="signOff.withdrawn" count={changed.length} values={fieldValues} components={components} />
      );
    }
  } else status = t('signOff.none');

  const reason = holdsMine ? t('signOff.holdsMine') : refusal;
  return (
    <section className={`sign-off-box sign-off-${state}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('signOff.title')}</h3>
      <p className="sign-off-status">{status}</p>
      <div className="sign-off-actions">
        {!holdsMine && (
          <button
            type="button"
            className={state === 'withdrawn' ? 'primary' : undefined}
            aria-disabled={!canSign}
            aria-describedby={reason ? reasonId : undefined}
            onClick={() => canSign && void change('signOff')}
          >
            {busy ? t('signOff.signingOff') : t('signOff.signOff')}
          </button>
        )}
        {holdsMine && (
          <button type="button" aria-disabled={busy} onClick={() => !busy && void change('withdrawSignOff')}>
            {t('signOff.withdraw')}
          </button>
        )}
      </div>
      {reason && (
        <p id={reasonId} className="sign-off-reason muted">
          {reason}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
