import { localizeValidationMessage, type Locale } from '@techmatch/shared';
import { computed, reactive, ref, watch, type Ref } from 'vue';
import { z } from 'zod';
import { ApiError } from '../../app/api.js';
import { currentLocale, i18n } from '../../app/i18n/index.js';

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

/** Plain words for what forms meet most (an empty or too short text, nothing ticked); zod's own for the rest. */
function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const { t } = i18n.global;
  if (issue.input === '') return t('common.validation.required');
  if (issue.code !== 'too_small') return undefined;
  const min = Number(issue.minimum);
  if (issue.origin === 'string') return t('common.validation.tooShort', { min });
  if (issue.origin === 'array') return t('common.validation.chooseAtLeast', { min });
  return undefined;
}

const localeError = (locale: Locale) => (issue: z.core.$ZodRawIssue) =>
  friendlyMessage(issue) ?? zodLocales[locale].localeError(issue);

type FieldErrors = Record<string, string>;

/** A client-side rule the schema cannot state (e.g. "this text is not an amount"), with a localized message. */
export interface FormIssue {
  path: string;
  message: string;
}

function issuesToErrors(issues: { path: PropertyKey[]; message: string }[], locale: Locale): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= localizeValidationMessage(issue.message, locale);
  }
  return errors;
}

/**
 * A form driven by a shared zod schema: the same rules as the API, checked as the user types, with messages
 * in the UI language. Server-side issues (`body.x.y`) land on the same fields.
 */
export function useZodForm<S extends z.ZodType, M extends object>(
  schema: S,
  initial: M,
  /** Turns what the widgets hold into the schema's input (e.g. an empty optional field into null). */
  prepare: (model: M) => unknown = (model) => model,
  /** Checks of what the widgets hold before `prepare`; their messages take precedence on their fields. */
  check: (model: M) => FormIssue[] = () => [],
) {
  const model = reactive(structuredClone(initial)) as M;
  const errors: Ref<FieldErrors> = ref({});
  const submitted = ref(false);
  const formError = ref<string | null>(null);

  function validate(): z.output<S> | null {
    const locale = currentLocale();
    const widgetIssues = check(model);
    const result = schema.safeParse(prepare(model), { error: localeError(locale) });
    errors.value = {
      ...(result.success ? {} : issuesToErrors(result.error.issues, locale)),
      ...Object.fromEntries(widgetIssues.map((issue) => [issue.path, issue.message])),
    };
    return result.success && widgetIssues.length === 0 ? result.data : null;
  }

  /** Validates, then runs `action` with the parsed values; API errors are shown on the form. */
  async function submit<T>(action: (values: z.output<S>) => Promise<T>): Promise<T | null> {
    submitted.value = true;
    formError.value = null;
    const values = validate();
    if (!values) return null;
    try {
      return await action(values);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
      if (error.code === 'VALIDATION_FAILED' && issues) {
        errors.value = Object.fromEntries(
          issues.map((i) => [
            i.path.replace(/^body\./, ''),
            localizeValidationMessage(i.message, currentLocale()),
          ]),
        );
      }
      formError.value = error.code;
      return null;
    }
  }

  // After the first submit attempt, messages follow the user's corrections as they type.
  watch(model as object, () => submitted.value && validate(), { deep: true });

  /** The message to show under a field, once the user has tried to submit. */
  const errorOf = computed(() => (field: string) => (submitted.value ? errors.value[field] : undefined));

  /** The first message about a list field or any of its items (`keywords`, `keywords.3`). */
  const errorWithin = computed(() => (field: string) => {
    if (!submitted.value) return undefined;
    const key = Object.keys(errors.value).find((k) => k === field || k.startsWith(`${field}.`));
    return key === undefined ? undefined : errors.value[key];
  });

  return { model, errors, errorOf, errorWithin, formError, validate, submit };
}
