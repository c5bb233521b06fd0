import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCliProcess } from './test-support.js';

const CLI_PATH = fileURLToPath(new URL('./cli.ts', import.meta.url));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'embedded-mongo-cli-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('embedded:mongo CLI', () => {
  it('prints one ready line, serves clients, logs JSON to stderr and stops cleanly on SIGTERM', async () => {
    const cli = await startCliProcess(['--data', dir]);
    const stderr: string[] = [];
    cli.child.stderr.on('data', (chunk: Buffer) =>
      stderr.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    expect(JSON.parse(cli.stdout[0] ?? '')).toEqual({
      event: 'ready',
      service: 'mongo',
      url: expect.stringMatching(/^mongodb:\/\/127\.0\.0\.1:\d+$/),
      pid: cli.child.pid,
    });
    const client = await MongoClient.connect(cli.url);
    await client.db('app').collection('c').insertOne({ kept: true });
    await client.close();
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toHaveLength(1);
    expect(stderr.map((line) => JSON.parse(line) as { service: string })).toContainEqual(
      expect.objectContaining({ level: 'info', service: 'mongo', msg: 'shutting down' }),
    );

    const again = await startCliProcess(['--data', dir]);
    const reader = await MongoClient.connect(again.url);
    expect(
      await reader
        .db('app')
        .collection('c')
        .findOne({}, { projection: { _id: 0 } }),
    ).toEqual({ kept: true });
    await reader.close();
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('with --exit-with-parent, exits when stdin closes: when its parent dies, even by SIGKILL', async () => {
    const parentScript = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['--import', 'tsx', ${JSON.stringify(CLI_PATH)}, '--exit-with-parent'], {
        stdio: ['pipe', 'inherit', 'inherit'],
      });
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: parent.stdout }), 'line')) as [string];
    const { pid } = JSON.parse(line) as { pid: number };
    parent.kill('SIGKILL');
    await expect.poll(() => isRunning(pid), { timeout: 5000 }).toBe(false);
  });
});
