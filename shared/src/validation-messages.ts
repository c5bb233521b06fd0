import type { Locale } from './enums.js';

/**
 * Messages of the project's own validation rules. Schemas carry the key (`v.phone`); the server's validator
 * and the client's forms both translate it, so a rule written once reads well in both languages. Zod's
 * built-in checks (too short, invalid enum…) are localized by zod's own locales.
 */
export const VALIDATION_MESSAGES = {
  'v.objectId': { zh: '编号格式不正确', en: 'must be a 24-character hex id' },
  'v.controlChars': { zh: '不能包含控制字符', en: 'must not contain control characters' },
  'v.phone': {
    zh: '请输入手机号或带区号的固定电话',
    en: 'must be a mobile number or a landline with area code',
  },
  'v.creditCode': {
    zh: '统一社会信用代码不正确（18 位，校验位需正确）',
    en: 'not a valid unified social credit code (18 characters with a correct check character)',
  },
  'v.password.length': { zh: '密码长度需为 10–128 位', en: 'password must be 10–128 characters long' },
  'v.password.mix': { zh: '密码需同时包含字母和数字', en: 'password must contain letters and digits' },
  'v.password.common': {
    zh: '密码过于常见，请换一个',
    en: 'this password is too common; choose another',
  },
  'v.password.email': { zh: '密码不能包含邮箱名', en: 'password must not contain your e-mail name' },
  'v.roleOrgKind': {
    zh: '科研人员需属于高校或科研院所，企业用户需属于企业',
    en: 'researchers belong to a university or institute; firm users to a firm',
  },
  'v.organisationUnknown': {
    zh: '平台上没有使用该信用代码的机构，请选择“登记新机构”',
    en: 'no organisation with this credit code is registered yet; register it as a new one',
  },
  'v.dateInPast': { zh: '日期不能早于今天', en: 'the date must not be in the past' },
  'v.patentNumber': {
    zh: '专利号格式不正确（如 ZL202310123456.7）',
    en: 'not a patent number (e.g. ZL202310123456.7)',
  },
  'v.bountyPositive': { zh: '揭榜奖金需大于 0', en: 'the bounty must be more than 0' },
  'v.challengeDetails': {
    zh: '揭榜挂帅需求需填写奖金、指标和揭榜截止日期；一般需求不填',
    en: 'a challenge needs its bounty, requirements and application deadline; a general need has none',
  },
  'v.applicationAfterDeadline': {
    zh: '揭榜截止日期不能晚于需求截止日期',
    en: 'applications must close before the need’s deadline',
  },
  'v.attachment': {
    zh: '附件不存在、不属于您，或已用于其他信息',
    en: 'an attachment is unknown, not yours, or already used elsewhere',
  },
  'v.thesaurusWord': {
    zh: '词语只能包含文字、数字、空格、连字符',
    en: 'words contain letters, digits, spaces and hyphens only',
  },
  'v.thesaurusGroupSize': {
    zh: '同义词组至少需要 2 个不同的词',
    en: 'a synonym group needs at least 2 different words',
  },
  'v.thesaurusDuplicate': { zh: '同一组内有重复的词', en: 'a word appears twice in the group' },
  'v.thesaurusLoop': {
    zh: '扩展词不能包含原词，否则会形成循环',
    en: 'an expansion must not lead back to its own words (that would loop)',
  },
  'v.reasonRequired': { zh: '请填写原因', en: 'a reason is required' },
  'v.amountPositive': { zh: '金额需大于 0', en: 'the amount must be more than 0' },
  'v.techAmountAboveContract': {
    zh: '技术交易额不能大于合同成交额',
    en: 'the technology transaction amount cannot exceed the contract amount',
  },
  'v.subtype': {
    zh: '请选择与合同类型相符的子类（技术开发、技术转让必选，其他类型不选）',
    en: 'choose a subtype that fits the type (required for development and transfer, none for the others)',
  },
  'v.dateOrder': { zh: '结束日期不能早于开始日期', en: 'the end date must not be before the start date' },
  'v.dateNotFuture': { zh: '日期不能晚于今天', en: 'the date must not be in the future' },
  'v.paymentsSum': {
    zh: '各期付款之和需等于合同成交额',
    en: 'the instalments must add up to the contract amount',
  },
  'v.originLink': {
    zh: '请关联该来源对应的记录（需求/成果、撮合、洽谈、揭榜或经纪人）',
    en: 'link the record this origin names (need/achievement, match, inquiry, challenge or broker)',
  },
  'v.countyProvince': {
    zh: '县（市、区）仅适用于广西百色市的当事人',
    en: 'a county is set only for parties in Baise, Guangxi',
  },
  'v.registrationNumber': {
    zh: '登记号应为 14 或 16 位数字',
    en: 'a registration number has 14 or 16 digits',
  },
  'v.registrationYear': {
    zh: '登记日期须在登记号所示年份内',
    en: 'the registration date must fall in the year the number starts with',
  },
  'v.registrationBeforeSigning': {
    zh: '登记日期不能早于合同签订日期',
    en: 'the registration date must not be before the signing date',
  },
  'v.periodTooLong': { zh: '统计区间不能超过 10 年', en: 'a period spans at most 10 years' },
  'v.amountYuan': {
    zh: '金额应为以元为单位的非负数，最多两位小数',
    en: 'an amount is a non-negative number of yuan with at most two decimals',
  },
  'v.formulaCell': { zh: '不接受公式，请填写数值或文本', en: 'formulas are not accepted; enter the value' },
  'v.duplicateInFile': {
    zh: '登记号在文件中重复出现',
    en: 'this registration number appears more than once in the file',
  },
  'v.registeredDifferently': {
    zh: '该登记号已登记且内容不同，请在合同管理中办理变更',
    en: 'this number is already registered with other details; correct that contract instead',
  },
  'v.linkUnknown': {
    zh: '关联的记录不存在',
    en: 'the linked record does not exist',
  },
  'v.clientMessageId': { zh: '消息编号格式不正确', en: 'not a valid client message id' },
  'v.amountOverBounty': {
    zh: '申请金额不能超过榜单奖金',
    en: 'the requested amount must not exceed the bounty',
  },
} as const;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function isValidationMessageKey(value: string): value is ValidationMessageKey {
  return Object.hasOwn(VALIDATION_MESSAGES, value);
}

/** Translates a project rule key; any other message (already localized by zod) passes through. */
export function localizeValidationMessage(message: string, locale: Locale): string {
  if (!isValidationMessageKey(message)) return message;
  const entry = VALIDATION_MESSAGES[message];
  return locale === 'en' ? entry.en : entry.zh;
}
