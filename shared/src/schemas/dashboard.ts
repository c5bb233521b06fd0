import { z } from 'zod';
import { CONTRACT_TYPES, COUNTIES, FIELDS } from '../enums.js';
import { FenSchema, FEN_PER_YUAN } from '../money.js';
import { CalendarDateSchema } from './listing.js';
import { IsoDateTimeSchema, ObjectIdSchema } from './common.js';
import { YearSchema } from './contract.js';

/** Which amount the counter adds up: 合同成交额 (the city plan's measure) or 技术交易额. */
export const COUNTER_BASES = ['contract', 'tech'] as const;
export type CounterBasis = (typeof COUNTER_BASES)[number];

/** Which contracts count: sellers in Baise (技术输出), or also buyers in Baise (技术吸纳). */
export const COUNTER_SCOPES = ['output', 'output_and_absorbed'] as const;
export type CounterScope = (typeof COUNTER_SCOPES)[number];

/** 年度目标 of one year and what its counter counts. */
export const AnnualTargetSchema = z.object({
  year: YearSchema,
  contractAmountFen: FenSchema,
  convertedResults: z.number().int().min(0).max(100_000),
  /** Registered contracts (登记合同数), a useful companion to the amount. */
  contractCount: z.number().int().min(0).max(1_000_000),
  basis: z.enum(COUNTER_BASES),
  scope: z.enum(COUNTER_SCOPES),
  /** False while the year still runs on the defaults nobody has saved. */
  saved: z.boolean(),
  updatedAt: IsoDateTimeSchema.nullable(),
});
export type AnnualTarget = z.infer<typeof AnnualTargetSchema>;

/** The 2022 plan's figures: 20 亿元 of contract turnover and 30 converted results a year. */
export const DEFAULT_TARGET = {
  contractAmountFen: 2_000_000_000 * FEN_PER_YUAN,
  convertedResults: 30,
  contractCount: 300,
  basis: 'contract',
  scope: 'output',
} as const satisfies Omit<AnnualTarget, 'year' | 'saved' | 'updatedAt'>;

export const AnnualTargetInputSchema = AnnualTargetSchema.pick({
  contractAmountFen: true,
  convertedResults: true,
  contractCount: true,
  basis: true,
  scope: true,
}).strict();
export type AnnualTargetInput = z.infer<typeof AnnualTargetInputSchema>;

export const BreakdownEntrySchema = z.object({
  key: z.string(),
  amountFen: z.number().int(),
  count: z.number().int(),
});
export type BreakdownEntry = z.infer<typeof BreakdownEntrySchema>;

/** Totals and breakdowns of the counted contracts of a period. */
export const StatisticsSchema = z.object({
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  basis: z.enum(COUNTER_BASES),
  scope: z.enum(COUNTER_SCOPES),
  amountFen: z.number().int(),
  contractAmountFen: z.number().int(),
  techTransactionAmountFen: z.number().int(),
  contractCount: z.number().int(),
  convertedResults: z.number().int(),
  byCounty: z.array(BreakdownEntrySchema),
  byField: z.array(BreakdownEntrySchema),
  byType: z.array(BreakdownEntrySchema),
  /** `YYYY-MM` keys, every month of the period. */
  byMonth: z.array(BreakdownEntrySchema),
  byOrigin: z.array(BreakdownEntrySchema),
});
export type Statistics = z.infer<typeof StatisticsSchema>;

/** A newly registered contract as the public sees it: confidential parts only when staff made them public. */
export const FeedEntrySchema = z.object({
  id: ObjectIdSchema,
  registeredAt: IsoDateTimeSchema,
  type: z.enum(CONTRACT_TYPES),
  field: z.enum(FIELDS),
  county: z.enum(COUNTIES).nullable(),
  title: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  sellerName: z.string().nullable(),
  buyerName: z.string().nullable(),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

/** 数据大屏: a year's progress toward its targets, with its breakdowns and the latest registrations. */
export const DashboardSnapshotSchema = z.object({
  year: z.number().int(),
  target: AnnualTargetSchema,
  statistics: StatisticsSchema,
  remainingFen: z.number().int(),
  /** Days left in the year from today, today included (0 once the year is over). */
  daysLeft: z.number().int(),
  /** What each remaining day must add to reach the target (0 once reached). */
  pacePerDayFen: z.number().int(),
  feed: z.array(FeedEntrySchema),
  computedAt: IsoDateTimeSchema,
});
export type DashboardSnapshot = z.infer<typeof DashboardSnapshotSchema>;

/** Any period; what counts follows the settings of the year it starts in unless basis and scope are given. */
export const StatisticsQuerySchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    basis: z.enum(COUNTER_BASES).optional(),
    scope: z.enum(COUNTER_SCOPES).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'v.dateOrder', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) < 10, {
    message: 'v.periodTooLong',
    path: ['to'],
  });
export type StatisticsQuery = z.infer<typeof StatisticsQuerySchema>;

export const FUNNEL_STAGES = ['listings', 'matches', 'inquiries', 'contracts'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FunnelQuerySchema = z.object({
  from: CalendarDateSchema,
  to: CalendarDateSchema,
  by: z.enum(['field', 'county']).default('field'),
});
export type FunnelQuery = z.infer<typeof FunnelQuerySchema>;

/** listings → matches → inquiries → contracts, per field or county; a stage not yet built is `available: false`. */
export const FunnelSchema = z.object({
  by: z.enum(['field', 'county']),
  stages: z.array(
    z.object({
      stage: z.enum(FUNNEL_STAGES),
      available: z.boolean(),
      total: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type Funnel = z.infer<typeof FunnelSchema>;

/** The public dashboard's realtime subscription. */
export const DashboardJoinSchema = z.object({ year: YearSchema.optional() });
export type DashboardJoin = z.infer<typeof DashboardJoinSchema>;

export const IMPORT_MODES = ['all_or_nothing', 'valid_rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const ImportRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** What an Excel import did, row by row: created, already there (re-import), or refused with reasons. */
export const ImportReportSchema = z.object({
  importId: z.string(),
  mode: z.enum(IMPORT_MODES),
  status: z.enum(['imported', 'rejected']),
  rows: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  invalid: z.number().int(),
  /** The first errors (at most a thousand); `invalid` counts them all. */
  errors: z.array(ImportRowErrorSchema),
  amountFen: z.number().int(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportProgressSchema = z.object({
  importId: z.string(),
  phase: z.enum(['validating', 'writing', 'done']),
  rows: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;
