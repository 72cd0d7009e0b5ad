import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { getPublicEnterprise } from './get-public-enterprise';
import { publicEnterprise, searchQuery, searchResponse, usccParams } from './public.schemas';
import { searchEnterprises } from './search-enterprises';

/** Per client address: enough for a person paging through results, not for harvesting the registry. */
const SEARCH_LIMIT = { scope: 'public-search', limit: 60, windowSeconds: 60, by: 'ip' } as const;
const PAGE_LIMIT = { scope: 'public-enterprise', limit: 120, windowSeconds: 60, by: 'ip' } as const;

export function publicRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/public/enterprises',
      summary: '企业信用查询（公开）：统一社会信用代码精确查询，或企业名称中至少 2 个字，最多 20 家',
      tag: 'public',
      auth: 'public',
      query: searchQuery,
      response: searchResponse,
      rateLimit: SEARCH_LIMIT,
      errors: ['INVALID_USCC'],
      handle: ({ query }) => searchEnterprises(deps, query.q),
    }),
    route({
      method: 'get',
      path: '/api/public/enterprises/:uscc',
      summary: '企业信用公示（公开）：登记信息、行政许可、公示期内的行政处罚、信用承诺及违诺、信用修复指引',
      tag: 'public',
      auth: 'public',
      params: usccParams,
      response: publicEnterprise,
      rateLimit: PAGE_LIMIT,
      errors: ['INVALID_USCC'],
      handle: ({ params }) => getPublicEnterprise(deps, params.uscc),
    }),
  ];
}
