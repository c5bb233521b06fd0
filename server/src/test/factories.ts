import {
  creditCodeCheckChar,
  daysFromToday,
  type AchievementInput,
  type NeedInput,
  type RegisterInput,
} from '@techmatch/shared';

/** A unique, checksum-valid unified social credit code for test organisations. */
export function validCreditCode(n: number): string {
  const first17 = `91451000MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}

let registrations = 0;

type CreateOrganisation = Extract<RegisterInput['organisation'], { mode: 'create' }>;
export type CreateRegistration = Omit<RegisterInput, 'organisation'> & { organisation: CreateOrganisation };

/** A registration of a new firm; override fields freely (use `joining` for the join variant). */
export function buildRegistration(overrides: Partial<CreateRegistration> = {}): CreateRegistration {
  registrations += 1;
  return {
    email: `applicant${registrations}@firm.example.cn`,
    password: 'Aluminium-2026-deep',
    name: '李工',
    phone: '13977600000',
    role: 'firm',
    organisation: {
      mode: 'create',
      name: `百色铝业深加工有限公司${registrations}`,
      kind: 'firm',
      creditCode: validCreditCode(900_000 + registrations),
      county: '平果市',
      location: '广西百色市平果市',
      contactName: '李工',
      contactPhone: '0776-5512345',
      contactEmail: `contact${registrations}@firm.example.cn`,
      description: '',
    },
    ...overrides,
  };
}

/** A registration asking to join the organisation with this credit code. */
export function joining(creditCode: string): RegisterInput {
  return { ...buildRegistration(), organisation: { mode: 'join', creditCode } };
}

export { daysFromToday };

export function buildAchievementInput(overrides: Partial<AchievementInput> = {}): AchievementInput {
  return {
    title: '赤泥低温脱碱与建材化利用技术',
    summary:
      '针对拜耳法赤泥碱含量高、堆存占地大的问题，采用钙化—碳化两段低温脱碱工艺，将赤泥中氧化钠含量降至1%以下，脱碱后赤泥可直接用于免烧砖和路基材料，已完成中试验证。',
    field: '生态铝',
    keywords: ['赤泥', '脱碱', '免烧砖'],
    team: '冶金工程研究团队',
    maturity: '中试',
    ipType: '发明专利',
    patentNumbers: ['ZL202210123456.7'],
    transferModes: ['许可', '合作开发'],
    askingPriceFen: 800_000_00,
    contactName: '王教授',
    contactPhone: '13907760001',
    contactEmail: 'wang@university.example.cn',
    attachmentIds: [],
    ...overrides,
  };
}

export function buildNeedInput(overrides: Partial<NeedInput> = {}): NeedInput {
  return {
    title: '氧化铝厂赤泥堆场减量与综合利用',
    description:
      '我公司氧化铝生产每年产生赤泥约80万吨，堆场即将饱和。希望引进赤泥脱碱、制备建材或回收铁的成熟技术，实现年消纳赤泥20万吨以上，并符合环保要求。',
    field: '生态铝',
    keywords: ['赤泥', '综合利用'],
    county: '平果市',
    budgetFen: 500_000_000,
    deadline: daysFromToday(120),
    kind: 'general',
    challenge: null,
    contactName: '陆经理',
    contactPhone: '0776-5811111',
    contactEmail: 'lu@firm.example.cn',
    attachmentIds: [],
    ...overrides,
  };
}

export function buildChallengeInput(overrides: Partial<NeedInput> = {}): NeedInput {
  return buildNeedInput({
    title: '揭榜挂帅：高铁赤泥提铁尾渣制备高性能胶凝材料',
    kind: 'challenge',
    challenge: {
      bountyFen: 3_000_000_00,
      requirements: ['尾渣掺量不低于40%', '28天抗压强度不低于42.5MPa'],
      applicationDeadline: daysFromToday(60),
      visibility: 'public',
    },
    ...overrides,
  });
}
