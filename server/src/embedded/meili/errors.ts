/** Meilisearch's error object and the codes this service can answer with. */
export type ErrorType = 'invalid_request' | 'auth' | 'internal' | 'system';

export interface ErrorBody {
  message: string;
  code: string;
  type: ErrorType;
  link: string;
}

const STATUS_BY_CODE: Record<string, number> = {
  missing_authorization_header: 401,
  missing_master_key: 401,
  invalid_api_key: 403,
  index_not_found: 404,
  document_not_found: 404,
  task_not_found: 404,
  batch_not_found: 404,
  api_key_not_found: 404,
  not_found: 404,
  index_already_exists: 409,
  api_key_already_exists: 409,
  invalid_content_type: 415,
  payload_too_large: 413,
  internal: 500,
};

const TYPE_BY_CODE: Record<string, ErrorType> = {
  missing_authorization_header: 'auth',
  missing_master_key: 'auth',
  invalid_api_key: 'auth',
  internal: 'internal',
};

export class MeiliError extends Error {
  readonly code: string;
  readonly status: number;
  readonly type: ErrorType;

  constructor(code: string, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status ?? STATUS_BY_CODE[code] ?? 400;
    this.type = TYPE_BY_CODE[code] ?? 'invalid_request';
  }

  toBody(): ErrorBody {
    return {
      message: this.message,
      code: this.code,
      type: this.type,
      link: `https://docs.meilisearch.com/errors#${this.code}`,
    };
  }
}

export const indexNotFound = (uid: string) =>
  new MeiliError('index_not_found', `Index \`${uid}\` not found.`);

/** Render a JSON value the way Meilisearch's deserialisation errors quote it. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array: \`${JSON.stringify(value)}\``;
  switch (typeof value) {
    case 'string':
      return `a string: \`${JSON.stringify(value)}\``;
    case 'number':
      return Number.isInteger(value) ? `an integer: \`${value}\`` : `a number: \`${value}\``;
    case 'boolean':
      return `a boolean: \`${value}\``;
    default:
      return `a map: \`${JSON.stringify(value)}\``;
  }
}

export function invalidType(code: string, path: string, expected: string, value: unknown): MeiliError {
  return new MeiliError(
    code,
    `Invalid value type at \`${path}\`: expected ${expected}, but found ${describeValue(value)}`,
  );
}

export function unknownField(
  code: string,
  field: string,
  expected: readonly string[],
  path = '',
): MeiliError {
  const list = expected.map((name) => `\`${name}\``).join(', ');
  const where = path ? ` inside \`${path}\`` : '';
  return new MeiliError(code, `Unknown field \`${field}\`${where}: expected one of ${list}`);
}
