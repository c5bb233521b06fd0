// `npm start`: builds whatever is missing or stale, then runs the compiled server.
import { ensureBuilt, root } from './ensure-build.mjs';

ensureBuilt(['shared', 'server', 'client']);
await import(`${root}server/dist/main.js`);
