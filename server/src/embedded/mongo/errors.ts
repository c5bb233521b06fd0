import { MingoError } from 'mingo/util';

export type Doc = Record<string, unknown>;

/** MongoDB's own error codes and names for the failures this server reports. */
const CODE_NAMES: Record<number, string> = {
  1: 'InternalError',
  2: 'BadValue',
  9: 'FailedToParse',
  13: 'Unauthorized',
  14: 'TypeMismatch',
  20: 'IllegalOperation',
  26: 'NamespaceNotFound',
  27: 'IndexNotFound',
  40: 'ConflictingUpdateOperators',
  43: 'CursorNotFound',
  48: 'NamespaceExists',
  52: 'DollarPrefixedFieldName',
  53: 'InvalidIdField',
  59: 'CommandNotFound',
  66: 'ImmutableField',
  67: 'CannotCreateIndex',
  72: 'InvalidOptions',
  73: 'InvalidNamespace',
  85: 'IndexOptionsConflict',
  86: 'IndexKeySpecsConflict',
  115: 'CommandNotSupported',
  121: 'DocumentValidationFailure',
  168: 'InvalidPipelineOperator',
  171: 'CannotIndexParallelArrays',
  11000: 'DuplicateKey',
};

const codeName = (code: number): string => CODE_NAMES[code] ?? `Location${code}`;

/** A failure reported to the client in MongoDB's error shape, either as a command error or a write error. */
export class MongoCommandError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly extra: Doc = {},
  ) {
    super(message);
  }

  toReply(): Doc {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: codeName(this.code), ...this.extra };
  }

  toWriteError(index: number): Doc {
    return { index, code: this.code, errmsg: this.message, ...this.extra };
  }
}

export const notSupported = (what: string): MongoCommandError =>
  new MongoCommandError(115, `${what} is not supported by the embedded MongoDB server`);

const badValue = (message: string): MongoCommandError => new MongoCommandError(2, message);

/** Mingo reports every failure as a MingoError with a message; these are the ones MongoDB gives a code. */
const MINGO_MESSAGES: [RegExp, (match: RegExpMatchArray) => MongoCommandError][] = [
  [/immutable field/, (m) => new MongoCommandError(66, m.input ?? '')],
  [/would create a conflict at '(.*)'/, (m) => new MongoCommandError(40, m.input ?? '')],
  [
    /Unknown update operator: '(.*)'/,
    (m) =>
      new MongoCommandError(
        9,
        `Unknown modifier: ${m[1]}. Expected a valid update modifier or pipeline-style update specified as an array`,
      ),
  ],
  [/unknown (?:query|top level) operator:? (\S+)/, (m) => unknownOperator(m[1] ?? '')],
  [/unregistered pipeline operator (\$\w+)/, (m) => unrecognizedStage(m[1] ?? '')],
  [/Unknown pipeline operator: '(.*)'/, (m) => unrecognizedStage(m[1] ?? '')],
  [
    /accumulator '(.*)' is not registered/,
    (m) => new MongoCommandError(168, `Unrecognized expression '${m[1]}'`),
  ],
  [/Cannot do exclusion and inclusion/, (m) => new MongoCommandError(31254, m.input ?? '')],
  [/non-numeric argument/, (m) => new MongoCommandError(14, m.input ?? '')],
];

const GEO_OPERATORS = ['$near', '$nearSphere', '$geoWithin', '$geoIntersects'];

/** No text or geo index can exist here, so those operators fail as they do without such an index. */
function unknownOperator(operator: string): MongoCommandError {
  if (operator === '$text') return new MongoCommandError(27, 'text index required for $text query');
  if (GEO_OPERATORS.includes(operator)) return notSupported(`The ${operator} query operator`);
  return badValue(`unknown operator: ${operator}`);
}

export function unrecognizedStage(stage: string): MongoCommandError {
  return new MongoCommandError(40324, `Unrecognized pipeline stage name: '${stage}'`);
}

/** Converts anything thrown while evaluating a command into the error the client will see. */
export function toMongoError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  if (error instanceof MingoError) {
    for (const [pattern, build] of MINGO_MESSAGES) {
      const match = error.message.match(pattern);
      if (match) return build(match);
    }
    return badValue(error.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new MongoCommandError(1, message);
}
