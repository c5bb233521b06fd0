import { listingActionAllowed, type ListingStatus, type ListingType } from '@techmatch/shared';
import { ElMessage } from 'element-plus';
import { computed, onMounted, ref, type ComputedRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import type { z } from 'zod';
import { useZodForm, type FormIssue } from '../../ui/forms/use-zod-form.js';
import type { ListingFormBase } from './listing-form.js';
import { errorCode } from './listing-store.js';
import { listingPath } from './listing-paths.js';

/** What the form frame (`ListingFormShell`) shows and drives of a listing form. */
export interface ListingFormState {
  form: {
    model: ListingFormBase;
    errorOf: ComputedRef<(field: string) => string | undefined>;
    errorWithin: ComputedRef<(field: string) => string | undefined>;
    formError: Ref<string | null>;
  };
  save(andSubmit: boolean): Promise<void>;
  saving: Ref<'draft' | 'submit' | null>;
  loading: Ref<boolean>;
  loadError: Ref<string | null>;
  submitProblem: Ref<string | null>;
  savedId: Ref<string | null>;
  status: Ref<ListingStatus | null>;
  editable: ComputedRef<boolean>;
  canSubmit: ComputedRef<boolean>;
}

interface ListingFormStore<L, I> {
  load(id: string): Promise<L | null>;
  save(id: string | null, input: I): Promise<L>;
  submit(id: string): Promise<L>;
  currentError: string | null;
}

/**
 * The post/edit form of a listing kind: loads the listing to edit, validates with the kind's input schema,
 * saves a draft (or the changes) and optionally submits it for review. When submitting is refused (e.g. the
 * organisation is not verified yet) the saved draft stays, and the form says why.
 */
export function useListingForm<
  M extends ListingFormBase,
  L extends { id: string; status: ListingStatus },
  I,
>(options: {
  type: ListingType;
  id: string | undefined;
  schema: z.ZodType<I>;
  empty: M;
  fromListing: (listing: L) => M;
  prepare: (model: M) => unknown;
  check: (model: M) => FormIssue[];
  store: ListingFormStore<L, I>;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const form = useZodForm(options.schema, options.empty, options.prepare, options.check);
  const savedId = ref<string | null>(options.id ?? null);
  const status = ref<ListingStatus | null>(null);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const saving = ref<'draft' | 'submit' | null>(null);
  const submitProblem = ref<string | null>(null);

  onMounted(async () => {
    if (!options.id) return;
    loading.value = true;
    const listing = await options.store.load(options.id);
    loading.value = false;
    if (!listing) {
      loadError.value = options.store.currentError ?? 'NOT_FOUND';
      return;
    }
    status.value = listing.status;
    Object.assign(form.model, options.fromListing(listing));
  });

  const editable = computed(() => status.value === null || listingActionAllowed('edit', status.value));
  const canSubmit = computed(() => status.value === null || listingActionAllowed('submit', status.value));

  async function save(andSubmit: boolean): Promise<void> {
    submitProblem.value = null;
    saving.value = andSubmit ? 'submit' : 'draft';
    try {
      const saved = await form.submit((values) => options.store.save(savedId.value, values as I));
      if (!saved) return;
      savedId.value = saved.id;
      status.value = saved.status;
      if (andSubmit) {
        try {
          await options.store.submit(saved.id);
        } catch (error) {
          submitProblem.value = errorCode(error);
          return;
        }
      }
      ElMessage.success(t(andSubmit ? 'listings.form.submitted' : 'listings.form.saved'));
      await router.push(listingPath(options.type, saved.id));
    } finally {
      saving.value = null;
    }
  }

  return {
    form,
    model: form.model,
    errorOf: form.errorOf,
    errorWithin: form.errorWithin,
    save,
    saving,
    loading,
    loadError,
    submitProblem,
    savedId,
    status,
    editable,
    canSubmit,
  };
}
