import type { Measure } from '../../../services/rights-api';

export interface MeasureDraft {
  id: string;
  title: string;
  description: string;
  legalBasis: string;
  listType: string;
  /** Rule ids as typed: separated by commas, spaces or 、. */
  ruleIds: string;
  severity: Measure['severity'];
  durationMonths: string;
  affects: Measure['affects'];
  /** The government uses (信用核查 purposes) it restricts. */
  purposes: Measure['purposes'];
  howToExit: string;
}

export type MeasureField = keyof MeasureDraft;

export const emptyMeasureDraft = (): MeasureDraft => ({
  id: '',
  title: '',
  description: '',
  legalBasis: '',
  listType: '',
  ruleIds: '',
  severity: 'serious',
  durationMonths: '12',
  affects: [],
  purposes: [],
  howToExit: '',
});

export const measureDraftFrom = (m: Measure): MeasureDraft => ({
  id: m.id,
  title: m.title,
  description: m.description,
  legalBasis: m.legalBasis,
  listType: m.listType,
  ruleIds: m.ruleIds.join(', '),
  severity: m.severity,
  durationMonths: String(m.durationMonths),
  affects: [...m.affects],
  purposes: [...(m.purposes ?? [])],
  howToExit: m.howToExit,
});

export const splitRuleIds = (text: string) =>
  text
    .split(/[\s,，、]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

const between = (s: string, min: number, max: number) => s.trim().length >= min && s.trim().length <= max;

/** Field by field, what must change before saving (the API schema's limits). */
export function measureProblems(d: MeasureDraft, creating: boolean): Partial<Record<MeasureField, string>> {
  const p: Partial<Record<MeasureField, string>> = {};
  if (creating && !/^M-[A-Z]+-\d{2}$/.test(d.id)) p.id = '形如 M-COURT-01';
  if (!between(d.title, 2, 40)) p.title = '名称 2–40 个字';
  if (!between(d.description, 2, 300)) p.description = '说明 2–300 个字';
  if (!between(d.legalBasis, 4, 300)) p.legalBasis = '法律依据 4–300 个字';
  if (!between(d.listType, 2, 40)) p.listType = '名单类型 2–40 个字';
  const ids = splitRuleIds(d.ruleIds);
  const bad = ids.filter((x) => !/^[A-Z]-[A-Z]{3}-\d{2}$/.test(x));
  if (ids.length === 0 || ids.length > 20) p.ruleIds = '填写 1–20 条规则编号，如 P-LAW-01';
  else if (bad.length > 0) p.ruleIds = `规则编号格式不对：${bad.join('、')}（形如 P-LAW-01）`;
  const months = /^\d+$/.test(d.durationMonths.trim()) ? Number(d.durationMonths) : NaN;
  if (!(months >= 1 && months <= 60)) p.durationMonths = '1–60 的整数';
  if (d.affects.length === 0 && d.purposes.length === 0) p.affects = '至少选择一项限制范围或核查用途';
  if (!between(d.howToExit, 4, 300)) p.howToExit = '解除方式 4–300 个字';
  return p;
}

export const toMeasure = (d: MeasureDraft): Measure => ({
  id: d.id,
  title: d.title.trim(),
  description: d.description.trim(),
  legalBasis: d.legalBasis.trim(),
  listType: d.listType.trim(),
  ruleIds: splitRuleIds(d.ruleIds),
  severity: d.severity,
  durationMonths: Number(d.durationMonths),
  affects: d.affects,
  purposes: d.purposes,
  howToExit: d.howToExit.trim(),
});
