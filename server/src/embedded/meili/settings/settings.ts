import { MeiliError } from '../errors.js';
import type { Validator } from './validators.js';
import {
  arrayOf,
  at,
  boolean,
  isRecord,
  oneOf,
  partialObject,
  positiveInteger,
  recordOf,
  string,
} from './validators.js';

export interface FilterFeatures {
  facetSearch: boolean;
  filter: { equality: boolean; comparison: boolean };
}
export interface FilterableRule {
  attributePatterns: string[];
  features: FilterFeatures;
}
export interface TypoTolerance {
  enabled: boolean;
  minWordSizeForTypos: { oneTypo: number; twoTypos: number };
  disableOnWords: string[];
  disableOnAttributes: string[];
  disableOnNumbers: boolean;
}
export type FacetOrder = 'alpha' | 'count';
export interface LocalizedRule {
  attributePatterns: string[];
  locales: string[];
}

export interface Settings {
  displayedAttributes: string[];
  searchableAttributes: string[];
  filterableAttributes: (string | FilterableRule)[];
  sortableAttributes: string[];
  rankingRules: string[];
  stopWords: string[];
  nonSeparatorTokens: string[];
  separatorTokens: string[];
  dictionary: string[];
  synonyms: Record<string, string[]>;
  distinctAttribute: string | null;
  proximityPrecision: 'byWord' | 'byAttribute';
  typoTolerance: TypoTolerance;
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, FacetOrder> };
  pagination: { maxTotalHits: number };
  embedders: Record<string, unknown>;
  searchCutoffMs: number | null;
  localizedAttributes: LocalizedRule[] | null;
  facetSearch: boolean;
  prefixSearch: 'indexingTime' | 'disabled';
}

export type SettingName = keyof Settings;
export type SettingsPatch = { [K in SettingName]?: Settings[K] | null };

/** The v1.36+ default order, which v1.50 (the version docker-compose pins) keeps. */
export const DEFAULT_RANKING_RULES = [
  'words',
  'typo',
  'proximity',
  'attributeRank',
  'sort',
  'wordPosition',
  'exactness',
] as const;

export function defaultSettings(): Settings {
  return {
    displayedAttributes: ['*'],
    searchableAttributes: ['*'],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: [...DEFAULT_RANKING_RULES],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: 'byWord',
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
      disableOnNumbers: false,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits: 1000 },
    embedders: {},
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: 'indexingTime',
  };
}

const BUILT_IN_RULES = [
  'words',
  'typo',
  'proximity',
  'attribute',
  'attributeRank',
  'wordPosition',
  'sort',
  'exactness',
];

const rankingRule: Validator<string> = (value, path, code) => {
  const rule = string(value, path, code);
  if (BUILT_IN_RULES.includes(rule) || /^[^:\s]+:(asc|desc)$/.test(rule)) return rule;
  throw new MeiliError(
    code,
    `Invalid value at \`${path}\`: \`${rule}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, attributeRank, wordPosition, exactness and custom ranking rules.`,
  );
};

const filterFeatures = partialObject<{ facetSearch: boolean; filter: Partial<FilterFeatures['filter']> }>({
  facetSearch: boolean,
  filter: partialObject<FilterFeatures['filter']>({ equality: boolean, comparison: boolean }),
});

const filterableRule: Validator<string | FilterableRule> = (value, path, code) => {
  if (typeof value === 'string') return value;
  const rule = partialObject<{ attributePatterns: string[]; features: ReturnType<typeof filterFeatures> }>({
    attributePatterns: arrayOf(string),
    features: filterFeatures,
  })(value, path, code);
  return {
    attributePatterns: rule.attributePatterns ?? [],
    features: {
      facetSearch: rule.features?.facetSearch ?? false,
      filter: {
        equality: rule.features?.filter?.equality ?? true,
        comparison: rule.features?.filter?.comparison ?? false,
      },
    },
  };
};

const LOCALES = new Set(
  'af ak am ar az be bn bg ca cs da de el en eo et fi fr gu he hi hr hu hy id it jv ja kn ka km ko la lv lt ml mr mk my ne nl nb or pa fa pl pt ro ru si sk sl sn es sr sv ta te tl th tk tr uk ur uz vi yi zh zu afr aka amh ara aze bel ben bul cat ces dan deu ell eng epo est fin fra guj heb hin hrv hun hye ind ita jav jpn kan kat khm kor lat lav lit mal mar mkd mya nep nld nob ori pan pes pol por ron rus sin slk slv sna spa srp swe tam tel tgl tha tuk tur ukr urd uzb vie yid zho zul cmn'.split(
    ' ',
  ),
);

const locale: Validator<string> = (value, path, code) => {
  const name = string(value, path, code);
  if (LOCALES.has(name)) return name;
  throw new MeiliError(
    code,
    `Unknown value \`${name}\` at \`${path}\`: expected one of the ISO 639 locales.`,
  );
};

const localizedRule = (value: unknown, path: string, code: string): LocalizedRule => {
  const rule = partialObject<LocalizedRule>({ attributePatterns: arrayOf(string), locales: arrayOf(locale) })(
    value,
    path,
    code,
  );
  return { attributePatterns: rule.attributePatterns ?? [], locales: rule.locales ?? [] };
};

const typoTolerance = partialObject<
  Omit<TypoTolerance, 'minWordSizeForTypos'> & {
    minWordSizeForTypos: Partial<TypoTolerance['minWordSizeForTypos']>;
  }
>({
  enabled: boolean,
  minWordSizeForTypos: partialObject<TypoTolerance['minWordSizeForTypos']>({
    oneTypo: positiveInteger,
    twoTypos: positiveInteger,
  }),
  disableOnWords: arrayOf(string),
  disableOnAttributes: arrayOf(string),
  disableOnNumbers: boolean,
});

const embedders: Validator<Record<string, unknown>> = (value, path, code) => {
  if (!isRecord(value)) throw new MeiliError(code, `Invalid value type at \`${path}\`: expected an object.`);
  if (Object.keys(value).length > 0)
    throw new MeiliError(
      code,
      `Invalid value at \`${path}\`: embedders are not supported by this embedded service.`,
    );
  return {};
};

const searchCutoffMs: Validator<number> = (value, path, code) => positiveInteger(value, path, code);

/** One validator per setting; the HTTP layer uses them for `/settings` and for the sub-routes. */
export const SETTING_VALIDATORS: { [K in SettingName]: Validator<unknown> } = {
  displayedAttributes: arrayOf(string),
  searchableAttributes: arrayOf(string),
  filterableAttributes: arrayOf(filterableRule),
  sortableAttributes: arrayOf(string),
  rankingRules: arrayOf(rankingRule),
  stopWords: arrayOf(string),
  nonSeparatorTokens: arrayOf(string),
  separatorTokens: arrayOf(string),
  dictionary: arrayOf(string),
  synonyms: recordOf(arrayOf(string)),
  distinctAttribute: string,
  proximityPrecision: oneOf(['byWord', 'byAttribute']),
  typoTolerance,
  faceting: partialObject<{ maxValuesPerFacet: number; sortFacetValuesBy: Record<string, FacetOrder> }>({
    maxValuesPerFacet: positiveInteger,
    sortFacetValuesBy: recordOf(oneOf<FacetOrder>(['alpha', 'count'])),
  }),
  pagination: partialObject<{ maxTotalHits: number }>({ maxTotalHits: positiveInteger }),
  embedders,
  searchCutoffMs,
  localizedAttributes: arrayOf(localizedRule),
  facetSearch: boolean,
  prefixSearch: oneOf(['indexingTime', 'disabled']),
};

export const SETTING_NAMES = Object.keys(SETTING_VALIDATORS) as SettingName[];

export const settingErrorCode = (name: SettingName): string =>
  `invalid_settings_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** Validate one setting's raw value; `null` means "reset to default". */
export function validateSetting(name: SettingName, value: unknown, path: string): unknown {
  if (value === null) return null;
  return SETTING_VALIDATORS[name](value, path, settingErrorCode(name));
}

export function validateSettingsPatch(body: unknown): SettingsPatch {
  const patch = partialObject<Record<SettingName, unknown>>(
    Object.fromEntries(SETTING_NAMES.map((name) => [name, (v: unknown) => v])) as unknown as Record<
      SettingName,
      Validator<unknown>
    >,
  )(body, '', 'bad_request');
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch))
    out[name] = validateSetting(name as SettingName, value, at('', name));
  return out as SettingsPatch;
}
