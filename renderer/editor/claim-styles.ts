/**
 * Colours each claim highlight by its verdict. The document's marks only carry claim ids, so
 * one constructed stylesheet maps ids to colours (CSP allows it; inline <style> it would not).
 */
import { useEffect, useMemo } from 'react';
import type { Claim } from '../../shared/model/claim';
import { findVerdict, type RatingScale } from '../../shared/model/rating-scale';

/** Highlight colour of a claim without a verdict yet. */
export const UNRATED_COLOR = '#2f5fb3';

const sheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : undefined;
let adopted = false;

/** The colour a claim is shown in. */
export function claimColor(claim: Claim | undefined, scale: RatingScale | null): string {
  return (claim && scale && findVerdict(scale, claim.verdictId)?.color) || UNRATED_COLOR;
}

function cssString(value: string): string {
  return `"${value.replace(/["\\\n]/g, '')}"`;
}

/** Keeps the stylesheet in step with the claims' verdicts and the selected claim. */
export function useClaimStyles(claims: Record<string, Claim>, scale: RatingScale | null, selectedClaimId: string | null): void {
  const css = useMemo(() => {
    const rules = Object.values(claims).map(
      (claim) => `.claim[data-claim-id=${cssString(claim.id)}]{--claim-color:${claimColor(claim, scale)}}`,
    );
    if (selectedClaimId) rules.push(`.claim[data-claim-id=${cssString(selectedClaimId)}]{--claim-selected:1;outline:2px solid var(--claim-color);outline-offset:1px;}`);
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
}
