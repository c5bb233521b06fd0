import { todayInChina, type ContractInput } from '@techmatch/shared';
import type { AppStack } from '../stack.js';

/** This year in the bureau's calendar, and a registration number of it (16 digits, year first). */
export const THIS_YEAR = Number(todayInChina().slice(0, 4));
export const JAN_1 = `${THIS_YEAR}-01-01`;

let serial = 0;
export function registrationNumber(year = THIS_YEAR, n = (serial += 1)): string {
  return `${year}451000${String(n).padStart(6, '0')}`;
}

/** A technology licence between a Baise seller and a buyer elsewhere; override freely. */
export function buildContractInput(overrides: Partial<ContractInput> = {}): ContractInput {
  return {
    title: '赤泥低温脱碱技术许可合同',
    contractNumber: 'BS-2026-001',
    type: '技术许可',
    subtype: null,
    field: '生态铝',
    seller: {
      organisationId: null,
      name: '百色学院',
      creditCode: null,
      province: '广西壮族自治区',
      county: '右江区',
    },
    buyer: {
      organisationId: null,
      name: '南宁铝材科技有限公司',
      creditCode: null,
      province: '广西壮族自治区',
      county: null,
    },
    signedDate: JAN_1,
    termStart: JAN_1,
    termEnd: `${THIS_YEAR + 1}-01-01`,
    contractAmountFen: 1_200_000_00,
    techTransactionAmountFen: 1_000_000_00,
    payments: [],
    origin: 'offline',
    links: {
      needId: null,
      achievementId: null,
      inquiryId: null,
      challengeId: null,
      matchId: null,
      brokerId: null,
    },
    attachmentIds: [],
    ...overrides,
  };
}

/** A registration on 1 January of this year (always in the past, always in the number's year). */
export function registrationOn(number = registrationNumber(), date = JAN_1) {
  return { number, date };
}

/** Empties what contract tests write (accounts stay, so tests need not sign in again), and the caches. */
export async function clearContracts(stack: AppStack): Promise<void> {
  const { models, dashboard } = stack.services;
  await Promise.all(
    [models.contracts, models.contractImports, models.targets, models.notifications].map((m) =>
      (m as unknown as { deleteMany(filter: object): Promise<unknown> }).deleteMany({}),
    ),
  );
  dashboard.invalidate([THIS_YEAR - 1, THIS_YEAR]);
}
