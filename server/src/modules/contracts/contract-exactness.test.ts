import { Types } from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anonymous, createAccount, type TestAccount } from '../../test/clients.js';
import {
  buildContractInput,
  clearContracts,
  registrationNumber,
  registrationOn,
  THIS_YEAR,
} from '../../test/contract-factories.js';
import { useTestStack } from '../../test/stack.js';

const stack = useTestStack();
let staff: TestAccount;

beforeAll(async () => {
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
});
beforeEach(() => clearContracts(stack));

/** Drafts written straight to the database (the registrations are what is under test), amounts all different. */
async function drafts(count: number): Promise<{ id: string; amountFen: number }[]> {
  const { attachmentIds: _none, ...fields } = buildContractInput();
  const docs = Array.from({ length: count }, (_, i) => ({
    ...fields,
    _id: new Types.ObjectId(),
    contractAmountFen: 1_000_00 + i * 37,
    techTransactionAmountFen: 1_000_00,
    status: 'draft',
    createdBy: staff.userId,
  }));
  await stack.services.models.contracts.insertMany(docs);
  return docs.map((d) => ({ id: d._id.toHexString(), amountFen: d.contractAmountFen }));
}

/** Runs `task` over `items` with `clients` requests in flight at once. */
async function inParallel<T>(items: T[], clients: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: clients }, worker));
}

const dashboardTotal = async () =>
  (await anonymous(stack.app).get(`/api/dashboard?year=${THIS_YEAR}`)).body.statistics as {
    amountFen: number;
    contractCount: number;
  };

describe('the counter under concurrent registrations', () => {
  it('equals the exact sum of 1000 registrations from 20 parallel clients, each number taken once', async () => {
    const all = await drafts(1000);
    // The last 100 drafts race in pairs for 50 numbers: exactly one of each pair may win.
    const numbers = all.map((_, i) =>
      registrationNumber(THIS_YEAR, 900_000 + (i < 900 ? i : 900 + ((i - 900) >> 1))),
    );
    const registered: number[] = [];
    const refused: string[] = [];
    await inParallel(
      all.map((draft, i) => ({ ...draft, number: numbers[i] ?? '' })),
      20,
      async ({ id, amountFen, number }) => {
        const res = await staff.client.post(`/api/contracts/${id}/register`, registrationOn(number));
        if (res.status === 200) registered.push(amountFen);
        else refused.push(`${res.status} ${res.body.error.code}`);
      },
    );
    expect(registered).toHaveLength(950);
    expect(new Set(refused)).toEqual(new Set(['409 REGISTRATION_NUMBER_TAKEN']));
    const exact = registered.reduce((sum, fen) => sum + fen, 0);
    expect(await dashboardTotal()).toMatchObject({ amountFen: exact, contractCount: 950 });
  }, 120_000);
});
