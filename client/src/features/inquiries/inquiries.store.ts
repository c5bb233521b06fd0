import {
  InquirySchema,
  InquirySummarySchema,
  pageOf,
  type Inquiry,
  type InquiryDecision,
  type InquiryOpenInput,
  type InquiryStatus,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, queryString } from '../../app/api.js';
import { newestLoads } from '../../ui/newest.js';
import { pagedList } from '../../ui/paged-list.js';
import { errorCode } from '../listings/listing-store.js';

const InquiryPageSchema = pageOf(InquirySummarySchema);

/** 意向洽谈: my inquiries (all of them, for the bureau), the one on screen and its status changes. */
export const useInquiriesStore = defineStore('inquiries', () => {
  const list = pagedList(
    { status: '' as InquiryStatus | '', scope: 'mine' as 'mine' | 'all', page: 1 },
    (filters) => api.get(`/inquiries${queryString(filters)}`, InquiryPageSchema),
  );

  const current = ref<Inquiry | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const loadNewest = newestLoads(loading);

  /** Opens one inquiry; going from one inquiry to another quickly never shows the first one's answer. */
  async function load(id: string): Promise<void> {
    error.value = null;
    if (current.value?.id !== id) current.value = null;
    try {
      const loaded = await loadNewest(() => api.get(`/inquiries/${id}`, InquirySchema));
      if (loaded) current.value = loaded.value;
    } catch (e) {
      error.value = errorCode(e);
    }
  }

  const changed = (inquiry: Inquiry) => (current.value = inquiry);
  const post = (path: string, body?: unknown) => api.post(path, InquirySchema, body).then(changed);

  const open = (input: InquiryOpenInput) => api.post('/inquiries', InquirySchema, input);
  const decide = (id: string, decision: InquiryDecision) => post(`/inquiries/${id}/decision`, decision);
  const close = (id: string, reason: string) => post(`/inquiries/${id}/close`, { reason });
  const agree = (id: string) => post(`/inquiries/${id}/agree`);
  const joinAsBroker = (id: string) => post(`/inquiries/${id}/brokers`);

  return { list, current, loading, error, load, open, decide, close, agree, joinAsBroker };
});
