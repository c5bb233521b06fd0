import {
  AchievementSchema,
  AchievementSearchResultSchema,
  NeedSchema,
  NeedSearchResultSchema,
  pageOf,
  type Achievement,
  type AchievementInput,
  type AchievementSearchResult,
  type ListingStatus,
  type Need,
  type NeedInput,
  type NeedSearchResult,
  type Page,
  type ReviewDecision,
} from '@techmatch/shared';
import { z } from 'zod';
import { api, queryString } from '../../app/api.js';

export type SearchParams = Record<string, string | number | boolean | undefined>;

export interface MineFilters {
  status: ListingStatus | '';
  page: number;
}

/** The API of one listing kind: its search, and the lifecycle routes both kinds share. */
export interface ListingApi<Listing, Result, Input> {
  search(params: SearchParams): Promise<Result>;
  get(id: string): Promise<Listing>;
  mine(filters: MineFilters): Promise<Page<Listing>>;
  reviewQueue(filters: { page: number }): Promise<Page<Listing>>;
  create(input: Input): Promise<Listing>;
  update(id: string, input: Input): Promise<Listing>;
  submit(id: string): Promise<Listing>;
  review(id: string, decision: ReviewDecision): Promise<Listing>;
  close(id: string): Promise<Listing>;
  remove(id: string): Promise<void>;
}

function listingApi<Listing, Result, Input>(
  base: string,
  listing: z.ZodType<Listing>,
  result: z.ZodType<Result>,
): ListingApi<Listing, Result, Input> {
  const page = pageOf(listing) as z.ZodType<Page<Listing>>;
  return {
    search: (params) => api.get(`/${base}/search${queryString(params)}`, result),
    get: (id) => api.get(`/${base}/${id}`, listing),
    mine: (filters) => api.get(`/${base}/mine${queryString({ ...filters })}`, page),
    reviewQueue: (filters) => api.get(`/${base}/review-queue${queryString(filters)}`, page),
    create: (input) => api.post(`/${base}`, listing, input),
    update: (id, input) => api.put(`/${base}/${id}`, listing, input),
    submit: (id) => api.post(`/${base}/${id}/submit`, listing),
    review: (id, decision) => api.post(`/${base}/${id}/review`, listing, decision),
    close: (id) => api.post(`/${base}/${id}/close`, listing),
    remove: (id) => api.delete(`/${base}/${id}`, z.undefined()),
  };
}

export const achievementApi = listingApi<Achievement, AchievementSearchResult, AchievementInput>(
  'achievements',
  AchievementSchema,
  AchievementSearchResultSchema,
);

export const needApi = listingApi<Need, NeedSearchResult, NeedInput>(
  'needs',
  NeedSchema,
  NeedSearchResultSchema,
);
