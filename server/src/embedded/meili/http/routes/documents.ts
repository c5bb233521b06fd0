import { MeiliError } from '../../errors.js';
import type { Document } from '../../engine/fields.js';
import type { IndexEngine, WriteMode } from '../../engine/index-engine.js';
import { assertFilterType, evaluateFilter, parseFilterParam } from '../../filter/evaluate.js';
import type { FilterParam } from '../../filter/evaluate.js';
import { assertIndexUid } from '../../indexes.js';
import { normaliseDocumentId } from '../../engine/primary-key.js';
import { filterContext } from '../../search/filter-context.js';
import { selectFields } from '../../search/format.js';
import { sortKeyOf } from '../../search/sort-rule.js';
import {
  arrayOf,
  boolean,
  isRecord,
  partialObject,
  positiveInteger,
  string,
} from '../../settings/validators.js';
import { summarize } from '../../tasks/task.js';
import type { Route, RouteContext } from '../router.js';
import { accepted, ok } from '../router.js';
import { readDocuments } from './document-body.js';
import { integerParam, listParam } from './params.js';

interface FetchOptions {
  offset: number;
  limit: number;
  fields?: string[];
  filter?: FilterParam | null;
  ids?: string[];
  sort?: string[];
}

const fetchBody = partialObject<Omit<FetchOptions, 'filter'> & { filter: unknown; retrieveVectors: boolean }>(
  {
    offset: positiveInteger,
    limit: positiveInteger,
    fields: arrayOf(string),
    filter: (value) => value,
    ids: arrayOf((value, path, code) =>
      typeof value === 'number' ? String(value) : string(value, path, code),
    ),
    sort: arrayOf(string),
    retrieveVectors: boolean,
  },
);

function selectDocids(engine: IndexEngine, options: FetchOptions): number[] {
  let universe = engine.store.alive.resized(engine.store.capacity);
  const filter = parseFilterParam(options.filter);
  try {
    if (filter) universe = evaluateFilter(filter, filterContext(engine, universe));
  } catch (error) {
    if (error instanceof MeiliError && error.code === 'invalid_search_filter')
      throw new MeiliError('invalid_document_filter', error.message);
    throw error;
  }
  let docids = options.ids
    ? options.ids.flatMap((id) => engine.store.externalIds.get(id) ?? []).sort((a, b) => a - b)
    : universe.toArray();
  if (options.ids) docids = docids.filter((docid) => universe.has(docid));
  for (const expression of [...(options.sort ?? [])].reverse()) {
    const [path = '', direction] = expression.split(':');
    if (!engine.settings.sortableAttributes.includes(path)) {
      throw new MeiliError(
        'invalid_document_sort',
        `Attribute \`${path}\` is not sortable. Available sortable attributes are: \`${engine.settings.sortableAttributes.join(', ')}\`.`,
      );
    }
    const keys = new Map(
      docids.map((docid) => [docid, sortKeyOf(engine.store.documents[docid], path, direction !== 'desc')]),
    );
    docids.sort((a, b) => compareSortKeys(keys.get(a)!, keys.get(b)!, direction !== 'desc'));
  }
  return docids;
}

function compareSortKeys(
  a: ReturnType<typeof sortKeyOf>,
  b: ReturnType<typeof sortKeyOf>,
  ascending: boolean,
): number {
  if (a.kind !== b.kind) return a.kind - b.kind;
  if (a.value === b.value || a.value === null || b.value === null) return 0;
  return (a.value < b.value ? -1 : 1) * (ascending ? 1 : -1);
}

function listDocuments(context: RouteContext, options: FetchOptions) {
  const { engine } = context.instance.indexes.require(context.params.uid!);
  const docids = selectDocids(engine, options);
  const fields = options.fields;
  const results = docids.slice(options.offset, options.offset + options.limit).map((docid) => {
    const document = engine.store.documents[docid]!;
    return fields ? selectFields(document, [fields]) : document;
  });
  return ok({ results, offset: options.offset, limit: options.limit, total: docids.length });
}

function addRoute(method: 'POST' | 'PUT', mode: WriteMode): Route {
  return {
    method,
    path: '/indexes/:uid/documents',
    action: 'documents.add',
    async handle(context) {
      const uid = context.params.uid!;
      assertIndexUid(uid);
      const documents: Document[] = await readDocuments(context);
      const primaryKey = context.query.get('primaryKey') ?? undefined;
      const details = { receivedDocuments: documents.length, indexedDocuments: null };
      const payload = { kind: 'addDocuments' as const, documents, mode, primaryKey };
      return accepted(summarize(context.instance.enqueue('documentAdditionOrUpdate', uid, details, payload)));
    },
  };
}

function deletion(
  context: RouteContext,
  details: Record<string, unknown>,
  payload: { ids?: string[]; filter?: FilterParam; all?: boolean },
) {
  assertIndexUid(context.params.uid!);
  return accepted(
    summarize(
      context.instance.enqueue('documentDeletion', context.params.uid!, details, {
        kind: 'deleteDocuments',
        ...payload,
      }),
    ),
  );
}

export const documentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/indexes/:uid/documents',
    action: 'documents.get',
    handle(context) {
      const filter = context.query.get('filter');
      return listDocuments(context, {
        offset: integerParam(context.query, 'offset', 0, 'invalid_document_offset'),
        limit: integerParam(context.query, 'limit', 20, 'invalid_document_limit'),
        fields: listParam(context.query, 'fields'),
        filter,
        ids: listParam(context.query, 'ids'),
        sort: listParam(context.query, 'sort'),
      });
    },
  },
  {
    method: 'POST',
    path: '/indexes/:uid/documents/fetch',
    action: 'documents.get',
    async handle(context) {
      const body = fetchBody(await context.json(), '', 'bad_request');
      assertFilterType(body.filter, 'invalid_document_filter');
      return listDocuments(context, {
        ...body,
        offset: body.offset ?? 0,
        limit: body.limit ?? 20,
        filter: body.filter,
      });
    },
  },
  {
    method: 'GET',
    path: '/indexes/:uid/documents/:id',
    action: 'documents.get',
    handle(context) {
      const { engine } = context.instance.indexes.require(context.params.uid!);
      const id = context.params.id!;
      const document = engine.store.get(id);
      if (!document) throw new MeiliError('document_not_found', `Document \`${id}\` not found.`);
      const fields = listParam(context.query, 'fields');
      return ok(fields ? selectFields(document, [fields]) : document);
    },
  },
  addRoute('POST', 'replace'),
  addRoute('PUT', 'update'),
  {
    method: 'DELETE',
    path: '/indexes/:uid/documents/:id',
    action: 'documents.delete',
    handle: (context) =>
      deletion(context, { providedIds: 1, deletedDocuments: null }, { ids: [context.params.id!] }),
  },
  {
    method: 'POST',
    path: '/indexes/:uid/documents/delete-batch',
    action: 'documents.delete',
    async handle(context) {
      const body = await context.json();
      if (!Array.isArray(body)) throw new MeiliError('bad_request', 'Invalid value type: expected an array.');
      const ids = body.map((id) => {
        try {
          return normaliseDocumentId(id);
        } catch {
          return String(id);
        }
      });
      return deletion(context, { providedIds: ids.length, deletedDocuments: null }, { ids });
    },
  },
  {
    method: 'POST',
    path: '/indexes/:uid/documents/delete',
    action: 'documents.delete',
    async handle(context) {
      const body = await context.json();
      if (!isRecord(body) || body.filter === undefined)
        throw new MeiliError('missing_document_filter', 'Missing field `filter`');
      assertFilterType(body.filter, 'invalid_document_filter');
      try {
        parseFilterParam(body.filter);
      } catch (error) {
        if (error instanceof MeiliError) throw new MeiliError('invalid_document_filter', error.message);
        throw error;
      }
      return deletion(
        context,
        { providedIds: 0, deletedDocuments: null, originalFilter: JSON.stringify(body.filter) },
        { filter: body.filter ?? undefined },
      );
    },
  },
  {
    method: 'DELETE',
    path: '/indexes/:uid/documents',
    action: 'documents.delete',
    handle: (context) => deletion(context, { deletedDocuments: null }, { all: true }),
  },
  {
    method: 'POST',
    path: '/indexes/:uid/documents/edit',
    action: 'documents.all',
    handle() {
      throw new MeiliError(
        'feature_not_enabled',
        'Using the documents edit route requires enabling the `edit documents by function` experimental feature. See https://github.com/orgs/meilisearch/discussions/762',
      );
    },
  },
];
