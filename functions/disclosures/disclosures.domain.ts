/**
 * 双公示: administrative licensing (行政许可, XK) and penalty (行政处罚, CF) decisions as departments
 * publish them (pure). Validation of one item, lateness against the 7-working-day duty, the
 * publicity window of a penalty, the credit record a penalty produces, and what a re-send does.
 */
import type { CreditRecordInput } from '../credit/record-validation';
import { PUBLICATION, type Severity } from '../rules/rules.domain';
import { addMonths, chinaDate, isCalendarDate, nextDate, startOfChinaDay } from '../shared/domain/china-time';
import type { WorkCalendar } from '../shared/domain/holidays-cn';
import { USCC_MESSAGES, usccProblem } from '../shared/domain/identifiers';
import { addWorkingDays } from '../shared/domain/working-days';
import { disclosureItemSchema, type DisclosureItemInput } from './disclosures.schemas';

export type DisclosureKind = 'license' | 'penalty';
export type DisclosureStatus = 'published' | 'revoked';

/** The decision as the department describes it (normalised). */
export interface DecisionFields {
  kind: DisclosureKind;
  sourceId: string;
  uscc: string;
  partyName: string;
  decisionNo: string;
  /** China calendar date of the decision. */
  decidedOn: string;
  category: string;
  content: string;
  legalBasis: string;
  /** Penalties only; absent means light (轻微). */
  severity?: Severity;
  fineYuan?: number;
  validFrom?: string;
  validTo?: string;
  simpleProcedure?: boolean;
  /** 公示截止期 as the department set it (penalties; within the severity's bounds). */
  publicityEndsOn?: string;
}

/** A stored decision: what was sent, who decided it, and where it stands. */
export interface Disclosure extends DecisionFields {
  department: string;
  authorityName: string;
  authorityUscc?: string;
  status: DisclosureStatus;
  /** Incremented by every change; writers race on it with a condition. */
  revision: number;
  firstReceivedAt: string;
  updatedAt: string;
  revokedAt?: string;
  /** Received after the end of the 7th working day after the decision (counted against the department). */
  late: boolean;
  /** The end of the 7th working day after the decision. */
  deadline: string;
  /** Numbers the credit record of this decision: a change of what it scores retires the old one. */
  creditRevision: number;
  /** Credit records of earlier revisions (sourceIds), withdrawn when the decision changed or was revoked. */
  retiredCreditSources: string[];
}

/** 双公示 decisions are due within 7 working days of the decision (DOMAIN.md). */
export const DISCLOSURE_WORKING_DAYS = 7;
export const MAX_DISCLOSURES_PER_CALL = 500;
/** Like credit records, decisions older than 5 years are no longer collected. */
const MAX_AGE_MONTHS = 60;

/** The catalogue's rule for an enterprise penalty of each severity (catalogue-v1 E-LAW-01..03). */
export const PENALTY_RULES: Record<Severity, string> = { light: 'E-LAW-01', general: 'E-LAW-02', serious: 'E-LAW-03' };

export const KIND_LABELS: Record<DisclosureKind, string> = { license: '行政许可', penalty: '行政处罚' };

export interface Rejection {
  code: string;
  message: string;
}

export type ValidItem =
  | { status: 'published'; fields: DecisionFields }
  | { status: 'revoked'; kind: DisclosureKind; sourceId: string };

/** Categories of a penalty as written (「警告；罚款」, 「警告、罚款」, …). */
export function penaltyCategories(category: string): string[] {
  return category.split(/[;；,，、/\s]+/).map((c) => c.trim()).filter(Boolean);
}

/** A warning alone (仅警告) is never published. */
export const isWarningOnly = (category: string) => {
  const c = penaltyCategories(category);
  return c.length > 0 && c.every((x) => x === '警告');
};

/** The instant a decision day begins in China time. */
export const decisionStart = (decidedOn: string) => startOfChinaDay(decidedOn).toISOString();

/** The end of the 7th working day after the decision (its day itself never counts). */
export function disclosureDeadline(decidedOn: string, calendar: WorkCalendar): string {
  return addWorkingDays(decisionStart(decidedOn), DISCLOSURE_WORKING_DAYS, calendar);
}

export function isLate(decidedOn: string, receivedAt: string, calendar: WorkCalendar): boolean {
  return new Date(receivedAt).getTime() >= new Date(disclosureDeadline(decidedOn, calendar)).getTime();
}

/** The bounds of a penalty's publicity period (instants), or null when it is never published. */
export function publicityBounds(d: Pick<DecisionFields, 'kind' | 'decidedOn' | 'severity' | 'category' | 'simpleProcedure'>): { from: string; min: string; max: string } | null {
  if (d.kind !== 'penalty') return null;
  const severity = d.severity ?? 'light';
  if (severity === 'light' || d.simpleProcedure || isWarningOnly(d.category)) return null;
  const from = decisionStart(d.decidedOn);
  const { minMonths, maxMonths } = PUBLICATION[severity];
  return { from, min: addMonths(from, minMonths), max: addMonths(from, maxMonths) };
}

/**
 * When a decision stops being public (the instant), or null:
 * - a licence stays public while it stands (null: no end);
 * - a penalty is public from its decision until the department's 公示截止期 or else the
 *   severity's maximum, ended earlier by an approved credit repair of its record (`repairedAt`);
 * - light penalties, simple-procedure decisions and warnings alone are never public (null), nor
 *   is a revoked decision.
 */
export function publicUntil(d: Disclosure | DecisionFields, repairedAt?: string): string | null {
  if (d.kind !== 'penalty') return null;
  if ('status' in d && d.status === 'revoked') return null;
  const bounds = publicityBounds(d);
  if (!bounds) return null;
  const end = d.publicityEndsOn ? startOfChinaDay(nextDate(d.publicityEndsOn)).toISOString() : bounds.max;
  return repairedAt && repairedAt < end ? repairedAt : end;
}

/** Whether a decision is on public view at `now`. */
export function isPublicAt(d: Disclosure, now: Date, repairedAt?: string): boolean {
  if (d.status === 'revoked') return false;
  const t = now.getTime();
  if (t < new Date(decisionStart(d.decidedOn)).getTime()) return false;
  if (d.kind === 'license') return true;
  const until = publicUntil(d, repairedAt);
  return until !== null && t < new Date(until).getTime();
}

/** The China date shown as 「公示至」 for an end instant: the last day it is public. */
export const lastPublicDay = (until: string) => chinaDate(new Date(new Date(until).getTime() - 1));

/** The credit record of a decision's current revision. */
export function creditSourceId(sourceId: string, creditRevision: number): string {
  return creditRevision <= 1 ? `DISC-${sourceId}` : `DISC-${sourceId}.R${creditRevision}`;
}

/** The credit record that speaks for a penalty now: its current one, or the last withdrawn when it was revoked. */
export function currentCreditSource(d: Disclosure): string | null {
  if (d.kind !== 'penalty') return null;
  if (d.status === 'revoked') return d.retiredCreditSources[d.retiredCreditSources.length - 1] ?? null;
  return creditSourceId(d.sourceId, d.creditRevision);
}

/** The credit record a standing penalty is, scored by the catalogue's rule for its severity; null for a licence or a revoked decision. */
export function creditRecordOf(d: Disclosure): CreditRecordInput | null {
  if (d.kind !== 'penalty' || d.status === 'revoked') return null;
  const severity = d.severity ?? 'light';
  return {
    sourceId: creditSourceId(d.sourceId, d.creditRevision),
    subjectType: 'enterprise',
    subjectId: d.uscc,
    ruleId: PENALTY_RULES[severity],
    occurredAt: decisionStart(d.decidedOn),
    severity,
    note: `行政处罚决定书 ${d.decisionNo}`.slice(0, 200),
  };
}

/** What a credit record depends on: when any of it changes, the old record is withdrawn and a new one made. */
const creditKey = (d: DecisionFields) => (d.kind === 'penalty' ? `${d.uscc}|${d.severity ?? 'light'}|${d.decidedOn}` : '');

/** The fields as sent, in one canonical order: two sends are the same decision when these are equal. */
export function sameDecision(a: DecisionFields, b: DecisionFields): boolean {
  return canonical(a) === canonical(b);
}

function canonical(d: DecisionFields): string {
  const keys: Array<keyof DecisionFields> = ['kind', 'sourceId', 'uscc', 'partyName', 'decisionNo', 'decidedOn', 'category', 'content', 'legalBasis', 'severity', 'fineYuan', 'validFrom', 'validTo', 'simpleProcedure', 'publicityEndsOn'];
  return JSON.stringify(keys.map((k) => d[k] ?? null));
}

export const decisionFieldsOf = (d: Disclosure): DecisionFields => {
  const { department: _d, authorityName: _a, authorityUscc: _u, status: _s, revision: _r, firstReceivedAt: _f, updatedAt: _up, revokedAt: _rv, late: _l, deadline: _dl, creditRevision: _c, retiredCreditSources: _rc, ...fields } = d;
  return fields;
};

export type Plan =
  | { kind: 'reject'; rejection: Rejection }
  | { kind: 'duplicate'; current: Disclosure }
  | { kind: 'write'; next: Disclosure; previous: Disclosure | null };

/**
 * What one valid item does to the stored decision (pure):
 * - nothing stored: a published item is created (a revocation of an unknown decision is refused);
 * - the same decision again, or a revocation of a revoked one: a duplicate, nothing written;
 * - a revocation: the decision is withdrawn, and so is its credit record;
 * - anything else: a correction (or a revoked decision sent again: reinstated); when what the
 *   credit record scores changes (party, severity, date), the old record is withdrawn and a new one made.
 * Lateness is judged on the first receipt, so a correction does not reset the clock.
 */
export function planItem(
  item: ValidItem,
  existing: Disclosure | null,
  ctx: { department: string; authorityName: string; authorityUscc?: string; now: string; calendar: WorkCalendar },
): Plan {
  if (item.status === 'revoked') {
    if (!existing) return { kind: 'reject', rejection: { code: 'UNKNOWN_DECISION', message: `未找到编号为 ${item.sourceId} 的决定，无法撤销` } };
    if (existing.kind !== item.kind) return { kind: 'reject', rejection: kindMismatch(existing.kind) };
    if (existing.status === 'revoked') return { kind: 'duplicate', current: existing };
    return {
      kind: 'write',
      previous: existing,
      next: {
        ...existing,
        status: 'revoked',
        revokedAt: ctx.now,
        updatedAt: ctx.now,
        revision: existing.revision + 1,
        creditRevision: existing.kind === 'penalty' ? existing.creditRevision + 1 : existing.creditRevision,
        retiredCreditSources: existing.kind === 'penalty' ? [...existing.retiredCreditSources, creditSourceId(existing.sourceId, existing.creditRevision)] : existing.retiredCreditSources,
      },
    };
  }
  const fields = item.fields;
  if (!existing) {
    return {
      kind: 'write',
      previous: null,
      next: {
        ...fields,
        department: ctx.department,
        authorityName: ctx.authorityName,
        ...(ctx.authorityUscc ? { authorityUscc: ctx.authorityUscc } : {}),
        status: 'published',
        revision: 1,
        firstReceivedAt: ctx.now,
        updatedAt: ctx.now,
        late: isLate(fields.decidedOn, ctx.now, ctx.calendar),
        deadline: disclosureDeadline(fields.decidedOn, ctx.calendar),
        creditRevision: 1,
        retiredCreditSources: [],
      },
    };
  }
  if (existing.kind !== fields.kind) return { kind: 'reject', rejection: kindMismatch(existing.kind) };
  if (existing.status === 'published' && sameDecision(decisionFieldsOf(existing), fields)) return { kind: 'duplicate', current: existing };
  // A revoked decision has already retired its record; a standing one retires it when the record would change.
  const retire = existing.status === 'published' && existing.kind === 'penalty' && creditKey(decisionFieldsOf(existing)) !== creditKey(fields);
  // A correction replaces the optional fields too: one left out of the correction is gone.
  const { revokedAt: _r, severity: _s, fineYuan: _f, validFrom: _vf, validTo: _vt, simpleProcedure: _sp, publicityEndsOn: _p, ...rest } = existing;
  return {
    kind: 'write',
    previous: existing,
    next: {
      ...rest,
      ...fields,
      status: 'published',
      updatedAt: ctx.now,
      revision: existing.revision + 1,
      late: isLate(fields.decidedOn, existing.firstReceivedAt, ctx.calendar),
      deadline: disclosureDeadline(fields.decidedOn, ctx.calendar),
      creditRevision: retire ? existing.creditRevision + 1 : existing.creditRevision,
      retiredCreditSources: retire ? [...existing.retiredCreditSources, creditSourceId(existing.sourceId, existing.creditRevision)] : existing.retiredCreditSources,
    },
  };
}

const kindMismatch = (stored: DisclosureKind): Rejection => ({
  code: 'KIND_MISMATCH',
  message: `该编号已用于一项${KIND_LABELS[stored]}决定，不能改为其他类型`,
});

/** The China month (`YYYY-MM`) a decision is counted in. */
export const decisionMonth = (decidedOn: string) => decidedOn.slice(0, 7);

export interface CounterDelta {
  month: string;
  onTime: number;
  late: number;
}

/**
 * How a write moves the department's monthly counters (decisions received on time and late, by
 * the month of the decision): a new decision adds one; a correction that moves its month or its
 * lateness moves its count; a revocation leaves the count (the decision was made and published).
 */
export function counterDeltas(previous: Disclosure | null, next: Disclosure): CounterDelta[] {
  const byMonth = new Map<string, CounterDelta>();
  const add = (d: Disclosure, sign: 1 | -1) => {
    const m = decisionMonth(d.decidedOn);
    const c = byMonth.get(m) ?? { month: m, onTime: 0, late: 0 };
    if (d.late) c.late += sign;
    else c.onTime += sign;
    byMonth.set(m, c);
  };
  if (previous) add(previous, -1);
  add(next, 1);
  return [...byMonth.values()].filter((c) => c.onTime !== 0 || c.late !== 0);
}

/**
 * Validation of one item (pure). Whatever is wrong rejects only this item, with a code and a
 * Chinese message: the shape, the USCC (GB 32100), real dates not in the future nor older than
 * 5 years, severity and amounts only for penalties, validity only (and required) for licences,
 * a 公示截止期 only inside the severity's bounds.
 */
export function validateDisclosure(raw: unknown, now: Date): { ok: true; item: ValidItem } | { ok: false; rejection: Rejection } {
  const reject = (code: string, message: string) => ({ ok: false as const, rejection: { code, message } });
  const parsed = disclosureItemSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '记录'}：${i.message}`).join('；');
    return reject('INVALID_RECORD', `记录格式不正确（${fields}）`);
  }
  const input: DisclosureItemInput = parsed.data;
  if (input.status === 'revoked') return { ok: true, item: { status: 'revoked', kind: input.kind, sourceId: input.sourceId } };
  const missing = (['uscc', 'partyName', 'decisionNo', 'decidedOn', 'category', 'content', 'legalBasis'] as const).filter((k) => input[k] === undefined || String(input[k]).trim() === '');
  if (missing.length > 0) return reject('MISSING_FIELD', `缺少必填项：${missing.map((k) => FIELD_LABELS[k]).join('、')}`);
  const uscc = input.uscc!.trim().toUpperCase();
  const problem = usccProblem(uscc);
  if (problem) return reject('INVALID_USCC', USCC_MESSAGES[problem]);
  const today = chinaDate(now);
  for (const [key, value] of [['decidedOn', input.decidedOn], ['validFrom', input.validFrom], ['validTo', input.validTo], ['publicityEndsOn', input.publicityEndsOn]] as const) {
    if (value !== undefined && !isCalendarDate(value)) return reject('INVALID_DATE', `${FIELD_LABELS[key]}不是有效日期（YYYY-MM-DD）`);
  }
  const decidedOn = input.decidedOn!;
  if (decidedOn > today) return reject('FUTURE_DATE', '决定日期不能晚于今天');
  if (decisionStart(decidedOn) < addMonths(now.toISOString(), -MAX_AGE_MONTHS)) return reject('TOO_OLD', '决定作出已超过 5 年，依规不再归集');
  const base = {
    kind: input.kind,
    sourceId: input.sourceId,
    uscc,
    partyName: input.partyName!.trim(),
    decisionNo: input.decisionNo!.trim(),
    decidedOn,
    category: input.category!.trim(),
    content: input.content!.trim(),
    legalBasis: input.legalBasis!.trim(),
  };
  if (input.kind === 'license') {
    const extra = (['severity', 'fineYuan', 'simpleProcedure', 'publicityEndsOn'] as const).filter((k) => input[k] !== undefined);
    if (extra.length > 0) return reject('NOT_FOR_LICENSE', `行政许可不填写：${extra.map((k) => FIELD_LABELS[k]).join('、')}`);
    if (!input.validFrom || !input.validTo) return reject('MISSING_FIELD', '行政许可须填写有效期自和有效期至');
    if (input.validTo < input.validFrom) return reject('INVALID_VALIDITY', '有效期至不能早于有效期自');
    return { ok: true, item: { status: 'published', fields: { ...base, validFrom: input.validFrom, validTo: input.validTo } } };
  }
  if (input.validFrom !== undefined || input.validTo !== undefined) return reject('NOT_FOR_PENALTY', '行政处罚不填写有效期');
  const fields: DecisionFields = {
    ...base,
    ...(input.severity ? { severity: input.severity } : {}),
    ...(input.fineYuan !== undefined ? { fineYuan: input.fineYuan } : {}),
    ...(input.simpleProcedure !== undefined ? { simpleProcedure: input.simpleProcedure } : {}),
  };
  if (input.publicityEndsOn !== undefined) {
    const bounds = publicityBounds(fields);
    if (!bounds) return reject('NOT_PUBLISHED', '轻微处罚、简易程序作出的处罚和仅警告的处罚不予公示，不填写公示截止期');
    const end = startOfChinaDay(nextDate(input.publicityEndsOn)).toISOString();
    if (end < bounds.min || end > bounds.max) {
      return reject('INVALID_PUBLICITY_PERIOD', `公示截止期须在 ${lastPublicDay(bounds.min)} 至 ${lastPublicDay(bounds.max)} 之间`);
    }
    fields.publicityEndsOn = input.publicityEndsOn;
  }
  return { ok: true, item: { status: 'published', fields } };
}

export const FIELD_LABELS: Record<string, string> = {
  uscc: '统一社会信用代码',
  partyName: '行政相对人名称',
  decisionNo: '决定文书号',
  decidedOn: '决定日期',
  category: '类别',
  content: '内容',
  legalBasis: '依据',
  severity: '严重程度',
  fineYuan: '罚款金额',
  simpleProcedure: '简易程序',
  publicityEndsOn: '公示截止期',
  validFrom: '有效期自',
  validTo: '有效期至',
};
