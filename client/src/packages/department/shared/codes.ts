import { isApiError } from '../../../services/api';

/**
 * Chinese explanations of the codes a department may meet: per-record rejections of
 * `POST /api/credit-records`, the parse failures of a file, and refusals of a whole call.
 * The server's own message is preferred whenever it is already Chinese.
 */
export const CODE_MESSAGES: Record<string, string> = {
  INVALID_RECORD: '记录格式不正确',
  INVALID_ID_NUMBER: '身份证号码不正确',
  INVALID_USCC: '统一社会信用代码不正确',
  FUTURE_DATE: '发生时间不能晚于当前时间',
  TOO_OLD: '记录发生已超过 5 年，依规不再归集',
  NO_RULE_IN_FORCE: '发生时间早于信用信息目录的生效时间',
  UNKNOWN_RULE: '规则编号不在信用信息目录中',
  RULE_NOT_YOURS: '该规则由其他部门报送，本部门无权报送',
  SUBJECT_TYPE_MISMATCH: '规则与主体类型（个人/企业）不符',
  SEVERITY_MISMATCH: '严重程度与规则规定的不一致',
  UNPARSABLE_LINE: '该行无法解析',
  ORG_SUSPENDED: '本部门的报送权限已被暂停，请联系信用中心',
  FORBIDDEN: '当前账号无权报送信用记录',
  TOO_MANY_RECORDS: '每次最多报送 500 条记录',
  PAYLOAD_TOO_LARGE: '本批数据过大，请减少每批条数或缩短备注',
  VALIDATION_FAILED: '提交的数据格式不正确',
  RATE_LIMITED: '操作过于频繁，请稍后重试',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  UNAUTHENTICATED: '登录已失效，请重新登录',
};

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** The reason to show for a code and the server's message. */
export function reasonText(code: string, message?: string): string {
  if (message && hasChinese(message)) return message;
  const known = CODE_MESSAGES[code];
  if (known) return known;
  return message ? `${message}（${code}）` : `未知原因（${code}）`;
}

/** A failed call in one line, for a panel: the API's message, or a generic sentence. */
export function callFailureText(error: unknown, fallback = '提交失败，请稍后重试'): string {
  if (!isApiError(error)) return fallback;
  return reasonText(error.code, error.message);
}
