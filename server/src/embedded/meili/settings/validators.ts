import { invalidType, MeiliError, unknownField } from '../errors.js';

/** Checks one JSON value at `path`, throwing Meilisearch's `code` error, and returns it typed. */
export type Validator<T> = (value: unknown, path: string, code: string) => T;

export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`;

function typeError(code: string, path: string, expected: string, value: unknown): MeiliError {
  if (path) return invalidType(code, path, expected, value);
  const error = invalidType(code, '', expected, value);
  return new MeiliError(code, error.message.replace(' at ``', ''));
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string: Validator<string> = (value, path, code) => {
  if (typeof value !== 'string') throw typeError(code, path, 'a string', value);
  return value;
};

export const boolean: Validator<boolean> = (value, path, code) => {
  if (typeof value !== 'boolean') throw typeError(code, path, 'a boolean', value);
  return value;
};

export const positiveInteger: Validator<number> = (value, path, code) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw typeError(code, path, 'a positive integer', value);
  return value;
};

export function arrayOf<T>(item: Validator<T>): Validator<T[]> {
  return (value, path, code) => {
    if (!Array.isArray(value)) throw typeError(code, path, 'an array', value);
    return value.map((element, index) => item(element, at(path, index), code));
  };
}

export function oneOf<T extends string>(choices: readonly T[]): Validator<T> {
  return (value, path, code) => {
    if (typeof value !== 'string' || !choices.includes(value as T)) {
      const list = choices.map((choice) => `\`${choice}\``).join(', ');
      const where = path ? ` at \`${path}\`` : '';
      throw new MeiliError(code, `Unknown value \`${String(value)}\`${where}: expected one of ${list}`);
    }
    return value as T;
  };
}

/** An object whose known fields are optional; unknown fields are rejected as Meilisearch does. */
export function partialObject<T extends object>(fields: { [K in keyof T]: Validator<T[K]> }): Validator<
  Partial<T>
> {
  const names = Object.keys(fields) as (keyof T & string)[];
  return (value, path, code) => {
    if (!isRecord(value)) throw typeError(code, path, 'an object', value);
    const out: Partial<T> = {};
    for (const [key, field] of Object.entries(value)) {
      const validate = fields[key as keyof T];
      if (!validate) throw unknownField(code, key, names, path);
      if (field !== undefined) out[key as keyof T] = validate(field, at(path, key), code);
    }
    return out;
  };
}

export function recordOf<T>(item: Validator<T>): Validator<Record<string, T>> {
  return (value, path, code) => {
    if (!isRecord(value)) throw typeError(code, path, 'an object', value);
    const out: Record<string, T> = {};
    for (const [key, field] of Object.entries(value)) out[key] = item(field, at(path, key), code);
    return out;
  };
}
