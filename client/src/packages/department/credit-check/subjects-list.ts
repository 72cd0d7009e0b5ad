import { USCC_MESSAGES, usccProblem } from '../../../../../functions/shared/domain/identifiers';
import { MAX_SUBJECTS_PER_CHECK } from '../../../services/credit-checks-api';

export interface ListProblem {
  line: number;
  value: string;
  message: string;
}

export interface SubjectsList {
  /** Valid codes, each once, in the order first given. */
  codes: string[];
  problems: ListProblem[];
  /** Lines repeating a code given before (checked once). */
  repeats: number;
}

const CELL_SEPARATOR = /[,，;；\t]/;
const CJK = /[\u4e00-\u9fff]/;

/** A cell as clerks copy it: quotes, spaces and a byte-order mark dropped, letters raised. */
const normalise = (cell: string) => cell.replace(/^\uFEFF/, '').replace(/["'\s]/g, '').toUpperCase();

/**
 * The codes of a pasted list or an uploaded txt/csv file: one business per line; on a CSV line the
 * cell that is 18 characters long (else the first); a first line with Chinese text and no code is
 * a header. Every other non-empty line must be a valid USCC (GB 32100) — the same checks the API
 * makes — and is reported with its line number when it is not.
 */
export function parseSubjectsList(text: string): SubjectsList {
  const codes: string[] = [];
  const seen = new Set<string>();
  const problems: ListProblem[] = [];
  let repeats = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const cells = raw.split(CELL_SEPARATOR).map(normalise).filter(Boolean);
    if (cells.length === 0) return;
    const cell = cells.find((c) => c.length === 18) ?? cells[0];
    if (i === 0 && CJK.test(raw) && cell.length !== 18) return;
    const problem = usccProblem(cell);
    if (problem) {
      problems.push({ line: i + 1, value: cell, message: USCC_MESSAGES[problem] });
      return;
    }
    if (seen.has(cell)) {
      repeats++;
      return;
    }
    seen.add(cell);
    codes.push(cell);
  });
  return { codes, problems, repeats };
}

/** Why the list cannot be sent yet, or null. */
export function listBlocker(list: SubjectsList): string | null {
  if (list.problems.length > 0) return `有 ${list.problems.length} 行不是有效的统一社会信用代码，请改正或删除后再核查`;
  if (list.codes.length === 0) return '请填写至少 1 个统一社会信用代码，每行一个';
  if (list.codes.length > MAX_SUBJECTS_PER_CHECK) return `每次最多核查 ${MAX_SUBJECTS_PER_CHECK} 家企业，当前 ${list.codes.length} 家，请分批核查`;
  return null;
}
