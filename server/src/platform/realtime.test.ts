import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ClientToServerEvents, ServerToClientEvents, WelcomePayload } from '@techmatch/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server.js';
import { silentLogger, testConfig } from '../test/stack.js';

describe('Socket.IO server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      testConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'realtime-')) }),
      silentLogger,
    );
  });
  afterAll(() => server.close());

  it('greets a connecting client and counts it in health', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
      transports: ['websocket'],
    });
    const welcome = await new Promise<WelcomePayload>((resolve) => socket.once('system:welcome', resolve));
    expect(welcome.version).toMatch(/^\d+\.\d+\.\d+/);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      services: { realtime: { connections: number } };
    };
    expect(health.services.realtime.connections).toBe(1);
    socket.disconnect();
  });
});
