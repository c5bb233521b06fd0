// `npm run admin:create`: creates an administrator (prompts, or ADMIN_EMAIL / ADMIN_NAME / ADMIN_PASSWORD).
import { ensureBuilt, root } from './ensure-build.mjs';

ensureBuilt(['shared', 'server']);
await import(`${root}server/dist/cli/admin-create.js`);
