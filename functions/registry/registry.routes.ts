import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { feedEnterpriseRegistry } from './feed-enterprise-registry';
import { feedTaxGrades } from './feed-tax-grades';
import { enterpriseFeedBody, feedResponse, MAX_ITEMS_PER_CALL, taxGradeFeedBody } from './registry.schemas';

export function registryRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/registry/enterprises',
      summary: `市场监管部门报送企业登记信息（每次 1–${MAX_ITEMS_PER_CALL} 条，逐条校验；重复报送即更新）`,
      tag: 'registry',
      auth: ['department'],
      body: enterpriseFeedBody,
      bodyLimit: '1mb',
      response: feedResponse,
      errors: ['TOO_MANY_RECORDS', 'PAYLOAD_TOO_LARGE', 'ORG_SUSPENDED', 'BUSY'],
      handle: ({ principal, body }) => feedEnterpriseRegistry(deps, principal.orgId, body.items),
    }),
    route({
      method: 'post',
      path: '/api/registry/tax-grades',
      summary: `税务部门报送纳税信用等级（每次 1–${MAX_ITEMS_PER_CALL} 条，逐条校验；重复报送即更新）`,
      tag: 'registry',
      auth: ['department'],
      body: taxGradeFeedBody,
      bodyLimit: '1mb',
      response: feedResponse,
      errors: ['TOO_MANY_RECORDS', 'PAYLOAD_TOO_LARGE', 'ORG_SUSPENDED'],
      handle: ({ principal, body }) => feedTaxGrades(deps, principal.orgId, body.items),
    }),
  ];
}
