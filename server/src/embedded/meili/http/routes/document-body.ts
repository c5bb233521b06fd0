import { parse as parseCsv } from 'csv-parse/sync';
import { MeiliError } from '../../errors.js';
import type { Document } from '../../engine/fields.js';
import { isRecord } from '../../settings/validators.js';
import type { RouteContext } from '../router.js';
import { mediaType } from '../request.js';

const ACCEPTED = '`application/json`, `application/x-ndjson`, `text/csv`';

const malformed = (format: string, detail: string) =>
  new MeiliError('malformed_payload', `The \`${format}\` payload provided is malformed. \`${detail}\`.`);

function parseJsonDocuments(text: string): Document[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed('json', (error as Error).message);
  }
  const documents = Array.isArray(value) ? value : [value];
  if (!documents.every(isRecord))
    throw malformed(
      'json',
      "Couldn't serialize document value: data are neither an object nor a list of objects",
    );
  return documents;
}

function parseNdjson(text: string): Document[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        const value: unknown = JSON.parse(line);
        if (!isRecord(value)) throw new Error('data are neither an object nor a list of objects');
        return value;
      } catch (error) {
        throw malformed('ndjson', (error as Error).message);
      }
    });
}

/** CSV with Meilisearch's `name:type` header annotations (`string`, `number`, `boolean`). */
function parseCsvDocuments(text: string, delimiter: string): Document[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, { delimiter, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw malformed('csv', (error as Error).message);
  }
  const [header = [], ...records] = rows;
  const columns = header.map((cell) => {
    const [name = '', type = 'string'] = cell.split(':');
    return { name, type };
  });
  return records.map((record) =>
    Object.fromEntries(
      columns.map(({ name, type }, i) => {
        const raw = record[i] ?? '';
        if (raw === '') return [name, null];
        if (type === 'number') return [name, Number(raw)];
        if (type === 'boolean') return [name, raw === 'true'];
        return [name, raw];
      }),
    ),
  );
}

/** The documents of an addition request, by Content-Type, as Meilisearch accepts them. */
export async function readDocuments(context: RouteContext): Promise<Document[]> {
  const type = mediaType(context.request);
  if (!type) {
    throw new MeiliError(
      'missing_content_type',
      `A Content-Type header is missing. Accepted values for the Content-Type header are: ${ACCEPTED}`,
      415,
    );
  }
  if (type !== 'application/json' && type !== 'application/x-ndjson' && type !== 'text/csv') {
    throw new MeiliError(
      'invalid_content_type',
      `The Content-Type \`${type}\` is invalid. Accepted values for the Content-Type header are: ${ACCEPTED}`,
    );
  }
  const text = await context.text();
  if (!text.trim())
    throw new MeiliError(
      'missing_payload',
      `A ${type === 'text/csv' ? 'csv' : type === 'application/json' ? 'json' : 'ndjson'} payload is missing.`,
    );
  if (type === 'application/json') return parseJsonDocuments(text);
  if (type === 'application/x-ndjson') return parseNdjson(text);
  const delimiter = context.query.get('csvDelimiter') ?? ',';
  if (delimiter.length !== 1)
    throw new MeiliError(
      'invalid_document_csv_delimiter',
      'Invalid value in parameter `csvDelimiter`: expected a string of one character',
    );
  return parseCsvDocuments(text, delimiter);
}
