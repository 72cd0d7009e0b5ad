import { z } from 'zod';
import { addMonths, versionInForce, type CatalogueVersion, type Rule, type SubjectType } from '../rules/rules.domain';
import { ID_NUMBER_MESSAGES, idNumberProblem, USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';

/**
 * Validation of one department record (pure). A record is judged on its own: whatever is wrong
 * with it rejects only it, with a code and a Chinese message.
 */
export const creditRecordSchema = z.strictObject({
  sourceId: z.string().min(1).max(64).regex(/^[0-9A-Za-z_.:\-/]+$/, '只能包含字母、数字和 _ . : - /'),
  subjectType: z.enum(['person', 'enterprise']),
  subjectId: z.string().min(1).max(32),
  ruleId: z.string().min(1).max(32),
  occurredAt: z.iso.datetime({ offset: true }),
  severity: z.enum(['light', 'general', 'serious']).optional(),
  note: z.string().max(200).optional(),
});

export type CreditRecordInput = z.infer<typeof creditRecordSchema>;

export interface Rejection {
  code: string;
  message: string;
}

export interface ValidRecord {
  input: CreditRecordInput;
  /** Normalised subject identifier (upper case). */
  subjectId: string;
  rule: Rule;
  ruleVersion: number;
  occurredAt: string;
  countsUntil: string;
}

const MAX_AGE_MONTHS = 60; // records are kept at most 5 years
const CLOCK_SKEW_MS = 5 * 60 * 1000;

const SEVERITY_LABEL = { light: '轻微', general: '一般', serious: '严重' } as const;

export function validateRecord(
  raw: unknown,
  ctx: { department: string; catalogue: readonly CatalogueVersion[]; now: Date; alsoAllowed?: ReadonlySet<string> },
): { ok: true; record: ValidRecord } | { ok: false; rejection: Rejection } {
  const reject = (code: string, message: string) => ({ ok: false as const, rejection: { code, message } });
  const parsed = creditRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '记录'}：${i.message}`).join('；');
    return reject('INVALID_RECORD', `记录格式不正确（${fields}）`);
  }
  const input = parsed.data;
  const subjectId = input.subjectId.trim().toUpperCase();
  if (input.subjectType === 'person') {
    const problem = idNumberProblem(subjectId, ctx.now);
    if (problem) return reject('INVALID_ID_NUMBER', ID_NUMBER_MESSAGES[problem]);
  } else {
    const problem = usccProblem(subjectId);
    if (problem) return reject('INVALID_USCC', USCC_MESSAGES[problem]);
  }
  const occurred = new Date(input.occurredAt);
  if (occurred.getTime() > ctx.now.getTime() + CLOCK_SKEW_MS) return reject('FUTURE_DATE', '发生时间不能晚于当前时间');
  if (occurred.toISOString() < addMonths(ctx.now.toISOString(), -MAX_AGE_MONTHS)) {
    return reject('TOO_OLD', '记录发生已超过 5 年，依规不再归集');
  }
  const version = versionInForce(ctx.catalogue, occurred);
  if (!version) return reject('NO_RULE_IN_FORCE', '发生时间早于信用信息目录的生效时间');
  const rule = version.rules.find((r) => r.id === input.ruleId);
  if (!rule) return reject('UNKNOWN_RULE', `规则 ${input.ruleId} 不在事件发生时生效的目录（第 ${version.version} 版）中`);
  if (rule.department !== ctx.department && !ctx.alsoAllowed?.has(rule.id)) return reject('RULE_NOT_YOURS', `规则 ${rule.id} 由其他部门报送，本部门无权报送`);
  if (rule.subjectType !== (input.subjectType as SubjectType)) {
    return reject('SUBJECT_TYPE_MISMATCH', `规则 ${rule.id} 适用于${rule.subjectType === 'person' ? '自然人' : '企业'}`);
  }
  if (input.severity && input.severity !== rule.severity) {
    return reject(
      'SEVERITY_MISMATCH',
      rule.severity ? `规则 ${rule.id} 的严重程度为「${SEVERITY_LABEL[rule.severity]}」` : `规则 ${rule.id} 是守信规则，不设严重程度`,
    );
  }
  return {
    ok: true,
    record: {
      input,
      subjectId,
      rule,
      ruleVersion: version.version,
      occurredAt: occurred.toISOString(),
      countsUntil: addMonths(occurred.toISOString(), rule.validityMonths),
    },
  };
}
