import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The server package version, reported by `/api/health` and the Socket.IO welcome. */
export const APP_VERSION = pkg.version;
