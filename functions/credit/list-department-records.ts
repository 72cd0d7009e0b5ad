import type { CatalogueVersion } from '../rules/rules.domain';
import type { RulesRepository } from '../rules/rules.repository';
import type { Clock } from '../shared/domain/clock';
import { errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor, startKeyCursor } from '../shared/http/pagination';
import type { CreditRepository } from './credit.repository';
import type { CreditEvent } from './credit.types';

export const DEPARTMENT_RECORD_STATES = ['attached', 'waiting', 'disputed', 'repaired', 'retracted', 'expired'] as const;
export type DepartmentRecordState = (typeof DEPARTMENT_RECORD_STATES)[number];

export interface DepartmentRecordView {
  id: string;
  sourceId: string;
  ruleId: string;
  title: string;
  subjectType: 'person' | 'enterprise';
  subjectMasked: string;
  occurredAt: string;
  receivedAt: string;
  severity?: string;
  points: number;
  state: DepartmentRecordState;
}

/** Where a submitted record stands, as the submitting department sees it (pure). */
export function departmentRecordState(e: CreditEvent, hasAccount: boolean, now: Date): DepartmentRecordState {
  if (e.state === 'retracted') return 'retracted';
  if (e.state === 'repaired') return 'repaired';
  if (e.openObjectionId) return 'disputed';
  if (new Date(e.countsUntil).getTime() <= now.getTime()) return 'expired';
  return hasAccount ? 'attached' : 'waiting';
}

const ruleOf = (catalogue: readonly CatalogueVersion[], e: CreditEvent) =>
  catalogue.find((v) => v.version === e.ruleVersion)?.rules.find((r) => r.id === e.ruleId);

/**
 * What a department has submitted, newest first, each record with its state.
 * 1. One page of the department's records (its own only: the key is its organisation).
 * 2. Whether each subject is in the app yet (one batched read of the subjects' markers).
 * 3. Each record's rule title and points from the catalogue version that scored it; the subject
 *    only masked (records older than masking on ingestion show 「已脱敏」).
 */
export async function listDepartmentRecords(
  deps: { credit: CreditRepository; rules: RulesRepository; clock: Clock },
  department: string | undefined,
  q: { limit: number; cursor?: string },
): Promise<{ items: DepartmentRecordView[]; nextCursor: string | null }> {
  if (!department) throw errors.forbidden('当前账号未绑定报送部门');
  const [page, catalogue] = await Promise.all([deps.credit.listByDepartment(department, q.limit, decodeCursor(q.cursor, startKeyCursor, `records:${department}`)), deps.rules.listVersions()]);
  const withAccounts = await deps.credit.subjectsWithAccounts(page.items.map((e) => e.subjectKey));
  const now = deps.clock.now();
  return {
    items: page.items.map((e) => {
      const rule = ruleOf(catalogue, e);
      return {
        id: e.id,
        sourceId: e.sourceId,
        ruleId: e.ruleId,
        title: rule?.title ?? e.ruleId,
        subjectType: e.subjectType,
        subjectMasked: e.subjectMasked ?? '已脱敏',
        occurredAt: e.occurredAt,
        receivedAt: e.receivedAt,
        ...(e.severity ? { severity: e.severity } : {}),
        points: rule?.points ?? 0,
        state: departmentRecordState(e, withAccounts.has(e.subjectKey), now),
      };
    }),
    nextCursor: page.last ? encodeCursor(page.last, `records:${department}`) : null,
  };
}
