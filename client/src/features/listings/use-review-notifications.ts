import type { ListingReviewedPayload } from '@techmatch/shared';
import { ElNotification } from 'element-plus';
import { onUnmounted } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { useSocketStore, type AppSocket } from '../../app/socket.js';
import { useAchievementsStore } from '../achievements/achievements.store.js';
import { useNeedsStore } from '../needs/needs.store.js';
import { listingPath } from './listing-paths.js';

/**
 * Tells the signed-in owner at once when the bureau has reviewed one of their listings, and refreshes whatever
 * of theirs is on screen. For the app shell: it listens for as long as the page lives.
 */
export function useReviewNotifications(): void {
  const { t } = useI18n();
  const router = useRouter();
  const stores = { achievement: useAchievementsStore(), need: useNeedsStore() };

  function onReviewed(review: ListingReviewedPayload): void {
    const published = review.status === 'published';
    const notification = ElNotification({
      type: published ? 'success' : 'warning',
      title: t(published ? 'listings.live.published' : 'listings.live.rejected'),
      message: published
        ? t('listings.live.publishedBody', { title: review.title })
        : t('listings.live.rejectedBody', { title: review.title, reason: review.reason ?? '' }),
      duration: published ? 6000 : 0,
      onClick: () => {
        notification.close();
        void router.push(listingPath(review.type, review.id));
      },
    });
    void stores[review.type].refreshAfterReview(review.id);
  }

  const unsubscribe = useSocketStore().subscribe(
    (socket: AppSocket) => socket.on('listing:reviewed', onReviewed),
    (socket: AppSocket) => socket.off('listing:reviewed', onReviewed),
  );
  onUnmounted(unsubscribe);
}
