import {
  OrganisationSchema,
  UserSchema,
  pageOf,
  type Organisation,
  type OrganisationUpdate,
  type Page,
  type User,
  type VerificationDecision,
  type VerificationStatus,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { api, queryString } from '../../app/api.js';
import { newestLoads } from '../../ui/newest.js';

const OrganisationPageSchema = pageOf(OrganisationSchema);

export const useOrganisationsStore = defineStore('organisations', () => {
  const mine = ref<Organisation | null>(null);
  const members = ref<User[]>([]);
  const queue = ref<Page<Organisation> | null>(null);
  const loading = ref(false);

  async function loadMine(id: string): Promise<void> {
    loading.value = true;
    try {
      [mine.value, members.value] = await Promise.all([
        api.get(`/organisations/${id}/details`, OrganisationSchema),
        api.get(`/organisations/${id}/members`, z.array(UserSchema)),
      ]);
    } finally {
      loading.value = false;
    }
  }

  async function updateMine(id: string, patch: OrganisationUpdate): Promise<void> {
    mine.value = await api.patch(`/organisations/${id}`, OrganisationSchema, patch);
  }

  async function decideMember(organisationId: string, userId: string, decision: 'active' | 'rejected') {
    const updated = await api.post(
      `/organisations/${organisationId}/members/${userId}/decision`,
      UserSchema,
      {
        decision,
      },
    );
    members.value = members.value.map((m) => (m.id === userId ? updated : m));
  }

  const loadNewestQueue = newestLoads(loading);

  /** The verification queue; switching status or page quickly never shows an earlier selection's answer. */
  async function loadQueue(status: VerificationStatus | undefined, page: number): Promise<void> {
    const path = `/organisations${queryString({ status, page })}`;
    const loaded = await loadNewestQueue(() => api.get(path, OrganisationPageSchema));
    if (loaded) queue.value = loaded.value;
  }

  async function review(id: string, decision: VerificationDecision): Promise<Organisation> {
    return api.post(`/organisations/${id}/verification`, OrganisationSchema, decision);
  }

  return { mine, members, queue, loading, loadMine, updateMine, decideMember, loadQueue, review };
});
