import { DEFAULT_LOCALE, LOCALES, type Locale } from '@techmatch/shared';
import { createI18n } from 'vue-i18n';
import en from './en.js';
import zhCN from './zh-CN.js';

const STORAGE_KEY = 'techmatch.locale';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.find((l) => l === stored) ?? DEFAULT_LOCALE;
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export type EnumKind = 'field' | 'county' | 'maturity' | 'transferMode' | 'ipType';

/** Label of a domain enum value: the Chinese term itself in zh-CN, its English name in en. */
export function enumLabel(kind: EnumKind, value: string): string {
  const key = `enums.${kind}.${value}`;
  return i18n.global.te(key) ? i18n.global.t(key) : value;
}
