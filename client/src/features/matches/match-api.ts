import {
  ListingMatchesSchema,
  MatchViewSchema,
  pageOf,
  type ListingMatches,
  type ListingType,
  type MatchView,
  type OwnerMatchAction,
  type Page,
} from '@techmatch/shared';
import type { z } from 'zod';
import { api, queryString } from '../../app/api.js';

export interface BoardFilters {
  page: number;
  minScore: number;
  field: string;
  county: string;
}

const MatchPageSchema = pageOf(MatchViewSchema) as z.ZodType<Page<MatchView>>;

export const matchApi = {
  forListing: (type: ListingType, id: string, includeDismissed: boolean): Promise<ListingMatches> =>
    api.get(`/${type}s/${id}/matches${queryString({ includeDismissed })}`, ListingMatchesSchema),
  mine: (filters: { page: number }): Promise<Page<MatchView>> =>
    api.get(`/matches/mine${queryString(filters)}`, MatchPageSchema),
  board: (filters: BoardFilters): Promise<Page<MatchView>> =>
    api.get(`/matches/board${queryString({ ...filters })}`, MatchPageSchema),
  act: (id: string, action: OwnerMatchAction): Promise<MatchView> =>
    api.post(`/matches/${id}/${action}`, MatchViewSchema),
  handle: (id: string): Promise<MatchView> => api.post(`/matches/${id}/handle`, MatchViewSchema),
};
