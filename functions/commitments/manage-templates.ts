import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/domain/clock';
import { AppError, errors } from '../shared/http/app-error';
import { templateViewOf } from './commitment-views';
import type { CommitmentTemplate } from './commitments.domain';
import type { CommitmentsRepository } from './commitments.repository';
import type { TemplateCreateBody, TemplateUpdateBody, TemplateView } from './commitments.schemas';

type Deps = { commitments: CommitmentsRepository; clock: Clock };

/** The templates a business may sign now (public), or every template (the centre's console). */
export async function listTemplates(deps: Deps, which: 'published' | 'all'): Promise<{ items: TemplateView[]; nextCursor: null }> {
  const all = await deps.commitments.listTemplates();
  return { items: all.filter((t) => which === 'all' || t.status === 'published').map(templateViewOf), nextCursor: null };
}

/**
 * The credit centre publishes a new template.
 * 1. Type, title and clauses are validated at the edge (1–12 clauses).
 * 2. It is stored published, under a new id, and offered for signing at once.
 */
export async function createTemplate(deps: Deps, body: TemplateCreateBody): Promise<TemplateView> {
  const at = deps.clock.now().toISOString();
  const t: CommitmentTemplate = { id: `tpl-${randomUUID()}`, type: body.type, title: body.title, clauses: body.clauses, status: 'published', createdAt: at, updatedAt: at };
  if (!(await deps.commitments.saveTemplate(t, null))) throw new AppError(409, 'EDIT_CONFLICT', '模板编号冲突，请重试');
  return templateViewOf(t);
}

/**
 * The credit centre edits or retires a template.
 * 1. The template must exist (404).
 * 2. The write replaces only the version the editor read (`expectedUpdatedAt`); a concurrent edit
 *    is 409 EDIT_CONFLICT. The type never changes (a commitment's meaning rests on it).
 * 3. Commitments already signed keep the clauses they were signed with; a retired template is no
 *    longer offered for signing.
 */
export async function updateTemplate(deps: Deps, id: string, body: TemplateUpdateBody): Promise<TemplateView> {
  const current = await deps.commitments.getTemplate(id);
  if (!current) throw errors.notFound('承诺书模板不存在');
  // Always later than the version replaced, so the next editor's expectedUpdatedAt tells them apart.
  const updatedAt = new Date(Math.max(deps.clock.now().getTime(), Date.parse(current.updatedAt) + 1)).toISOString();
  const next: CommitmentTemplate = { ...current, title: body.title, clauses: body.clauses, status: body.status, updatedAt };
  if (!(await deps.commitments.saveTemplate(next, body.expectedUpdatedAt))) throw new AppError(409, 'EDIT_CONFLICT', '该模板刚被修改过，请刷新后重试');
  return templateViewOf(next);
}
