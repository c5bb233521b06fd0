// `npm start`: builds whatever is missing or stale, then runs the compiled server.
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { needsBuild } from './build-state.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @param {string} p */
const at = (p) => `${root}${p}`;

const steps = [
  { workspace: 'shared', output: at('shared/dist/index.js'), sources: [at('shared/src')] },
  { workspace: 'server', output: at('server/dist/main.js'), sources: [at('server/src'), at('shared/src')] },
  {
    workspace: 'client',
    output: at('client/dist/index.html'),
    sources: [at('client/src'), at('client/index.html'), at('client/public'), at('shared/src')],
  },
];

let rebuilding = false;
for (const step of steps) {
  if (rebuilding || needsBuild(step.output, step.sources)) {
    rebuilding = true;
    console.log(`[start] building ${step.workspace}…`);
    execSync(`npm run build -w ${step.workspace}`, { cwd: root, stdio: 'inherit' });
  }
}

await import(at('server/dist/main.js'));
