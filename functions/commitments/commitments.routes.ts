import type { AppDeps } from '../container';
import { currentEnterprise } from '../enterprises/current-enterprise';
import { route, type AnyRoute } from '../shared/http/route';
import { commitmentViewOf, newestFirst } from './commitment-views';
import {
  breachBody,
  breachResponse,
  commitmentIdParams,
  commitmentsResponse,
  signBody,
  signResponse,
  templateCreateBody,
  templateIdParams,
  templatesResponse,
  templateUpdateBody,
  templateView,
} from './commitments.schemas';
import { createTemplate, listTemplates, updateTemplate } from './manage-templates';
import { recordBreach } from './record-breach';
import { signCommitment } from './sign-commitment';

export function commitmentsRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/commitment-templates',
      summary: '信用承诺书模板（公开）：主动型、审批替代型（告知承诺）、行业自律型、信用修复型',
      tag: 'commitments',
      auth: 'public',
      response: templatesResponse,
      handle: () => listTemplates(deps, 'published'),
    }),
    route({
      method: 'post',
      path: '/api/commitments',
      summary: '企业签署信用承诺（可带 Idempotency-Key；签署后在企业公示页公开）',
      tag: 'commitments',
      auth: ['enterprise'],
      body: signBody,
      status: 201,
      response: signResponse,
      errors: ['NOT_REGISTERED', 'COMMITMENT_BARRED', 'IDEMPOTENCY_KEY_REUSED', 'BUSY'],
      handle: async ({ principal, body, header, res }) => {
        const { replayed, ...signed } = await signCommitment(deps, principal, header('idempotency-key'), body);
        if (replayed) res.setHeader('idempotent-replayed', 'true');
        return signed;
      },
    }),
    route({
      method: 'get',
      path: '/api/commitments',
      summary: '本企业签署的信用承诺（含违诺记录）',
      tag: 'commitments',
      auth: ['enterprise'],
      response: commitmentsResponse,
      errors: ['NOT_REGISTERED'],
      handle: async ({ principal }) => {
        const e = await currentEnterprise(deps, principal);
        return { items: newestFirst(await deps.commitments.listByBusiness(e.uscc, true)).map(commitmentViewOf), nextCursor: null };
      },
    }),
    route({
      method: 'post',
      path: '/api/commitments/:id/breaches',
      summary: '部门记录违诺：违诺事由、日期和严重程度；承诺公开显示违诺，企业按目录规则记入信用记录（每份承诺一次）',
      tag: 'commitments',
      auth: ['department'],
      params: commitmentIdParams,
      body: breachBody,
      status: 201,
      response: breachResponse,
      errors: ['ALREADY_BREACHED', 'ORG_SUSPENDED', 'BUSY'],
      handle: ({ principal, params, body }) => recordBreach({ ...deps, idHashPepper: deps.config.idHashPepper }, principal, params.id, body),
    }),
    route({
      method: 'get',
      path: '/api/admin/commitment-templates',
      summary: '承诺书模板管理：全部模板（含已停用）',
      tag: 'commitments',
      auth: ['admin'],
      response: templatesResponse,
      handle: () => listTemplates(deps, 'all'),
    }),
    route({
      method: 'post',
      path: '/api/admin/commitment-templates',
      summary: '发布承诺书模板',
      tag: 'commitments',
      auth: ['admin'],
      body: templateCreateBody,
      status: 201,
      response: templateView,
      handle: ({ body }) => createTemplate(deps, body),
    }),
    route({
      method: 'put',
      path: '/api/admin/commitment-templates/:id',
      summary: '修改或停用承诺书模板（已签署的承诺保留签署时的条款）',
      tag: 'commitments',
      auth: ['admin'],
      params: templateIdParams,
      body: templateUpdateBody,
      response: templateView,
      errors: ['EDIT_CONFLICT'],
      handle: ({ params, body }) => updateTemplate(deps, params.id, body),
    }),
  ];
}
