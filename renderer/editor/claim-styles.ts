/**
 * Colours each claim highlight by its verdict. The document's marks only carry claim ids, so
 * one constructed stylesheet maps ids to colours (CSP allows it; inline <style> it would not).
 */
import { useEffect, useMemo } from 'react';
import type { Claim } from '../../shared/model/claim';
import { findVerdict, type RatingScale } from '../../shared/model/rating-scale';
import { claimClassName } from '../../shared/editor-schema/claim-mark-base';
import { useReviewStore } from '../review/review-store';

/** Highlight colour of a claim without a verdict yet. */
export const UNRATED_COLOR = '#2f5fb3';

const sheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;
let adopted = false;

/** The colour a claim is shown in. */
export function claimColor(claim: Claim | undefined, scale: RatingScale | null): string {
  return (claim && scale && findVerdict(scale, claim.verdictId)?.color) || UNRATED_COLOR;
}


/** Keeps the stylesheet in step with the open review's verdicts and selected claim; renders nothing. */
export function ClaimStyles(): null {
  const claims = useReviewStore((state) => state.claims);
  const scale = useReviewStore((state) => state.scale);
  const selectedClaimId = useReviewStore((state) => state.selectedClaimId);
  const css = useMemo(() => {
    const rules = Object.values(claims).map(
      (claim) => `.${claimClassName(claim.id)}{--claim-color:${claimColor(claim, scale)}}`,
    );
    if (selectedClaimId) rules.push(`.${claimClassName(selectedClaimId)}{outline:2px solid var(--claim-color);outline-offset:1px;}`);
    return rules.join('\n');
  }, [claims, scale, selectedClaimId]);

  useEffect(() => {
    if (!sheet) return;
    if (!adopted) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      adopted = true;
    }
    sheet.replaceSync(css);
  }, [css]);
  return null;
}
