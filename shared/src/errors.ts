import { z } from 'zod';
import type { Locale } from './enums.js';

interface ErrorDefinition {
  status: number;
  en: string;
  zh: string;
}

/**
 * Every error the API can answer with. The code is the stable contract; the status and the messages live
 * here, once, so the server answers and the client translates from the same table.
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, en: 'Some fields are not valid.', zh: '部分字段填写不正确。' },
  MALFORMED_JSON: { status: 400, en: 'The request body is not valid JSON.', zh: '请求内容不是有效的 JSON。' },
  PAYLOAD_TOO_LARGE: { status: 413, en: 'The request body is too large.', zh: '请求内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    en: 'This content type is not supported.',
    zh: '不支持该内容类型。',
  },
  ROUTE_NOT_FOUND: { status: 404, en: 'No such API route.', zh: '接口不存在。' },
  NOT_FOUND: { status: 404, en: 'Not found, or you may not see it.', zh: '内容不存在或无权查看。' },
  UNAUTHENTICATED: { status: 401, en: 'Please sign in first.', zh: '请先登录。' },
  FORBIDDEN: { status: 403, en: 'You may not do this.', zh: '您没有执行此操作的权限。' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    en: 'The page is out of date. Reload it and try again.',
    zh: '页面已过期，请刷新后重试。',
  },
  CROSS_SITE_REQUEST: { status: 403, en: 'Cross-site requests are refused.', zh: '拒绝跨站请求。' },
  INVALID_CREDENTIALS: {
    status: 401,
    en: 'The e-mail or the password is wrong.',
    zh: '邮箱或密码错误。',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    en: 'Too many failed sign-ins: this account is locked for a while.',
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试。',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    en: 'Too many attempts from your network. Please wait and try again.',
    zh: '操作过于频繁，请稍后再试。',
  },
  ACCOUNT_DISABLED: { status: 403, en: 'This account is disabled.', zh: '该账号已被停用。' },
  EMAIL_TAKEN: {
    status: 409,
    en: 'An account with this e-mail already exists.',
    zh: '该邮箱已注册。',
  },
  PASSWORD_INCORRECT: { status: 400, en: 'The current password is wrong.', zh: '当前密码不正确。' },
  ORGANISATION_NOT_VERIFIED: {
    status: 403,
    en: 'Your organisation must be verified by the bureau first.',
    zh: '所在机构尚未通过科技局审核。',
  },
  MEMBERSHIP_PENDING: {
    status: 403,
    en: 'Your membership of this organisation is awaiting approval.',
    zh: '您加入该机构的申请尚待审核。',
  },
  INVALID_STATE: {
    status: 409,
    en: 'This is not possible in the current state.',
    zh: '当前状态下无法执行此操作。',
  },
  CONFLICT: { status: 409, en: 'This conflicts with existing data.', zh: '与已有数据冲突。' },
  THESAURUS_CONFLICT: {
    status: 409,
    en: 'A word is already in another thesaurus entry, or the change would make expansions loop.',
    zh: '词语已存在于其他词条，或修改后扩展关系会形成循环。',
  },
  TOO_MANY_SAVED_SEARCHES: {
    status: 409,
    en: 'You have saved the maximum of 20 searches. Delete one first.',
    zh: '已达到 20 个保存搜索的上限，请先删除一个。',
  },
  FILE_MISSING: { status: 400, en: 'No file was sent.', zh: '未收到文件。' },
  FILE_TOO_LARGE: { status: 413, en: 'The file is larger than 10 MB.', zh: '文件超过 10 MB。' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    en: 'Only PDF, PNG, JPEG and WebP files are accepted, with a matching extension.',
    zh: '仅接受 PDF、PNG、JPEG、WebP 文件，且扩展名须与内容一致。',
  },
  SEARCH_UNAVAILABLE: {
    status: 503,
    en: 'Search is temporarily unavailable. Your data is safe; please try again shortly.',
    zh: '搜索服务暂时不可用，数据不受影响，请稍后再试。',
  },
  METHOD_NOT_ALLOWED: { status: 405, en: 'This method is not allowed here.', zh: '不支持该请求方法。' },
  INTERNAL: {
    status: 500,
    en: 'Something went wrong on our side. Please try again later.',
    zh: '服务器内部错误，请稍后再试。',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    en: 'A required service is temporarily unavailable.',
    zh: '依赖的服务暂时不可用。',
  },
  REGISTRATION_NUMBER_TAKEN: {
    status: 409,
    en: 'This registration number is already used by another contract.',
    zh: '该登记号已被其他合同使用。',
  },
  IMPORT_FILE_INVALID: {
    status: 400,
    en: 'The file is not an Excel workbook (.xlsx) that can be read.',
    zh: '文件不是可读取的 Excel 工作簿（.xlsx）。',
  },
  IMPORT_COLUMNS_INVALID: {
    status: 400,
    en: 'The columns do not match the import template. Download the template and keep its header row.',
    zh: '表头与导入模板不一致，请下载模板并保留其表头行。',
  },
  IMPORT_REJECTED: {
    status: 422,
    en: 'Some rows are not valid, so nothing was imported. See the report.',
    zh: '部分行数据有误，本次未导入任何数据，请查看校验报告。',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    en: 'The file has more rows than one import accepts.',
    zh: '文件行数超过单次导入上限。',
  },
  INQUIRY_EXISTS: {
    status: 409,
    en: 'Your organisation already has an inquiry about this listing under way.',
    zh: '贵机构已就该信息发起洽谈，请在原洽谈中继续。',
  },
  INQUIRY_NOT_ALLOWED: {
    status: 403,
    en: 'Inquiries go to another organisation’s listing: firms ask about achievements, researchers about needs; challenges take applications instead.',
    zh: '只能对其他机构的信息发起洽谈：企业洽谈科技成果，科研人员洽谈技术需求；揭榜挂帅请提交揭榜申请。',
  },
  RATE_LIMITED: {
    status: 429,
    en: 'You are sending messages too quickly. Please wait a moment.',
    zh: '发送过于频繁，请稍候再发。',
  },
  APPLICATION_EXISTS: {
    status: 409,
    en: 'Your organisation has already applied to this challenge.',
    zh: '贵机构已提交过该榜单的揭榜申请。',
  },
  APPLICATION_DEADLINE_PASSED: {
    status: 409,
    en: 'Applications to this challenge are closed.',
    zh: '该榜单已过揭榜截止日期或不再接受申请。',
  },
  CHALLENGE_AWARDED: {
    status: 409,
    en: 'This challenge already has a winner.',
    zh: '该榜单已确定揭榜方。',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOG[code].status;
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const entry = ERROR_CATALOG[code];
  return locale === 'en' ? entry.en : entry.zh;
}

export const ErrorIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/** The one JSON error shape: `{ error: { code, message, details? } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** All error messages of one language, keyed by code: the client's `errors.<CODE>` i18n messages. */
export function errorMessages(locale: Locale): Record<ErrorCode, string> {
  return Object.fromEntries(ERROR_CODES.map((code) => [code, errorMessage(code, locale)])) as Record<
    ErrorCode,
    string
  >;
}
