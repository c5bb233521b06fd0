import { createHmac, randomUUID } from 'node:crypto';
import { MeiliError } from '../errors.js';
import { validateKeyCreation, validateKeyUpdate } from './key-validation.js';

export interface ApiKey {
  name: string | null;
  description: string | null;
  key: string;
  uid: string;
  actions: string[];
  indexes: string[];
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const DEFAULT_KEYS: Pick<ApiKey, 'name' | 'description' | 'actions'>[] = [
  { name: 'Default Search API Key', description: 'Use it to search from the frontend', actions: ['search'] },
  {
    name: 'Default Admin API Key',
    description:
      'Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend',
    actions: ['*'],
  },
  {
    name: 'Default Chat API Key',
    description: 'Use it to chat and search from the frontend',
    actions: ['chatCompletions', 'search'],
  },
  {
    name: 'Default Read-Only Admin API Key',
    description:
      'Use it to read information across the whole database. Caution! Do not expose this key on a public frontend',
    actions: ['*.get', 'keys.get'],
  },
];

/** Does a key's action list grant `action`? (`*`, `group.*` and `*.get` wildcards.) */
export function grants(actions: readonly string[], action: string): boolean {
  return actions.some(
    (granted) =>
      granted === '*' ||
      granted === action ||
      (granted.endsWith('.*') && action.startsWith(granted.slice(0, -1))) ||
      (granted.startsWith('*.') && action.endsWith(granted.slice(1))),
  );
}

/** Does a key's index scope cover `indexUid`? (`*` and `prefix*` patterns.) */
export function covers(indexes: readonly string[], indexUid: string): boolean {
  return indexes.some(
    (pattern) =>
      pattern === '*' ||
      pattern === indexUid ||
      (pattern.endsWith('*') && indexUid.startsWith(pattern.slice(0, -1))),
  );
}

/** API keys derived from the master key: a key's value is HMAC-SHA256(uid) under the master key, in hex. */
export class KeyStore {
  private readonly keys: ApiKey[];

  constructor(
    private readonly masterKey: string,
    saved: ApiKey[] | undefined,
    private readonly save: (keys: ApiKey[]) => void,
  ) {
    this.keys =
      saved ??
      DEFAULT_KEYS.map((key) => this.make({ ...key, indexes: ['*'], expiresAt: null, uid: randomUUID() }));
    if (!saved) this.save(this.keys);
  }

  private make(fields: Omit<ApiKey, 'key' | 'createdAt' | 'updatedAt'>): ApiKey {
    const now = new Date().toISOString();
    const key = createHmac('sha256', this.masterKey).update(fields.uid).digest('hex');
    return {
      name: fields.name,
      description: fields.description,
      key,
      uid: fields.uid,
      actions: fields.actions,
      indexes: fields.indexes,
      expiresAt: fields.expiresAt,
      createdAt: now,
      updatedAt: now,
    };
  }

  isMaster(token: string): boolean {
    return token === this.masterKey;
  }

  /** The live (unexpired) key with this value, if any. */
  byValue(token: string): ApiKey | undefined {
    const key = this.keys.find((candidate) => candidate.key === token);
    return key && (key.expiresAt === null || Date.parse(key.expiresAt) > Date.now()) ? key : undefined;
  }

  list(offset: number, limit: number) {
    const sorted = [...this.keys].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { results: sorted.slice(offset, offset + limit), offset, limit, total: this.keys.length };
  }

  get(keyOrUid: string): ApiKey {
    const key = this.keys.find((candidate) => candidate.uid === keyOrUid || candidate.key === keyOrUid);
    if (!key) throw new MeiliError('api_key_not_found', `API key \`${keyOrUid}\` not found.`);
    return key;
  }

  create(body: unknown): ApiKey {
    const fields = validateKeyCreation(body);
    const uid = fields.uid ?? randomUUID();
    if (this.keys.some((key) => key.uid === uid)) {
      throw new MeiliError(
        'api_key_already_exists',
        `\`uid\` field value \`${uid}\` is already an existing API key.`,
      );
    }
    const key = this.make({ ...fields, uid });
    this.keys.push(key);
    this.save(this.keys);
    return key;
  }

  update(keyOrUid: string, body: unknown): ApiKey {
    const key = this.get(keyOrUid);
    Object.assign(key, validateKeyUpdate(body), { updatedAt: new Date().toISOString() });
    this.save(this.keys);
    return key;
  }

  delete(keyOrUid: string): void {
    const key = this.get(keyOrUid);
    this.keys.splice(this.keys.indexOf(key), 1);
    this.save(this.keys);
  }
}
