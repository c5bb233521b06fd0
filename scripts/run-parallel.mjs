// `node scripts/run-parallel.mjs lint typecheck build`: runs npm scripts side by side (they are independent and mostly
// single-threaded), prints each one's output when it ends, and fails if any of them failed. A failed script's output
// is printed last, after the others, so the end of a CI log shows what failed.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @param {string} script @param {number} code @param {string} output */
function report(script, code, output) {
  process.stdout.write(`\n── npm run ${script} (exit ${code})\n${output}`);
}

/** @param {string} script @returns {Promise<{ script: string, code: number, output: string }>} */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (code === 0) report(script, code, output);
      resolve({ script, code: code ?? 1, output });
    });
  });
}

const results = await Promise.all(process.argv.slice(2).map(run));
const failed = results.filter((result) => result.code !== 0);
for (const { script, code, output } of failed) report(script, code, output);
if (failed.length > 0) process.stdout.write(`\nFailed: ${failed.map((f) => f.script).join(', ')}\n`);
process.exit(failed.length === 0 ? 0 : 1);
