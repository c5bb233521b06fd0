/**
 * Fixed vocabularies of the domain (see DESIGN.md §2). The stored value is the Chinese term the bureau uses;
 * English labels live in the client's i18n messages under `enums.<name>.<value>`.
 */

/** 重点领域 — the ten key fields of the city plan. */
export const FIELDS = [
  '生态铝',
  '新材料',
  '新能源及装备制造',
  '生物制药',
  '电子信息',
  '绿色化工',
  '绿色建材',
  '现代特色农林',
  '大健康和文旅',
  '现代服务',
] as const;
export type Field = (typeof FIELDS)[number];

/** 县（市、区） — the twelve county-level divisions of Baise. */
export const COUNTIES = [
  '右江区',
  '田阳区',
  '田东县',
  '德保县',
  '那坡县',
  '凌云县',
  '乐业县',
  '田林县',
  '西林县',
  '隆林县',
  '靖西市',
  '平果市',
] as const;
export type County = (typeof COUNTIES)[number];

/** 技术合同类型 — the five contract types of technology-contract registration. */
export const CONTRACT_TYPES = ['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** 成熟度 — maturity of a research achievement. */
export const MATURITIES = ['实验室阶段', '小试', '中试', '产业化'] as const;
export type Maturity = (typeof MATURITIES)[number];

/** 转化方式 — how an achievement may be transferred. */
export const TRANSFER_MODES = ['转让', '许可', '作价入股', '合作开发', '技术服务'] as const;
export type TransferMode = (typeof TRANSFER_MODES)[number];

/** 知识产权类型 — the kind of intellectual property behind an achievement. */
export const IP_TYPES = ['发明专利', '实用新型专利', '软件著作权', '技术秘密', '植物新品种'] as const;
export type IpType = (typeof IP_TYPES)[number];

/** Kinds of technical need: a general need, or a 揭榜挂帅 bounty challenge. */
export const NEED_KINDS = ['general', 'challenge'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

/** Lifecycle of a listing (achievement or need). */
export const LISTING_STATUSES = [
  'draft',
  'pending_review',
  'published',
  'rejected',
  'closed',
  'expired',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const ROLES = ['researcher', 'firm', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['university', 'institute', 'firm'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
