import { HealthResponseSchema, type HealthResponse } from '@techmatch/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, ApiError } from '../../app/api.js';

export const useHealthStore = defineStore('health', () => {
  const health = ref<HealthResponse | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      health.value = await api.get('/health', HealthResponseSchema);
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError('INTERNAL', 0, String(e));
    } finally {
      loading.value = false;
    }
  }

  return { health, loading, error, load };
});
