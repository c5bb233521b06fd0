import { z } from 'zod';
import { CONTRACT_TYPES, COUNTIES, FIELDS, type ContractType } from '../enums.js';
import { FenSchema } from '../money.js';
import { AttachmentSchema, CalendarDateSchema, CONTRACT_ATTACHMENTS_MAX, todayInChina } from './listing.js';
import { IsoDateTimeSchema, ObjectIdSchema, textField } from './common.js';
import { CreditCodeSchema } from './organisation.js';

/** 技术合同子类: 技术开发 is 委托 or 合作; 技术转让 has the kinds of right transferred; the others have none. */
export const CONTRACT_SUBTYPES = {
  技术开发: ['委托开发', '合作开发'],
  技术转让: [
    '专利权转让',
    '专利申请权转让',
    '技术秘密转让',
    '计算机软件著作权转让',
    '集成电路布图设计专有权转让',
    '植物新品种权转让',
    '生物医药新品种权转让',
    '作价入股',
  ],
  技术许可: [],
  技术咨询: [],
  技术服务: [],
} as const satisfies Record<ContractType, readonly string[]>;
export const ALL_CONTRACT_SUBTYPES = Object.values(CONTRACT_SUBTYPES).flat();
export type ContractSubtype = (typeof ALL_CONTRACT_SUBTYPES)[number];

/** Contract types whose linked achievement counts as a converted result (转化科技成果). */
export const CONVERSION_CONTRACT_TYPES = ['技术转让', '技术许可'] as const satisfies readonly ContractType[];

/** Where a party is registered; the county is set only for the twelve counties of Baise. */
export const PROVINCES = [
  '广西壮族自治区',
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
  '香港特别行政区',
  '澳门特别行政区',
  '台湾省',
  '境外',
] as const;
export const HOME_PROVINCE = '广西壮族自治区';

/** A contract party (卖方 seller / 买方 buyer), on the platform or not. `county` marks a party in Baise. */
export const ContractPartySchema = z
  .object({
    organisationId: ObjectIdSchema.nullable().default(null),
    name: textField(2, 100),
    /** 统一社会信用代码; null for natural persons and parties abroad. */
    creditCode: CreditCodeSchema.nullable().default(null),
    province: z.enum(PROVINCES),
    county: z.enum(COUNTIES).nullable().default(null),
  })
  .refine((p) => p.county === null || p.province === HOME_PROVINCE, {
    message: 'v.countyProvince',
    path: ['county'],
  });
export type ContractParty = z.infer<typeof ContractPartySchema>;

/** Where a contract came from, so every yuan can be attributed (offline: registered without the platform). */
export const CONTRACT_ORIGINS = ['listing', 'match', 'inquiry', 'challenge', 'broker', 'offline'] as const;
export type ContractOrigin = (typeof CONTRACT_ORIGINS)[number];

/** Links to the platform records behind a contract. Which must be set depends on the origin. */
export const ContractLinksSchema = z.object({
  needId: ObjectIdSchema.nullable().default(null),
  achievementId: ObjectIdSchema.nullable().default(null),
  inquiryId: ObjectIdSchema.nullable().default(null),
  challengeId: ObjectIdSchema.nullable().default(null),
  matchId: ObjectIdSchema.nullable().default(null),
  /** The staff member who brokered the deal (技术经纪). */
  brokerId: ObjectIdSchema.nullable().default(null),
});
export type ContractLinks = z.infer<typeof ContractLinksSchema>;

/** The link each origin requires. */
export const ORIGIN_LINKS: Record<ContractOrigin, readonly (keyof ContractLinks)[]> = {
  listing: ['needId', 'achievementId'],
  match: ['matchId'],
  inquiry: ['inquiryId'],
  challenge: ['challengeId'],
  broker: ['brokerId'],
  offline: [],
};

export const PaymentSchema = z.object({
  dueDate: CalendarDateSchema,
  amountFen: FenSchema.refine((fen) => fen > 0, 'v.amountPositive'),
  note: textField(0, 100).default(''),
});
export type Payment = z.infer<typeof PaymentSchema>;

export const CONTRACT_STATUSES = ['draft', 'submitted', 'returned', 'registered', 'voided'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** 未予登记 reasons: why the bureau returned a contract without registering it. */
export const RETURN_REASONS = [
  'non_technical_scope',
  'missing_written_text',
  'amounts_inconsistent',
  'parties_incomplete',
  'signature_missing',
  'duplicate_registration',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** What the public dashboard feed may show of a contract; type, field and county are always shown. */
export const PublicitySchema = z.object({
  title: z.boolean(),
  amount: z.boolean(),
  parties: z.boolean(),
});
export type Publicity = z.infer<typeof PublicitySchema>;
export const DEFAULT_PUBLICITY: Publicity = { title: false, amount: true, parties: false };

/** 登记号: 14 or 16 digits issued by the national registration system, starting with the year. */
export const RegistrationNumberSchema = z
  .string()
  .trim()
  .regex(/^\d{14}(?:\d{2})?$/, 'v.registrationNumber');

/** The registration years the platform accepts. */
export const FIRST_REGISTRATION_YEAR = 2000;
export const YearSchema = z.coerce.number().int().min(FIRST_REGISTRATION_YEAR).max(2100);

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** 认定登记: the official number and the day it was registered (not in the future, in the number's year). */
export const RegistrationInputSchema = z
  .object({
    number: RegistrationNumberSchema,
    date: CalendarDateSchema.refine((d) => d <= todayInChina(), 'v.dateNotFuture'),
  })
  .refine((r) => r.number.slice(0, 4) === r.date.slice(0, 4), {
    message: 'v.registrationYear',
    path: ['date'],
  });
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const ContractRegistrationSchema = z.object({
  number: z.string(),
  date: CalendarDateSchema,
  registeredAt: IsoDateTimeSchema,
  registeredBy: ObjectIdSchema.nullable(),
});

/** The fields a contract's author fills in; the same shape validates drafts, corrections and imported rows. */
const ContractFieldsSchema = z.object({
  title: textField(2, 100),
  contractNumber: textField(0, 60).default(''),
  type: z.enum(CONTRACT_TYPES),
  subtype: z.enum(ALL_CONTRACT_SUBTYPES).nullable().default(null),
  field: z.enum(FIELDS),
  seller: ContractPartySchema,
  buyer: ContractPartySchema,
  signedDate: CalendarDateSchema,
  termStart: CalendarDateSchema,
  termEnd: CalendarDateSchema,
  contractAmountFen: FenSchema.refine((fen) => fen > 0, 'v.amountPositive'),
  techTransactionAmountFen: FenSchema,
  payments: z.array(PaymentSchema).max(24).default([]),
  origin: z.enum(CONTRACT_ORIGINS).default('offline'),
  links: ContractLinksSchema.default(ContractLinksSchema.parse({})),
});

type ContractFields = z.output<typeof ContractFieldsSchema>;

/** The rules across fields, checked wherever contract fields come in. */
function checkContractRules(c: ContractFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const subtypes: readonly string[] = CONTRACT_SUBTYPES[c.type];
  if (subtypes.length > 0 ? c.subtype === null || !subtypes.includes(c.subtype) : c.subtype !== null)
    issue(['subtype'], 'v.subtype');
  if (c.techTransactionAmountFen > c.contractAmountFen)
    issue(['techTransactionAmountFen'], 'v.techAmountAboveContract');
  if (c.termEnd < c.termStart) issue(['termEnd'], 'v.dateOrder');
  if (c.signedDate > todayInChina()) issue(['signedDate'], 'v.dateNotFuture');
  if (c.payments.length > 0 && c.payments.reduce((sum, p) => sum + p.amountFen, 0) !== c.contractAmountFen)
    issue(['payments'], 'v.paymentsSum');
  const required = ORIGIN_LINKS[c.origin];
  if (required.length > 0 && !required.some((link) => c.links[link] !== null))
    issue(['links', required[0] ?? 'needId'], 'v.originLink');
}

/** The contract's own fields with their rules (no attachments): corrections and imported rows. */
export const ContractFieldsInputSchema = ContractFieldsSchema.strict().superRefine(checkContractRules);
export type ContractFieldsInput = z.infer<typeof ContractFieldsInputSchema>;

export const ContractInputSchema = ContractFieldsSchema.extend({
  attachmentIds: z.array(ObjectIdSchema).max(CONTRACT_ATTACHMENTS_MAX).default([]),
})
  .strict()
  .superRefine(checkContractRules);
export type ContractInput = z.infer<typeof ContractInputSchema>;
export type ContractInputDraft = z.input<typeof ContractInputSchema>;

/** 技术合同 as the API shows it. */
export const ContractSchema = ContractFieldsSchema.extend({
  id: ObjectIdSchema,
  status: z.enum(CONTRACT_STATUSES),
  registration: ContractRegistrationSchema.nullable(),
  returnReasons: z.array(z.enum(RETURN_REASONS)),
  statusNote: z.string().nullable(),
  publicity: PublicitySchema,
  attachments: z.array(AttachmentSchema),
  organisationId: ObjectIdSchema.nullable(),
  createdBy: ObjectIdSchema,
  imported: z.boolean(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Contract = z.infer<typeof ContractSchema>;

export const ReturnDecisionSchema = z.object({
  reasons: z.array(z.enum(RETURN_REASONS)).min(1).max(RETURN_REASONS.length),
  note: textField(0, 500).default(''),
});
export type ReturnDecision = z.infer<typeof ReturnDecisionSchema>;

export const VoidDecisionSchema = z.object({ reason: textField(2, 500) });
export type VoidDecision = z.infer<typeof VoidDecisionSchema>;

/** 变更: the corrected fields (the whole set, as edited) and why; the registration number stays. */
export const CorrectionSchema = z.object({
  contract: ContractFieldsInputSchema,
  registrationDate: CalendarDateSchema.optional(),
  reason: textField(2, 500),
});
export type Correction = z.infer<typeof CorrectionSchema>;

export const CONTRACT_SORTS = ['registered_desc', 'updated_desc', 'amount_desc'] as const;

/** Filters of the staff contract list, its totals, its drill-down and its export. */
export const ContractQuerySchema = z.object({
  status: z.enum(CONTRACT_STATUSES).optional(),
  year: YearSchema.optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  county: z.enum(COUNTIES).optional(),
  field: z.enum(FIELDS).optional(),
  type: z.enum(CONTRACT_TYPES).optional(),
  origin: z.enum(CONTRACT_ORIGINS).optional(),
  /** Only registered contracts the year's dashboard counts (its basis and scope settings). */
  counted: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(CONTRACT_SORTS).default('registered_desc'),
});
export type ContractQuery = z.infer<typeof ContractQuerySchema>;

export const ContractTotalsSchema = z.object({
  count: z.number().int(),
  contractAmountFen: z.number().int(),
  techTransactionAmountFen: z.number().int(),
});
export type ContractTotals = z.infer<typeof ContractTotalsSchema>;

export const ContractPageSchema = z.object({
  items: z.array(ContractSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
  totals: ContractTotalsSchema,
});
export type ContractPage = z.infer<typeof ContractPageSchema>;

/** A party as a source record knows it; the province is unknown for an organisation outside Baise. */
export const ContractPartyPrefillSchema = z.object({
  organisationId: ObjectIdSchema,
  name: z.string(),
  creditCode: z.string().nullable(),
  province: z.enum(PROVINCES).nullable(),
  county: z.enum(COUNTIES).nullable(),
});

/** What an agreed inquiry already says about the contract it led to ("register contract" shortcut). */
export const ContractPrefillSchema = z.object({
  title: z.string(),
  field: z.enum(FIELDS),
  origin: z.enum(CONTRACT_ORIGINS),
  seller: ContractPartyPrefillSchema,
  buyer: ContractPartyPrefillSchema,
  links: ContractLinksSchema,
});
export type ContractPrefill = z.infer<typeof ContractPrefillSchema>;

export const ContractPrefillQuerySchema = z.object({ inquiry: ObjectIdSchema });
