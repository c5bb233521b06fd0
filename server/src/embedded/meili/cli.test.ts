import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const KEY = 'cli-test-master-key';
const dataDir = mkdtempSync(path.join(tmpdir(), 'meili-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcessWithoutNullStreams;
  ready: { event: string; service: string; url: string; pid: number };
  stdoutLines: string[];
}

async function startCli(...extra: string[]): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--data', dataDir, '--master-key', KEY, ...extra],
    { cwd: REPO_ROOT },
  );
  const stdoutLines: string[] = [];
  const lines = createInterface({ input: child.stdout });
  const first = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
  });
  lines.on('line', (line) => stdoutLines.push(line));
  return { child, ready: JSON.parse(await first) as Started['ready'], stdoutLines };
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

describe('embedded:meili CLI', () => {
  it('prints one ready line; a completed task survives kill -9; a clean stop snapshots the index', async () => {
    const first = await startCli();
    expect(first.ready).toMatchObject({ event: 'ready', service: 'meili', pid: first.child.pid });
    expect(first.ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new Meilisearch({ host: first.ready.url, apiKey: KEY });
    await client
      .index('durable')
      .updateSettings({ filterableAttributes: ['kind'] })
      .waitTask({ interval: 10 });
    const task = await client
      .index('durable')
      .addDocuments([{ id: 1, title: '赤泥综合利用', kind: 'a' }])
      .waitTask({ interval: 10 });
    expect(task.status).toBe('succeeded');
    const { results } = await client.getKeys();
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(first.stdoutLines).toHaveLength(1);

    const second = await startCli();
    const again = new Meilisearch({ host: second.ready.url, apiKey: KEY });
    expect((await again.index('durable').search('赤泥', { filter: 'kind = a' })).hits).toEqual([
      { id: 1, title: '赤泥综合利用', kind: 'a' },
    ]);
    expect((await again.tasks.getTask(task.uid)).status).toBe('succeeded');
    expect((await again.getKeys()).results.map((key) => key.key).sort()).toEqual(
      results.map((key) => key.key).sort(),
    );
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toEqual({ code: 0, signal: null });

    // The clean stop wrote a snapshot with the posting lists: the next start restores it without re-indexing.
    const third = await startCli();
    const restored = new Meilisearch({ host: third.ready.url, apiKey: KEY });
    expect(
      (await restored.index('durable').search('综合', { filter: 'kind = a' })).hits.map((hit) => hit.id),
    ).toEqual([1]);
    await restored
      .index('durable')
      .addDocuments([{ id: 2, title: '赤泥脱碱', kind: 'b' }])
      .waitTask({ interval: 10 });
    expect((await restored.index('durable').search('赤泥')).hits.map((hit) => hit.id).sort()).toEqual([1, 2]);
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toEqual({ code: 0, signal: null });
  });

  it('exits cleanly when its parent goes away (stdin closes) with --exit-with-parent', async () => {
    const started = await startCli('--exit-with-parent');
    started.child.stdin.end();
    expect(await exited(started.child)).toEqual({ code: 0, signal: null });
  });
});
