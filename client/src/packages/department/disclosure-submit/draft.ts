import { USCC_MESSAGES, usccProblem } from '../../../../../functions/shared/domain/identifiers';
import type { DisclosureKind, DisclosureSeverity, DisclosuresResult } from '../../../services/disclosures-api';
import { reasonText } from '../shared/codes';

/** One decision as typed into the form (strings as the inputs hold them). */
export interface DisclosureDraft {
  kind: DisclosureKind;
  sourceId: string;
  uscc: string;
  partyName: string;
  decisionNo: string;
  decidedOn: string;
  category: string;
  content: string;
  legalBasis: string;
  severity: DisclosureSeverity;
  fineYuan: string;
  simpleProcedure: boolean;
  validFrom: string;
  validTo: string;
}

export type DraftField = keyof DisclosureDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const emptyDraft = (kind: DisclosureKind, sourceId: string, today: string): DisclosureDraft => ({
  kind,
  sourceId,
  uscc: '',
  partyName: '',
  decisionNo: '',
  decidedOn: today,
  category: kind === 'penalty' ? '罚款' : '普通',
  content: '',
  legalBasis: '',
  severity: 'general',
  fineYuan: '',
  simpleProcedure: false,
  validFrom: today,
  validTo: '',
});

const REQUIRED: Array<[DraftField, string]> = [
  ['partyName', '请填写行政相对人名称'],
  ['decisionNo', '请填写决定文书号'],
  ['category', '请填写类别'],
  ['content', '请填写内容'],
  ['legalBasis', '请填写依据'],
];

/** What stops the form from being sent, field by field (the server checks again, item by item). */
export function draftErrors(d: DisclosureDraft, today: string): DraftErrors {
  const e: DraftErrors = {};
  const uscc = usccProblem(d.uscc);
  if (uscc) e.uscc = d.uscc === '' ? '请填写统一社会信用代码' : USCC_MESSAGES[uscc];
  for (const [field, message] of REQUIRED) if (String(d[field]).trim() === '') e[field] = message;
  if (d.decidedOn === '') e.decidedOn = '请选择决定日期';
  else if (d.decidedOn > today) e.decidedOn = '决定日期不能晚于今天';
  if (d.kind === 'penalty' && d.fineYuan.trim() !== '' && !(Number(d.fineYuan) >= 0)) e.fineYuan = '罚款金额应为不小于 0 的数字';
  if (d.kind === 'license') {
    if (d.validFrom === '') e.validFrom = '请选择有效期自';
    if (d.validTo === '') e.validTo = '请选择有效期至';
    else if (d.validFrom !== '' && d.validTo < d.validFrom) e.validTo = '有效期至不能早于有效期自';
  }
  if (!/^[0-9A-Za-z_.:\-/]{1,48}$/.test(d.sourceId)) e.sourceId = '数据编号为 1–48 位字母、数字或 _ . : - /';
  return e;
}

/** The API item of a draft: only the fields of its kind. */
export function toItem(d: DisclosureDraft): Record<string, unknown> {
  const base = {
    kind: d.kind,
    sourceId: d.sourceId,
    uscc: d.uscc,
    partyName: d.partyName.trim(),
    decisionNo: d.decisionNo.trim(),
    decidedOn: d.decidedOn,
    category: d.category.trim(),
    content: d.content.trim(),
    legalBasis: d.legalBasis.trim(),
  };
  if (d.kind === 'license') return { ...base, validFrom: d.validFrom, validTo: d.validTo };
  return {
    ...base,
    severity: d.severity,
    ...(d.fineYuan.trim() !== '' ? { fineYuan: Number(d.fineYuan) } : {}),
    ...(d.simpleProcedure ? { simpleProcedure: true } : {}),
  };
}

export type SendOutcome = { kind: 'accepted' | 'duplicate'; late: boolean } | { kind: 'rejected'; reason: string };

/** What the answer to a one-item call says about that item. */
export function outcomeOf(answer: DisclosuresResult): SendOutcome {
  const rejected = answer.rejected[0];
  if (rejected) return { kind: 'rejected', reason: reasonText(rejected.code, rejected.message) };
  return { kind: answer.accepted > 0 ? 'accepted' : 'duplicate', late: answer.late.includes(0) };
}
