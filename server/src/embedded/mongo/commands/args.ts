import { MongoCommandError, notSupported, type Doc } from '../errors.js';
import { isPlainObject } from '../values.js';

/** Fields any command may carry that do not change its result here (sessions, cluster time, concerns…). */
const IGNORED_FIELDS = new Set([
  '$db',
  'lsid',
  'txnNumber',
  'autocommit',
  '$clusterTime',
  '$readPreference',
  'readConcern',
  'writeConcern',
  'comment',
  'maxTimeMS',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
  '$audit',
  '$client',
  'mayBypassWriteBlocking',
  'backpressure',
]);

export interface FieldRules {
  /** Fields the command understands. */
  accepted?: readonly string[];
  /** Real MongoDB fields this server does not implement: refused rather than ignored. */
  unsupported?: readonly string[];
}

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : isPlainObject(value) ? 'object' : typeof value;

/** Typed, validated access to a command body (view form), with MongoDB's errors for bad fields. */
export class Args {
  constructor(
    readonly command: string,
    readonly body: Doc,
  ) {}

  /** Refuses unknown fields (code 40415, as MongoDB's IDL does) and known but unimplemented ones. */
  check(rules: FieldRules): this {
    const keys = Object.keys(this.body).slice(1);
    for (const key of keys) {
      if (rules.unsupported?.includes(key) && this.body[key] !== undefined && this.body[key] !== false) {
        throw notSupported(`The '${key}' option of ${this.command}`);
      }
      if (!IGNORED_FIELDS.has(key) && !rules.accepted?.includes(key) && !rules.unsupported?.includes(key)) {
        throw new MongoCommandError(40415, `BSON field '${this.command}.${key}' is an unknown field.`);
      }
    }
    return this;
  }

  private typed<T>(field: string, expected: string, ok: (value: unknown) => boolean): T | undefined {
    const value = this.body[field];
    if (value === undefined || value === null) return undefined;
    if (!ok(value)) {
      throw new MongoCommandError(
        14,
        `BSON field '${this.command}.${field}' is the wrong type '${typeName(value)}', expected type '${expected}'`,
      );
    }
    return value as T;
  }

  doc(field: string): Doc | undefined {
    return this.typed<Doc>(field, 'object', isPlainObject);
  }

  array<T = unknown>(field: string): T[] | undefined {
    return this.typed<T[]>(field, 'array', Array.isArray);
  }

  string(field: string): string | undefined {
    return this.typed<string>(field, 'string', (value) => typeof value === 'string');
  }

  number(field: string): number | undefined {
    return this.typed<number>(field, 'number', (value) => typeof value === 'number');
  }

  /** MongoDB accepts numbers where it expects a boolean. */
  bool(field: string): boolean | undefined {
    const value = this.typed<boolean | number>(
      field,
      'bool',
      (v) => typeof v === 'boolean' || typeof v === 'number',
    );
    return value === undefined ? undefined : Boolean(value);
  }

  nonNegative(field: string): number | undefined {
    const value = this.number(field);
    if (value !== undefined && value < 0) {
      throw new MongoCommandError(51024, `BSON field '${field}' value must be >= 0, actual value '${value}'`);
    }
    return value;
  }

  /** The collection a command targets: the string value of its first field. */
  collectionName(): string {
    const name = this.body[this.command];
    if (typeof name !== 'string') {
      throw new MongoCommandError(73, `collection name has invalid type ${typeName(name)}`);
    }
    return name;
  }
}
