/** On hover over highlights, lists every claim under the pointer, so overlapping claims stay readable. */
import { useEffect, useState } from 'react';
import { claimIdsAround } from '../editor/article-editor';
import { VerdictBadge } from '../claims/verdict-badge';
import { useReviewStore } from './review-store';

interface HoverState {
  ids: string[];
  x: number;
  y: number;
}

export function ClaimHoverCard() {
  const [hover, setHover] = useState<HoverState | null>(null);
  const claims = useReviewStore((state) => state.claims);
  const placements = useReviewStore((state) => state.placements);
  const scale = useReviewStore((state) => state.scale);

  useEffect(() => {
    let frame = 0;
    const onMove = (event: MouseEvent): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const ids = claimIdsAround(event.target);
        setHover((previous) =>
          ids.length === 0 ? null : previous && previous.ids.join() === ids.join() ? previous : { ids, x: event.clientX, y: event.clientY },
        );
      });
    };
    const container = document.querySelector('.article-pane');
    container?.addEventListener('mousemove', onMove as EventListener);
    container?.addEventListener('mouseleave', () => setHover(null));
    return () => {
      cancelAnimationFrame(frame);
      container?.removeEventListener('mousemove', onMove as EventListener);
    };
  }, []);

  if (!hover) return null;
  return (
    <div className="claim-hover-card" style={{ left: hover.x + 12, top: hover.y + 16 }} aria-hidden="true">
      {hover.ids.map((id) => {
        const claim = claims[id];
        const index = placements.findIndex((placement) => placement.claimId === id);
        const quote = placements[index]?.quote ?? '';
        return claim ? (
          <div key={id} className="hover-row">
            <span className="claim-number">#{index + 1}</span>
            <VerdictBadge claim={claim} scale={scale} />
            <span className="hover-quote" dir="auto">
              {quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}
            </span>
          </div>
        ) : null;
      })}
    </div>
  );
}
