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
  'v.clientMessageId': { zh: '消息编号格式不正确', en: 'not a valid client message id' },
  'v.amountPositive': { zh: '金额需大于 0', en: 'the amount must be more than 0' },
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
