import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { enterpriseProfile, registerBody, registerResponse } from './enterprises.schemas';
import { getMyEnterprise } from './get-my-enterprise';
import { registerEnterprise } from './register-enterprise';

export function enterprisesRoutes(deps: AppDeps): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/enterprises',
      summary: '企业认证：法定代表人本人（实名）按企业登记信息认证（统一社会信用代码 GB 32100-2015 校验）',
      tag: 'enterprises',
      auth: 'signedIn',
      body: registerBody,
      status: 201,
      response: registerResponse,
      errors: ['INVALID_USCC', 'REAL_NAME_REQUIRED', 'NOT_IN_REGISTRY', 'REGISTRY_MISMATCH', 'NOT_LEGAL_REPRESENTATIVE', 'ENTERPRISE_NOT_ACTIVE', 'USCC_TAKEN', 'ALREADY_REGISTERED', 'ALREADY_STAFF'],
      handle: ({ principal, body }) => registerEnterprise(deps, principal, body),
    }),
    route({
      method: 'get',
      path: '/api/enterprises/me',
      summary: '我的企业：信用评价等级、驱动因素和信用记录',
      tag: 'enterprises',
      auth: ['enterprise'],
      response: enterpriseProfile,
      errors: ['NOT_REGISTERED'],
      handle: ({ principal }) => getMyEnterprise(deps, principal),
    }),
  ];
}
