// Builds the workspaces whose output is missing or older than their sources (used by `npm start` and CLIs).
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { needsBuild } from './build-state.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** @param {string} p */
const at = (p) => `${root}${p}`;

const STEPS = {
  shared: { output: at('shared/dist/index.js'), sources: [at('shared/src')] },
  server: { output: at('server/dist/main.js'), sources: [at('server/src'), at('shared/src')] },
  client: {
    output: at('client/dist/index.html'),
    sources: [at('client/src'), at('client/index.html'), at('client/public'), at('shared/src')],
  },
};

/** @param {Array<keyof typeof STEPS>} workspaces in dependency order */
export function ensureBuilt(workspaces) {
  let rebuilding = false;
  for (const workspace of workspaces) {
    const step = STEPS[workspace];
    if (rebuilding || needsBuild(step.output, step.sources)) {
      rebuilding = true;
      console.log(`[build] ${workspace}…`);
      execSync(`npm run build -w ${workspace}`, { cwd: root, stdio: 'inherit' });
    }
  }
}
