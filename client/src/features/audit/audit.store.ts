import { AuditEntrySchema, pageOf } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { api, queryString } from '../../app/api.js';
import { pagedList } from '../../ui/paged-list.js';

const AuditPageSchema = pageOf(AuditEntrySchema);

export const useAuditStore = defineStore('audit', () =>
  pagedList({ targetType: '', targetId: '', action: '', from: '', to: '', page: 1 }, (filters) =>
    api.get(`/audit${queryString(filters)}`, AuditPageSchema),
  ),
);
