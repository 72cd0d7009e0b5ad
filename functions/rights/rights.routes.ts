import { z } from 'zod';
import type { AppDeps } from '../container';
import { DEPARTMENT_NAMES } from '../rules/catalogue-v1';
import { findRule } from '../rules/rules.domain';
import type { Principal } from '../shared/auth/roles';
import { errors } from '../shared/http/app-error';
import { decodeCursor, encodeCursor, startKeyCursor } from '../shared/http/pagination';
import { route, type AnyRoute } from '../shared/http/route';
import { callerSubject } from './caller-subject';
import { decideCase } from './decide-case';
import { openCase } from './open-case';
import { CASE_STATUSES, STATUS_LABELS, type CaseKind, type RightsCase } from './rights.domain';

const caseView = z.object({
  id: z.string(),
  kind: z.enum(['objection', 'repair']),
  eventId: z.string(),
  eventTitle: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string(),
  text: z.string(),
  department: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  answeredAt: z.string().optional(),
  answer: z.string().optional(),
});

const casesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1024).regex(/^[A-Za-z0-9_-]+$/).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  department: z.string().max(64).optional().describe('admin: which department’s queue'),
});

const caseIdParams = z.strictObject({ id: z.string().regex(/^(ob|rp)-[0-9a-f-]{36}$/, '编号格式不正确') });

export type CaseView = z.infer<typeof caseView>;

async function titleOf(deps: AppDeps, eventId: string): Promise<string> {
  const [event, versions] = await Promise.all([deps.credit.findEvent(eventId), deps.rules.listVersions()]);
  return (event && findRule(versions, event.ruleVersion, event.ruleId)?.title) ?? '信用记录';
}

async function view(deps: AppDeps, c: RightsCase): Promise<CaseView> {
  return viewWithTitle(deps, c, await titleOf(deps, c.eventId));
}

/** A page of cases: their events' titles from one BatchGet of the events (not a query per case). */
async function views(deps: AppDeps, cases: RightsCase[]): Promise<CaseView[]> {
  const [events, versions] = await Promise.all([deps.credit.eventsByKey(cases.map((c) => ({ subjectKey: c.subjectKey, eventId: c.eventId }))), deps.rules.listVersions()]);
  return cases.map((c) => {
    const e = events.get(c.eventId);
    return viewWithTitle(deps, c, (e && findRule(versions, e.ruleVersion, e.ruleId)?.title) ?? '信用记录');
  });
}

function viewWithTitle(deps: AppDeps, c: RightsCase, eventTitle: string): CaseView {
  return {
    id: c.id,
    kind: c.kind,
    eventId: c.eventId,
    eventTitle,
    status: c.status,
    statusLabel: STATUS_LABELS[c.status],
    text: c.text,
    department: { id: c.department, name: DEPARTMENT_NAMES[c.department] ?? c.department },
    createdAt: c.createdAt,
    deadline: c.deadline,
    overdue: c.status === 'OPEN' && deps.clock.now().getTime() > new Date(c.deadline).getTime(),
    ...(c.answeredAt ? { answeredAt: c.answeredAt } : {}),
    ...(c.answer ? { answer: c.answer } : {}),
  };
}

/**
 * Subjects see their own cases; a department its queue; the admin any department's queue. One
 * Query per page — a status filter is a key (the case's status list), so pages are full — and one
 * BatchGet for the events' titles. A cursor belongs to its list and filter.
 */
async function listCases(deps: AppDeps, principal: Principal, kind: CaseKind, q: z.infer<typeof casesQuery>) {
  let page;
  let scope: string;
  if (principal.roles.includes('department') || principal.roles.includes('admin')) {
    const department = principal.roles.includes('admin') ? q.department : principal.orgId;
    if (!department) throw errors.validation([{ field: 'department', message: '请选择部门', code: 'required' }]);
    scope = `${kind}:department:${department}${q.status ? `:${q.status}` : ''}`;
    page = await deps.rights.listByDepartment(kind, department, q.limit, decodeCursor(q.cursor, startKeyCursor, scope), q.status);
  } else {
    const { owner } = await callerSubject(deps, principal);
    scope = `${kind}:owner:${owner}${q.status ? `:${q.status}` : ''}`;
    page = await deps.rights.listByOwner(kind, owner, q.limit, decodeCursor(q.cursor, startKeyCursor, scope), q.status);
  }
  return { items: await views(deps, page.items), nextCursor: page.last ? encodeCursor(page.last, scope) : null };
}

export function rightsRoutes(deps: AppDeps): AnyRoute[] {
  const kinds: Array<{ kind: CaseKind; path: string; label: string; textField: 'reason' | 'statement'; decisions: [string, ...string[]] }> = [
    { kind: 'objection', path: '/api/objections', label: '异议', textField: 'reason', decisions: ['uphold', 'reject'] },
    { kind: 'repair', path: '/api/repairs', label: '信用修复申请', textField: 'statement', decisions: ['approve', 'reject'] },
  ];
  return kinds.flatMap(({ kind, path, label, textField, decisions }) => [
    route({
      method: 'post',
      path,
      summary: kind === 'objection' ? '对本人/本企业的信用记录提出异议' : '申请信用修复（免费）',
      tag: 'rights',
      auth: ['resident', 'enterprise'],
      body: z.strictObject({ eventId: z.string().regex(/^ev-[0-9a-f-]{36}$/, '记录编号格式不正确'), [textField]: z.string().trim().min(5, '请至少写 5 个字').max(500) }),
      status: 201,
      response: z.object({ id: z.string(), status: z.literal('OPEN'), deadline: z.string() }),
      errors: kind === 'objection' ? ['OBJECTION_OPEN', 'OBJECTION_NOT_ALLOWED', 'NOT_FOUND'] : ['REPAIR_OPEN', 'REPAIR_NOT_ALLOWED', 'NOT_FOUND'],
      handle: ({ principal, body }) => openCase(deps, principal, kind, body.eventId as string, body[textField] as string),
    }),
    route({
      method: 'get',
      path,
      summary: `${label}（本人的；部门：待处理队列；信用中心：按部门）`,
      tag: 'rights',
      auth: ['resident', 'enterprise', 'department', 'admin'],
      query: casesQuery,
      response: z.object({ items: z.array(caseView), nextCursor: z.string().nullable() }),
      handle: ({ principal, query }) => listCases(deps, principal, kind, query),
    }),
    route({
      method: 'post',
      path: `${path}/:id/decision`,
      summary: `答复${label}（报送部门或信用中心，须说明理由）`,
      tag: 'rights',
      auth: ['department', 'admin'],
      params: caseIdParams,
      body: z.strictObject({ decision: z.enum(decisions), reason: z.string().trim().min(4, '请说明理由（至少 4 个字）').max(500) }),
      response: caseView,
      errors: ['CASE_CLOSED', 'NOT_FOUND'],
      handle: async ({ principal, params, body }) => view(deps, await decideCase(deps, principal, kind, params.id, body.decision as 'uphold' | 'reject' | 'approve', body.reason)),
    }),
  ]);
}
