import { todayInChina, type AchievementHit, type NeedHit } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import { achievementApi, needApi } from '../listings/listing-api.js';
import { errorCode } from '../listings/listing-store.js';

/** One block of the portal home: its listings, or why they could not be loaded. */
function section<H>(fetch: () => Promise<{ hits: H[] }>) {
  const hits = ref([]) as Ref<H[]>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      hits.value = (await fetch()).hits;
    } catch (e) {
      error.value = errorCode(e);
    } finally {
      loading.value = false;
    }
  }
  return { hits, loading, error, load };
}

/** The portal home: newest achievements and needs, and the 揭榜挂帅 challenges still taking applications. */
export const useHomeStore = defineStore('home', () => {
  const achievements = section<AchievementHit>(() => achievementApi.search({ sort: 'newest', pageSize: 5 }));
  const needs = section<NeedHit>(() => needApi.search({ sort: 'newest', kind: 'general', pageSize: 5 }));
  const challenges = section<NeedHit>(() =>
    needApi.search({ sort: 'newest', kind: 'challenge', openOn: todayInChina(), pageSize: 3 }),
  );
  const loadAll = () => Promise.all([achievements.load(), needs.load(), challenges.load()]);
  return { achievements, needs, challenges, loadAll };
});
