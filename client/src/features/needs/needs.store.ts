import { defineStore } from 'pinia';
import { needApi } from '../listings/listing-api.js';
import { listingStore } from '../listings/listing-store.js';

/** 技术需求 and 揭榜挂帅: search, the need on screen, my organisation's needs and their lifecycle. */
export const useNeedsStore = defineStore('needs', () => listingStore(needApi));
