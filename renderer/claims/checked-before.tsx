/**
 * "Checked before": claims of other reviews, already given a verdict, worded like the selected
 * claim, each with a way to take its verdict, rationale and evidence or to open its review. Asked
 * once per claim (when it is marked, or chosen without a verdict), never while the reviewer types.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/api/contract';
import type { Claim } from '../../shared/model/claim';
import type { CheckedBefore } from '../../shared/search/search-schema';
import { api, errorMessage } from '../api/client';
import { openReviewAt } from '../app/review-route';
import { formatDate } from '../i18n/interface-format';
import { useReviewStore } from '../review/review-store';
import { ShownVerdictBadge } from './verdict-badge';
import './checked-before.css';

/** Offers shown at most: a reviewer weighs a few, not a list. */
const MAX_OFFERS = 3;
/** The words shown of another claim. */
const SHOWN_CHARS = 220;

/** Offers already asked for, by claim id, for this window's life: choosing a claim again asks nothing. */
const asked = new Map<string, CheckedBefore[]>();
/** Claims whose offers the reviewer set aside. */
const dismissed = new Set<string>();

export interface CheckedBeforeBoxProps {
  claim: Claim;
  /** The claim's words in the article ('' when not placed). */
  quote: string;
  /** Saves what is pending first (the desk's history loader, as the sign-off box uses it). */
  load: (claimId: string) => Promise<ChannelOutput<'review:claimHistory'>>;
  /** Called once a verdict was taken, so views of the claim's history read it again. */
  onCopied: () => void;
}

function shortWords(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text;
}

export function CheckedBeforeBox({ claim, quote, load, onCopied }: CheckedBeforeBoxProps) {
  const { t, i18n } = useTranslation();
  const reviewId = useReviewStore((state) => state.meta?.id);
  const [offers, setOffers] = useState<{ claimId: string; list: CheckedBefore[] } | null>(() => {
    const known = asked.get(claim.id);
    return known ? { claimId: claim.id, list: known } : null;
  });
  const [hidden, setHidden] = useState(dismissed.has(claim.id));
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const loadRef = useRef(load);
  loadRef.current = load;

  const rated = claim.verdictId !== null;
  const words = (quote || claim.summary).trim();
  const hasWords = words !== '';
  // Read when the effect runs (once per claim), not a reason to run it again: typing changes `words`.
  const wordsRef = useRef(words);
  wordsRef.current = words;

  useEffect(() => {
    setHidden(dismissed.has(claim.id));
    setProblem(null);
    setAnnouncement('');
    const known = asked.get(claim.id);
    if (known) {
      setOffers({ claimId: claim.id, list: known });
      return;
    }
    setOffers(null);
    if (rated || !hasWords || !reviewId) return;
    let cancelled = false;
    api['claims:checkedBefore']({ text: wordsRef.current.slice(0, 20_000), excludeReviewId: reviewId, limit: MAX_OFFERS }).then(
      (found) => {
        const list = found.slice(0, MAX_OFFERS);
        asked.set(claim.id, list);
        if (!cancelled) setOffers({ claimId: claim.id, list });
      },
      () => undefined, // an offer that cannot be made is not worth an error: the reviewer checks as usual
    );
    return () => {
      cancelled = true;
    };
    // Asked once the claim is chosen and has words; a verdict given meanwhile only hides the box.
  }, [claim.id, hasWords, reviewId, rated]);

  const current = offers?.claimId === claim.id ? offers.list : [];
  // Mounted before anything is said in it, so screen readers announce what the copy did.
  const status = (
    <p className="visually-hidden" role="status">
      {announcement}
    </p>
  );
  if (rated || hidden || current.length === 0 || !reviewId) return status;

  const takeVerdict = async (offer: CheckedBefore): Promise<void> => {
    setBusy(offer.claimId);
    setProblem(null);
    try {
      // What is pending goes to disk first, so the copy lands on the claim as the reviewer sees it.
      await loadRef.current(claim.id);
      const result = await api['review:copyFromClaim']({ id: reviewId, claimId: claim.id, from: { reviewId: offer.reviewId, claimId: offer.claimId } });
      // Stored already: only what the copy set is taken, so nothing typed in other fields meanwhile is overwritten.
      useReviewStore.setState((store) => {
        const local = store.claims[claim.id];
        if (!local) return {};
        const { signOff: _previous, ...rest } = local;
        const { verdictId, rationale, evidence, updatedAt, signOff } = result.claim;
        return { claims: { ...store.claims, [claim.id]: { ...rest, verdictId, rationale, evidence, updatedAt, ...(signOff ? { signOff } : {}) } } };
      });
      setAnnouncement(t('checkedBefore.copied', { title: offer.reviewTitle }));
      onCopied();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {status}
    <section className="checked-before" aria-labelledby={headingId}>
      <div className="checked-before-head">
        <h3 id={headingId}>{t('checkedBefore.title', { count: current.length })}</h3>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            dismissed.add(claim.id);
            setHidden(true);
          }}
        >
          {t('checkedBefore.dismiss')}
        </button>
      </div>
      <ul className="checked-before-list">
        {current.map((offer) => (
          <li key={`${offer.reviewId}/${offer.claimId}`} className="checked-before-offer">
            <div className="checked-before-meta">
              <ShownVerdictBadge verdict={offer.verdict} />
              <span className="checked-before-similar">{t('checkedBefore.similarity', { percent: Math.round(offer.similarity * 100) })}</span>
              <time dateTime={offer.checkedAt}>{t('checkedBefore.checkedOn', { date: formatDate(offer.checkedAt, i18n.language) })}</time>
            </div>
            <blockquote dir="auto">{shortWords(offer.quote || offer.summary)}</blockquote>
            <p className="checked-before-review">
              <span dir="auto">{offer.reviewTitle}</span>
              {offer.claimNumber !== null && <> · {t('search.claimNumber', { number: offer.claimNumber })}</>}
            </p>
            <div className="checked-before-actions">
              <button type="button" className="primary" aria-disabled={busy !== null} onClick={() => busy === null && void takeVerdict(offer)}>
                {busy === offer.claimId ? t('checkedBefore.copying') : t('checkedBefore.use')}
              </button>
              <button type="button" onClick={() => openReviewAt(offer.reviewId, offer.claimId)} aria-label={t('checkedBefore.openNamed', { title: offer.reviewTitle })}>
                {t('checkedBefore.open')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
    </>
  );
}
