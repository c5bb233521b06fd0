import {
  ApplicationSchema,
  pageOf,
  type Application,
  type ApplicationDecision,
  type ApplicationInput,
  type ApplicationStatus,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, queryString } from '../../app/api.js';
import { pagedList } from '../../ui/paged-list.js';

const ApplicationPageSchema = pageOf(ApplicationSchema);

/** 揭榜申请: a team's applications, a challenge's applications (its firm's board), applying and deciding. */
export const useApplicationsStore = defineStore('applications', () => {
  const mine = pagedList({ status: '' as ApplicationStatus | '', page: 1 }, (filters) =>
    api.get(`/applications/mine${queryString(filters)}`, ApplicationPageSchema),
  );

  /** The board shows one challenge's applications, all of them at once (a challenge draws a few dozen). */
  const challengeId = ref<string | null>(null);
  const board = pagedList({ page: 1, pageSize: 100 }, (filters) =>
    api.get(`/needs/${challengeId.value}/applications${queryString(filters)}`, ApplicationPageSchema),
  );

  function loadBoard(id: string): Promise<void> {
    if (challengeId.value !== id) board.page.value = null;
    challengeId.value = id;
    return board.load();
  }

  const apply = (needId: string, input: ApplicationInput) =>
    api.post(`/needs/${needId}/applications`, ApplicationSchema, input);

  async function decide(id: string, decision: ApplicationDecision): Promise<Application> {
    const updated = await api.post(`/applications/${id}/decision`, ApplicationSchema, decision);
    await board.load();
    return updated;
  }

  return { mine, board, loadBoard, apply, decide };
});
