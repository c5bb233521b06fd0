// Runs one of the server's command-line tools (server/src/cli/<name>.ts), building the server first if
// needed: `node scripts/server-cli.mjs reindex`. Works the same in a clone and in the production image.
import { ensureBuilt, root } from './ensure-build.mjs';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error('usage: node scripts/server-cli.mjs <tool>');
  process.exit(2);
}
ensureBuilt(['shared', 'server']);
await import(`${root}server/dist/cli/${name}.js`);
