import { z } from 'zod';
import type { AppDeps } from '../container';
import { readProjection } from '../credit/read-projection';
import { enterpriseSubjectKey } from '../credit/credit.types';
import { currentEnterprise } from '../enterprises/current-enterprise';
import { CATALOGUE_V1_RULES } from '../rules/catalogue-v1';
import { residentSubject } from '../points/resident-subject';
import type { Principal } from '../shared/auth/roles';
import { AppError, errors } from '../shared/http/app-error';
import { route, type AnyRoute } from '../shared/http/route';
import { applicableMeasures, type Measure } from './measures.domain';
import { measureSchema, measuresResponse, myMeasuresResponse, type MyMeasuresResponse } from './measures.schemas';

const SERVICE_LABELS = { incentives: '信易+ 守信激励', loans: '信易贷' } as const;

/**
 * The measures that restrict the caller now: which, why (the record), until when and how to get
 * out. Residents and enterprise users see their own.
 */
async function myMeasures(deps: AppDeps, principal: Principal): Promise<MyMeasuresResponse> {
  const subjectKey = principal.roles.includes('resident')
    ? await residentSubject(deps.identities, principal.userId)
    : enterpriseSubjectKey((await currentEnterprise(deps, principal)).uscc);
  const [projection, measures, versions] = await Promise.all([readProjection(deps, subjectKey), deps.measures.list(), deps.rules.listVersions()]);
  const titles = new Map([...CATALOGUE_V1_RULES, ...versions.flatMap((v) => v.rules)].map((r) => [r.id, r.title]));
  return {
    items: applicableMeasures(projection?.activeRecords ?? [], measures, deps.clock.now()).map((a) => ({
      measure: a.measure,
      because: { eventId: a.eventId, ruleId: a.ruleId, title: titles.get(a.ruleId) ?? a.ruleId },
      until: a.until,
      affectsLabels: a.measure.affects.map((s) => SERVICE_LABELS[s]),
    })),
  };
}

async function saveMeasure(deps: AppDeps, m: Measure, expected: string | null): Promise<Measure & { updatedAt: string }> {
  if (m.affects.length === 0 && m.purposes.length === 0) {
    throw errors.validation([{ field: 'affects', message: '至少选择一项限制范围或核查用途' }], '措施至少要限制一项服务或一种核查用途');
  }
  const updatedAt = deps.clock.now().toISOString();
  if (!(await deps.measures.save(m, updatedAt, expected))) {
    throw expected === null ? new AppError(409, 'MEASURE_EXISTS', `措施编号 ${m.id} 已存在`) : new AppError(409, 'EDIT_CONFLICT', '该措施刚被修改过，请刷新后重试');
  }
  return { ...m, updatedAt };
}

export function measuresRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/measures',
      summary: '联合惩戒措施清单（公开）',
      tag: 'rights',
      auth: 'public',
      response: measuresResponse,
      handle: async () => ({ items: await deps.measures.list(), nextCursor: null }),
    }),
    route({
      method: 'get',
      path: '/api/measures/me',
      summary: '对我适用的联合惩戒措施：原因、依据、期限和解除方式',
      tag: 'rights',
      auth: ['resident', 'enterprise'],
      response: myMeasuresResponse,
      errors: ['REAL_NAME_REQUIRED', 'NOT_REGISTERED'],
      handle: ({ principal }) => myMeasures(deps, principal),
    }),
    route({
      method: 'post',
      path: '/api/measures',
      summary: '新增联合惩戒措施（信用中心）',
      tag: 'rights',
      auth: ['admin'],
      body: measureSchema,
      status: 201,
      response: measureSchema.extend({ updatedAt: z.string() }),
      errors: ['MEASURE_EXISTS'],
      handle: ({ body }) => saveMeasure(deps, body, null),
    }),
    route({
      method: 'put',
      path: '/api/measures/:id',
      summary: '修改联合惩戒措施（信用中心）',
      tag: 'rights',
      auth: ['admin'],
      params: z.strictObject({ id: z.string().regex(/^M-[A-Z]+-\d{2}$/) }),
      body: z.strictObject({ measure: measureSchema.omit({ id: true }), expectedUpdatedAt: z.string().min(1) }),
      response: measureSchema.extend({ updatedAt: z.string() }),
      errors: ['EDIT_CONFLICT'],
      handle: ({ params, body }) => saveMeasure(deps, { ...body.measure, id: params.id }, body.expectedUpdatedAt),
    }),
  ];
}
