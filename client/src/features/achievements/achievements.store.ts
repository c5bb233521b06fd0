import { defineStore } from 'pinia';
import { achievementApi } from '../listings/listing-api.js';
import { listingStore } from '../listings/listing-store.js';

/** 科技成果: search, the achievement on screen, my organisation's achievements and their lifecycle. */
export const useAchievementsStore = defineStore('achievements', () => listingStore(achievementApi));
