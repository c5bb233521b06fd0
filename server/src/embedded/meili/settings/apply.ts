import { MeiliError } from '../errors.js';
import type { Settings, SettingsPatch, TypoTolerance } from './settings.js';
import { defaultSettings } from './settings.js';

const sortedUnique = (values: string[]): string[] => [...new Set(values)].sort();
const wildcardCollapse = (values: string[]): string[] =>
  values.includes('*') ? ['*'] : [...new Set(values)];

/** Settings whose change means every document must be tokenised again. */
const TOKENISATION_SETTINGS = [
  'searchableAttributes',
  'dictionary',
  'separatorTokens',
  'nonSeparatorTokens',
] as const;
/** Settings whose change means the facet index must be rebuilt. */
const FACET_SETTINGS = ['filterableAttributes', 'sortableAttributes', 'distinctAttribute'] as const;

export interface SettingsChange {
  settings: Settings;
  retokenise: boolean;
  refacet: boolean;
}

type PatchValue = Partial<TypoTolerance> & {
  minWordSizeForTypos?: Partial<TypoTolerance['minWordSizeForTypos']>;
};

function mergeTypoTolerance(current: TypoTolerance, patch: PatchValue): TypoTolerance {
  const merged: TypoTolerance = {
    ...current,
    ...patch,
    minWordSizeForTypos: { ...current.minWordSizeForTypos, ...patch.minWordSizeForTypos },
    disableOnWords: sortedUnique(patch.disableOnWords ?? current.disableOnWords),
    disableOnAttributes: sortedUnique(patch.disableOnAttributes ?? current.disableOnAttributes),
  };
  const { oneTypo, twoTypos } = merged.minWordSizeForTypos;
  if (oneTypo > 255 || twoTypos > 255 || twoTypos < oneTypo) {
    throw new MeiliError(
      'invalid_settings_typo_tolerance',
      `\`minWordSizeForTypos\` setting is invalid. \`oneTypo\` and \`twoTypos\` fields should be between \`0\` and \`255\`, and \`twoTypos\` should be greater or equals to \`oneTypo\` but found \`oneTypo: ${oneTypo}\` and twoTypos: ${twoTypos}\`.`,
    );
  }
  return merged;
}

function normaliseSynonyms(synonyms: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(synonyms).sort()) out[key] = [...new Set(synonyms[key])];
  return out;
}

/** The value a setting takes when a patch sets it, after Meilisearch's normalisation. */
function normalisedValue(name: keyof Settings, value: unknown, current: Settings): unknown {
  switch (name) {
    case 'displayedAttributes':
    case 'searchableAttributes':
      return wildcardCollapse(value as string[]);
    case 'sortableAttributes':
    case 'stopWords':
    case 'dictionary':
    case 'separatorTokens':
    case 'nonSeparatorTokens':
      return sortedUnique(value as string[]);
    case 'synonyms':
      return normaliseSynonyms(value as Record<string, string[]>);
    case 'typoTolerance':
      return mergeTypoTolerance(current.typoTolerance, value as PatchValue);
    case 'faceting': {
      const patch = value as Partial<Settings['faceting']>;
      return {
        maxValuesPerFacet: patch.maxValuesPerFacet ?? current.faceting.maxValuesPerFacet,
        sortFacetValuesBy: {
          '*': 'alpha',
          ...(patch.sortFacetValuesBy ?? current.faceting.sortFacetValuesBy),
        },
      };
    }
    case 'pagination':
      return { ...current.pagination, ...(value as object) };
    default:
      return value;
  }
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): SettingsChange {
  const defaults = defaultSettings();
  const next: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
    next[name] = value === null ? defaults[name] : normalisedValue(name, value, current);
  }
  const settings = next as unknown as Settings;
  const changed = (name: keyof Settings) => JSON.stringify(settings[name]) !== JSON.stringify(current[name]);
  return {
    settings,
    retokenise: TOKENISATION_SETTINGS.some(changed),
    refacet: FACET_SETTINGS.some(changed),
  };
}
