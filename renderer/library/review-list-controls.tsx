/** The library list's order and filters (title or outlet words, tag), remembered for the session. */
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSessionState } from '../app/session-state';
import { REVIEW_ORDERS, type ReviewFilter, type ReviewOrder } from './review-order';

const ListChoice = z.object({ order: z.enum(REVIEW_ORDERS), text: z.string(), tag: z.string() });
type ListChoice = z.infer<typeof ListChoice>;

/** The list's order and filter as the reviewer last set them in this session. */
export function useReviewListChoice(): [ListChoice, (next: ListChoice) => void] {
  return useSessionState('library.list', ListChoice, { order: 'updated', text: '', tag: '' });
}

export function ReviewListControls({ choice, tags, onChange }: { choice: ReviewFilter & { order: ReviewOrder }; tags: readonly string[]; onChange: (next: ListChoice) => void }) {
  const { t } = useTranslation();
  const orderLabel: Record<ReviewOrder, string> = {
    updated: t('libraryList.orderUpdated'),
    created: t('libraryList.orderCreated'),
    title: t('libraryList.orderTitle'),
    claims: t('libraryList.orderClaims'),
    false: t('libraryList.orderFalse'),
  };
  return (
    <div className="list-controls" role="group" aria-label={t('libraryList.controls')}>
      <label className="field">
        <span className="field-label">{t('libraryList.filter')}</span>
        <input type="search" value={choice.text} onChange={(event) => onChange({ ...choice, text: event.target.value })} dir="auto" placeholder={t('libraryList.filterPlaceholder')} />
      </label>
      <label className="field">
        <span className="field-label">{t('libraryList.tag')}</span>
        <select value={tags.includes(choice.tag) ? choice.tag : ''} onChange={(event) => onChange({ ...choice, tag: event.target.value })}>
          <option value="">{t('libraryList.anyTag')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('libraryList.sort')}</span>
        <select value={choice.order} onChange={(event) => onChange({ ...choice, order: REVIEW_ORDERS.find((order) => order === event.target.value) ?? 'updated' })}>
          {REVIEW_ORDERS.map((order) => (
            <option key={order} value={order}>
              {orderLabel[order]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
