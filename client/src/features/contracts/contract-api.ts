import {
  AnnualTargetSchema,
  ContractPageSchema,
  ContractPrefillSchema,
  ContractSchema,
  DashboardSnapshotSchema,
  FunnelSchema,
  ImportReportSchema,
  StatisticsSchema,
  type AnnualTargetInput,
  type ContractInput,
  type ContractQuery,
  type Correction,
  type FunnelQuery,
  type ImportMode,
  type Publicity,
  type RegistrationInput,
  type ReturnDecision,
  type StatisticsQuery,
  type VoidDecision,
} from '@techmatch/shared';
import { api, queryString } from '../../app/api.js';

export type ContractFilters = Partial<Omit<ContractQuery, 'sort'>> & { page: number };

const statisticsQuery = (query: Pick<StatisticsQuery, 'from' | 'to'>) => queryString(query);

/** Every contract, dashboard, statistics and target call the client makes. */
export const contractApi = {
  list: (filters: ContractFilters) => api.get(`/contracts${queryString(filters)}`, ContractPageSchema),
  get: (id: string) => api.get(`/contracts/${id}`, ContractSchema),
  prefill: (inquiryId: string) =>
    api.get(`/contracts/prefill${queryString({ inquiry: inquiryId })}`, ContractPrefillSchema),
  create: (input: ContractInput) => api.post('/contracts', ContractSchema, input),
  update: (id: string, input: ContractInput) => api.put(`/contracts/${id}`, ContractSchema, input),
  submit: (id: string) => api.post(`/contracts/${id}/submit`, ContractSchema),
  register: (id: string, input: RegistrationInput) =>
    api.post(`/contracts/${id}/register`, ContractSchema, input),
  returnContract: (id: string, input: ReturnDecision) =>
    api.post(`/contracts/${id}/return`, ContractSchema, input),
  voidContract: (id: string, input: VoidDecision) => api.post(`/contracts/${id}/void`, ContractSchema, input),
  setPublicity: (id: string, publicity: Publicity) =>
    api.put(`/contracts/${id}/publicity`, ContractSchema, publicity),
  correct: (id: string, input: Correction) => api.post(`/contracts/${id}/correct`, ContractSchema, input),
  importFile: (file: File, mode: ImportMode) => {
    const form = new FormData();
    form.append('file', file);
    return api.post(`/contracts/import${queryString({ mode })}`, ImportReportSchema, form);
  },
  exportUrl: (filters: ContractFilters) =>
    `/api/contracts/export.xlsx${queryString({ ...filters, page: undefined })}`,
  templateUrl: '/api/contracts/import-template.xlsx',
  dashboard: (year?: number) => api.get(`/dashboard${queryString({ year })}`, DashboardSnapshotSchema),
  statistics: (query: Pick<StatisticsQuery, 'from' | 'to'>) =>
    api.get(`/statistics${statisticsQuery(query)}`, StatisticsSchema),
  statisticsExportUrl: (query: Pick<StatisticsQuery, 'from' | 'to'>) =>
    `/api/statistics/export.xlsx${statisticsQuery(query)}`,
  funnel: (query: FunnelQuery) => api.get(`/statistics/funnel${queryString(query)}`, FunnelSchema),
  target: (year: number) => api.get(`/targets/${year}`, AnnualTargetSchema),
  saveTarget: (year: number, input: AnnualTargetInput) =>
    api.put(`/targets/${year}`, AnnualTargetSchema, input),
};
