import { MeiliError, invalidType, unknownField } from '../errors.js';
import { assertFilterType, type FilterParam } from '../filter/evaluate.js';

export type MatchingStrategy = 'last' | 'all' | 'frequency';

export interface SearchQuery {
  q: string | null;
  offset?: number;
  limit?: number;
  page?: number;
  hitsPerPage?: number;
  attributesToRetrieve?: string[];
  attributesToCrop?: string[];
  cropLength?: number;
  cropMarker?: string;
  attributesToHighlight?: string[];
  highlightPreTag?: string;
  highlightPostTag?: string;
  showMatchesPosition?: boolean;
  showRankingScore?: boolean;
  showRankingScoreDetails?: boolean;
  showPerformanceDetails?: boolean;
  filter?: FilterParam | null;
  sort?: string[];
  distinct?: string;
  facets?: string[];
  matchingStrategy?: MatchingStrategy;
  attributesToSearchOn?: string[];
  rankingScoreThreshold?: number;
  locales?: string[];
  retrieveVectors?: boolean;
}

type Kind = 'string' | 'int' | 'bool' | 'strings' | 'score' | 'filter' | 'strategy' | 'unsupported';

const FIELDS: Record<keyof SearchQuery | 'vector' | 'hybrid' | 'media' | 'personalize' | 'useNetwork', Kind> =
  {
    q: 'string',
    offset: 'int',
    limit: 'int',
    page: 'int',
    hitsPerPage: 'int',
    attributesToRetrieve: 'strings',
    attributesToCrop: 'strings',
    cropLength: 'int',
    cropMarker: 'string',
    attributesToHighlight: 'strings',
    highlightPreTag: 'string',
    highlightPostTag: 'string',
    showMatchesPosition: 'bool',
    showRankingScore: 'bool',
    showRankingScoreDetails: 'bool',
    showPerformanceDetails: 'bool',
    filter: 'filter',
    sort: 'strings',
    distinct: 'string',
    facets: 'strings',
    matchingStrategy: 'strategy',
    attributesToSearchOn: 'strings',
    rankingScoreThreshold: 'score',
    locales: 'strings',
    retrieveVectors: 'bool',
    vector: 'unsupported',
    hybrid: 'unsupported',
    media: 'unsupported',
    personalize: 'unsupported',
    useNetwork: 'unsupported',
  };

export const SEARCH_FIELDS = Object.keys(FIELDS);

const codeFor = (name: string) => `invalid_search_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
const EXPECTED: Record<Kind, string> = {
  string: 'a string',
  int: 'a positive integer',
  bool: 'a boolean',
  strings: 'an array',
  score: 'a number between 0.0 and 1.0',
  filter: '',
  strategy: '',
  unsupported: '',
};

function checkValue(name: string, kind: Kind, value: unknown, path: string): unknown {
  const code = codeFor(name);
  const fail = () => invalidType(code, path, EXPECTED[kind], value);
  switch (kind) {
    case 'string':
      if (value !== null && typeof value !== 'string') throw fail();
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw fail();
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw fail();
      return value;
    case 'strings':
      if (!Array.isArray(value)) throw fail();
      value.forEach((element, index) => {
        if (typeof element !== 'string') throw invalidType(code, `${path}[${index}]`, 'a string', element);
      });
      return value;
    case 'score':
      if (typeof value !== 'number' || value < 0 || value > 1) {
        throw new MeiliError(
          code,
          `Invalid value at \`${path}\`: the value of \`rankingScoreThreshold\` is invalid, expected a float between \`0.0\` and \`1.0\`.`,
        );
      }
      return value;
    case 'filter':
      assertFilterType(value, code);
      return value;
    case 'strategy':
      if (value !== 'last' && value !== 'all' && value !== 'frequency') {
        throw new MeiliError(
          code,
          `Unknown value \`${String(value)}\` at \`${path}\`: expected one of \`last\`, \`all\`, \`frequency\``,
        );
      }
      return value;
    case 'unsupported':
      throw new MeiliError(
        'bad_request',
        `The \`${name}\` search parameter (vector/hybrid search) is not supported by this embedded service.`,
      );
  }
}

/** Validate a JSON search body; `prefix` is the path prefix used inside multi-search (`.queries[0]`). */
export function parseSearchBody(body: unknown, allowed: readonly string[] = SEARCH_FIELDS): SearchQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidType('bad_request', '', 'an object', body);
  }
  const query: Record<string, unknown> = { q: null };
  for (const [name, value] of Object.entries(body)) {
    const kind = FIELDS[name as keyof typeof FIELDS];
    if (!allowed.includes(name) || !kind) throw unknownField('bad_request', name, allowed);
    if (value === null && kind !== 'string' && kind !== 'filter') continue;
    query[name] = checkValue(name, kind, value, `.${name}`);
  }
  if (query.retrieveVectors === true) checkValue('retrieveVectors', 'unsupported', true, '.retrieveVectors');
  return query as unknown as SearchQuery;
}

/** Convert `GET /search` query-string parameters to the JSON form, then validate. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const body: Record<string, unknown> = {};
  for (const [name, raw] of params) {
    const kind = FIELDS[name as keyof typeof FIELDS];
    if (!kind) throw unknownField('bad_request', name, SEARCH_FIELDS);
    body[name] = fromQueryString(name, kind, raw);
  }
  return parseSearchBody(body);
}

function fromQueryString(name: string, kind: Kind, raw: string): unknown {
  const fail = (expected: string) =>
    new MeiliError(
      codeFor(name),
      `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as ${expected}.`,
    );
  switch (kind) {
    case 'int':
      if (!/^\d+$/.test(raw)) throw fail('a positive integer');
      return Number(raw);
    case 'bool':
      if (raw !== 'true' && raw !== 'false') throw fail('a boolean');
      return raw === 'true';
    case 'score':
      if (!Number.isFinite(Number(raw))) throw fail('a number');
      return Number(raw);
    case 'strings':
      return raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    default:
      return raw;
  }
}
