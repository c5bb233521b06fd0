import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../test/clients.js';
import { clearContracts, THIS_YEAR } from '../../test/contract-factories.js';
import { writeImportFile } from '../../test/excel.js';
import { connectSocket, listenWithRealtime, record } from '../../test/realtime.js';
import { useTestStack } from '../../test/stack.js';

const ROWS = 50_000;
/** Reading this workbook whole holds ≈ 340 MB live; the streaming import holds ≈ 35 MB more than before it. */
const HEAP_BOUND_MB = 200;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * The heap left after a full collection: what the import holds, not the garbage it (or an earlier test file
 * sharing this worker) has not had collected yet, which depends on when the collector last ran, not on the code.
 */
function liveHeapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const stack = useTestStack();
let staff: TestAccount;
let url: string;

beforeAll(async () => {
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
  url = await listenWithRealtime(stack);
  await clearContracts(stack);
});

describe('a 50,000-row import', () => {
  it('streams the file in bounded memory, reports its progress and counts every row', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'import-large-')), 'rows.xlsx');
    await writeImportFile(file, ROWS);
    const socket = await connectSocket(url, staff.client.cookie);
    const progress = record(socket, 'contracts:import_progress');

    const before = liveHeapMb();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, liveHeapMb())), 1_000);
    const res = await staff.client.agent
      .post('/api/contracts/import?mode=all_or_nothing')
      .set('X-CSRF-Token', staff.client.csrfToken ?? '')
      .attach('file', file);
    clearInterval(sampler);
    socket.disconnect();

    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ rows: ROWS, created: ROWS, invalid: 0 });
    expect(peak - before).toBeLessThan(HEAP_BOUND_MB);
    expect(progress.filter((p) => p.phase === 'validating').length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', rows: ROWS });
    const dashboard = await staff.client.get(`/api/dashboard?year=${THIS_YEAR}`);
    expect(dashboard.body.statistics).toMatchObject({ contractCount: ROWS, amountFen: ROWS * 1000_00 });
  }, 240_000);
});
