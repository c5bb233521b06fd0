import type {
  Contract,
  ContractPage,
  ContractTotals,
  ImportMode,
  ImportProgress,
  ImportReport,
  Publicity,
  RegistrationInput,
  ReturnDecision,
} from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ApiError } from '../../app/api.js';
import { useSocketStore } from '../../app/socket.js';
import { pagedList } from '../../ui/paged-list.js';
import { errorCode } from '../listings/listing-store.js';
import { contractApi, type ContractFilters } from './contract-api.js';

/** The staff console: the filtered contract list with its totals, registration decisions, Excel import. */
export const useContractsStore = defineStore('contracts', () => {
  const list = pagedList<ContractFilters, Contract>({ page: 1 }, contractApi.list);
  const totals = ref<ContractTotals | null>(null);
  const error = ref<string | null>(null);
  const socketStore = useSocketStore();
  const importing = ref(false);
  const importProgress = ref<ImportProgress | null>(null);
  const importReport = ref<ImportReport | null>(null);

  async function load(): Promise<void> {
    try {
      await list.load();
      totals.value = (list.page.value as ContractPage | null)?.totals ?? null;
      error.value = null;
    } catch (e) {
      error.value = errorCode(e);
    }
  }

  function resetFilters(year?: number): Promise<void> {
    const cleared = Object.fromEntries(Object.keys(list.filters).map((key) => [key, undefined]));
    Object.assign(list.filters, cleared, { page: 1, year });
    return load();
  }

  /** Runs a decision on one contract, then refreshes the list; answers the updated contract. */
  async function decide(action: () => Promise<Contract>): Promise<Contract> {
    const updated = await action();
    await load();
    return updated;
  }

  const register = (id: string, input: RegistrationInput) => decide(() => contractApi.register(id, input));
  const returnContract = (id: string, input: ReturnDecision) =>
    decide(() => contractApi.returnContract(id, input));
  const voidContract = (id: string, reason: string) => decide(() => contractApi.voidContract(id, { reason }));
  const setPublicity = (id: string, publicity: Publicity) =>
    decide(() => contractApi.setPublicity(id, publicity));

  async function importFile(file: File, mode: ImportMode): Promise<void> {
    importing.value = true;
    importReport.value = null;
    importProgress.value = null;
    const onProgress = (progress: ImportProgress) => (importProgress.value = progress);
    const stopListening = socketStore.subscribe(
      (socket) => socket.on('contracts:import_progress', onProgress),
      (socket) => socket.off('contracts:import_progress', onProgress),
    );
    try {
      importReport.value = await contractApi.importFile(file, mode);
      await load();
    } catch (e) {
      // A rejected import answers its report as the error's details.
      if (e instanceof ApiError && e.code === 'IMPORT_REJECTED')
        importReport.value = e.details as ImportReport;
      else throw e;
    } finally {
      stopListening();
      importing.value = false;
    }
  }

  return {
    ...list,
    load,
    totals,
    error,
    resetFilters,
    register,
    returnContract,
    voidContract,
    setPublicity,
    importing,
    importProgress,
    importReport,
    importFile,
  };
});
