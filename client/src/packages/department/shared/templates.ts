/**
 * The upload templates: a CSV (header and two example lines) and the same two records as JSON
 * Lines. The examples use synthetic identifiers that pass the national check characters, and
 * rules this department may submit, so the file shows a valid record; their sourceIds start with
 * EXAMPLE- so an upload refuses them if the clerk forgets to delete them.
 */
import { idCheckChar, usccCheckChar } from '../../../../../functions/shared/domain/identifiers';
import type { RuleView, SubjectType } from '../../../services/department-api';
import { addDays } from '../../../services/time';
import { CSV_COLUMNS } from '../../../../../functions/credit/import/parse-records';
import { EXAMPLE_PREFIX } from './records-file';

/** A person born 1990-03-07 in 管城回族区 (410104) and a business registered there: not real. */
const PERSON_FIRST17 = '41010419900307123';
const ENTERPRISE_FIRST17 = '91410104MA44ABCD1';
export const EXAMPLE_ID_NUMBER = PERSON_FIRST17 + idCheckChar(PERSON_FIRST17);
export const EXAMPLE_USCC = ENTERPRISE_FIRST17 + usccCheckChar(ENTERPRISE_FIRST17);

const FALLBACK_RULES: Record<SubjectType, { id: string; severity?: RuleView['severity'] }> = {
  person: { id: 'P-LAW-03', severity: 'general' },
  enterprise: { id: 'E-LAW-02', severity: 'general' },
};

export interface TemplateFile {
  name: string;
  mime: string;
  text: string;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The two example records, with rules of this department where it has them. */
export function exampleRecords(rules: readonly RuleView[], today: string): Array<Record<(typeof CSV_COLUMNS)[number], string>> {
  const ruleFor = (type: SubjectType) => rules.find((r) => r.subjectType === type) ?? FALLBACK_RULES[type];
  const person = ruleFor('person');
  const enterprise = ruleFor('enterprise');
  return [
    {
      sourceId: `${EXAMPLE_PREFIX}0001`,
      subjectType: 'person',
      subjectId: EXAMPLE_ID_NUMBER,
      ruleId: person.id,
      occurredAt: `${addDays(today, -7)}T09:30:00+08:00`,
      severity: person.severity ?? '',
      note: '示例行，上传前请删除。管市监罚〔2026〕1号, 罚款 500 元（含英文逗号的格用英文双引号括起）',
    },
    {
      sourceId: `${EXAMPLE_PREFIX}0002`,
      subjectType: 'enterprise',
      subjectId: EXAMPLE_USCC,
      ruleId: enterprise.id,
      occurredAt: addDays(today, -3),
      severity: enterprise.severity ?? '',
      note: '示例行，上传前请删除',
    },
  ];
}

/** CSV with a byte-order mark, so Excel opens the Chinese text as UTF-8. */
export function csvTemplate(rules: readonly RuleView[], today: string): TemplateFile {
  const rows = exampleRecords(rules, today).map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return { name: '信用记录报送模板.csv', mime: 'text/csv;charset=utf-8', text: `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n` };
}

export function jsonlTemplate(rules: readonly RuleView[], today: string): TemplateFile {
  const lines = exampleRecords(rules, today).map((r) => {
    const entries = Object.entries(r).filter(([, v]) => v !== '');
    return JSON.stringify(Object.fromEntries(entries));
  });
  return { name: '信用记录报送模板.jsonl', mime: 'application/x-ndjson;charset=utf-8', text: `${lines.join('\n')}\n` };
}

/** What the columns mean, for the page next to the download. */
export const COLUMN_HELP: ReadonlyArray<{ column: string; text: string }> = [
  { column: 'sourceId', text: '来源编号：本部门内唯一（字母、数字和 _ . : - /），重复报送同一编号不会重复记录' },
  { column: 'subjectType', text: '主体类型：person（个人）或 enterprise（企业），也可填「个人」「企业」' },
  { column: 'subjectId', text: '18 位身份证号码或统一社会信用代码；用 Excel 编辑时请把该列设为「文本」' },
  { column: 'ruleId', text: '规则编号，如 P-LAW-03，须是本部门可报送的规则' },
  { column: 'occurredAt', text: '发生时间，如 2026-01-05 或 2026-01-05T09:30:00+08:00，不能晚于今天' },
  { column: 'severity', text: '严重程度（选填）：light/general/serious 或 轻微/一般/严重，须与规则一致' },
  { column: 'note', text: '备注（选填），最多 200 字，不能换行' },
];
