import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { launchEmbeddedService, type EmbeddedService } from './embedded.js';

let service: EmbeddedService | undefined;
afterEach(() => service?.stop());

describe('embedded service logs', () => {
  it("are the app's log lines, at the child's level, with the child's fields and no duplicate keys", async () => {
    const lines: string[] = [];
    const logger = pino({ base: { service: 'techmatch' } }, { write: (line: string) => lines.push(line) });
    service = await launchEmbeddedService('mongo', [], logger);
    await expect.poll(() => lines.find((l) => l.includes('embedded MongoDB listening'))).toBeTruthy();

    const line = lines.find((l) => l.includes('embedded MongoDB listening')) ?? '';
    for (const key of ['level', 'time', 'service', 'msg']) {
      expect(line.split(`"${key}":`).length - 1, `"${key}" once in ${line}`).toBe(1);
    }
    expect(JSON.parse(line)).toMatchObject({
      level: 30,
      service: 'techmatch',
      embedded: 'mongo',
      msg: 'embedded MongoDB listening',
      url: service.url,
    });
  });
});
