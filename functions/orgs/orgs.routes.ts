import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { listQuery } from '../shared/http/pagination';
import { authResponse } from '../identity/identity.schemas';
import { acceptInvitation } from './accept-invitation';
import { createOrg } from './create-org';
import { inviteStaff } from './invite-staff';
import { getOrg, listOrgs } from './list-orgs';
import { listStaff } from './list-staff';
import { listInvitations } from './manage-invitations';
import {
  acceptBody,
  createOrgBody,
  invitationCreated,
  invitationParams,
  invitationsPage,
  inviteBody,
  listOrgsQuery,
  orgIdParams,
  orgsPage,
  orgView,
  staffPage,
  staffParams,
  suspendBody,
  updateOrgBody,
} from './orgs.schemas';
import { removeStaff } from './remove-staff';
import { revokeInvitation } from './revoke-invitation';
import { setOrgStatus } from './set-org-status';
import { updateOrg } from './update-org';

export function orgsRoutes(deps: AppDeps): AnyRoute[] {
  const withPepper = { ...deps, invitationPepper: deps.config.idHashPepper };
  return [
    route({
      method: 'post',
      path: '/api/orgs',
      summary: '新建机构：商户、银行、部门（信用中心）',
      tag: 'orgs',
      auth: ['admin'],
      body: createOrgBody,
      status: 201,
      response: orgView,
      errors: ['INVALID_USCC', 'USCC_TAKEN'],
      handle: ({ body }) => createOrg(deps, body),
    }),
    route({
      method: 'get',
      path: '/api/orgs',
      summary: '机构列表（信用中心），可按类型筛选',
      tag: 'orgs',
      auth: ['admin'],
      query: listOrgsQuery,
      response: orgsPage,
      handle: ({ query }) => listOrgs(deps, query),
    }),
    route({
      method: 'get',
      path: '/api/orgs/:id',
      summary: '机构详情（信用中心；本机构人员）',
      tag: 'orgs',
      auth: 'signedIn',
      params: orgIdParams,
      response: orgView,
      errors: ['NOT_FOUND'],
      handle: async ({ session, params }) => getOrg(deps, await session(), params.id),
    }),
    route({
      method: 'patch',
      path: '/api/orgs/:id',
      summary: '修改机构名称或部门报送范围（信用中心）',
      tag: 'orgs',
      auth: ['admin'],
      params: orgIdParams,
      body: updateOrgBody,
      response: orgView,
      errors: ['NOT_FOUND', 'EDIT_CONFLICT'],
      handle: ({ params, body }) => updateOrg(deps, params.id, body),
    }),
    route({
      method: 'post',
      path: '/api/orgs/:id/suspension',
      summary: '暂停机构（信用中心）：商户不能核销、银行产品下架、部门不能报送',
      tag: 'orgs',
      auth: ['admin'],
      params: orgIdParams,
      body: suspendBody,
      response: orgView,
      errors: ['NOT_FOUND', 'EDIT_CONFLICT', 'CANNOT_SUSPEND_CENTRE'],
      handle: ({ params, body }) => setOrgStatus(deps, params.id, { suspended: true, reason: body.reason }),
    }),
    route({
      method: 'delete',
      path: '/api/orgs/:id/suspension',
      summary: '恢复机构（信用中心）',
      tag: 'orgs',
      auth: ['admin'],
      params: orgIdParams,
      response: orgView,
      errors: ['NOT_FOUND', 'EDIT_CONFLICT', 'CANNOT_SUSPEND_CENTRE'],
      handle: ({ params }) => setOrgStatus(deps, params.id, { suspended: false }),
    }),
    route({
      method: 'post',
      path: '/api/orgs/:id/invitations',
      summary: '邀请人员（信用中心；本机构管理员）：一次性邀请码，72 小时有效',
      tag: 'orgs',
      auth: 'signedIn',
      params: orgIdParams,
      body: inviteBody,
      status: 201,
      response: invitationCreated,
      errors: ['NOT_FOUND', 'ORG_SUSPENDED'],
      handle: async ({ session, params, body }) => inviteStaff(withPepper, await session(), params.id, body),
    }),
    route({
      method: 'get',
      path: '/api/orgs/:id/invitations',
      summary: '本机构的邀请及其状态（不含邀请码）',
      tag: 'orgs',
      auth: 'signedIn',
      params: orgIdParams,
      query: listQuery,
      response: invitationsPage,
      errors: ['NOT_FOUND'],
      handle: async ({ session, params, query }) => listInvitations(deps, await session(), params.id, query),
    }),
    route({
      method: 'delete',
      path: '/api/orgs/:id/invitations/:invitationId',
      summary: '撤销未使用的邀请',
      tag: 'orgs',
      auth: 'signedIn',
      params: invitationParams,
      errors: ['NOT_FOUND', 'INVITATION_USED'],
      handle: async ({ session, params }) => revokeInvitation(deps, await session(), params.id, params.invitationId),
    }),
    route({
      method: 'post',
      path: '/api/invitations/accept',
      summary: '接受邀请，成为机构人员（返回带新角色的登录凭证）',
      tag: 'orgs',
      auth: 'signedIn',
      body: acceptBody,
      response: authResponse,
      errors: ['INVITATION_NOT_FOUND', 'INVITATION_USED', 'INVITATION_EXPIRED', 'ALREADY_STAFF', 'RATE_LIMITED'],
      // Codes carry 60 bits, and guessing is also slowed per account.
      rateLimit: { scope: 'invitation-accept', limit: 20, windowSeconds: 3600, by: 'user' },
      handle: ({ principal, body }) => acceptInvitation(withPepper, principal, body.code),
    }),
    route({
      method: 'get',
      path: '/api/orgs/:id/staff',
      summary: '本机构人员（信用中心；本机构管理员）',
      tag: 'orgs',
      auth: 'signedIn',
      params: orgIdParams,
      query: listQuery,
      response: staffPage,
      errors: ['NOT_FOUND'],
      handle: async ({ session, params, query }) => listStaff(deps, await session(), params.id, query),
    }),
    route({
      method: 'delete',
      path: '/api/orgs/:id/staff/:userId',
      summary: '移除人员（立即生效：其登录凭证随即失去该角色）',
      tag: 'orgs',
      auth: 'signedIn',
      params: staffParams,
      status: 204,
      errors: ['NOT_FOUND', 'CANNOT_REMOVE_SELF'],
      handle: async ({ session, params }) => removeStaff(deps, await session(), params.id, params.userId),
    }),
  ];
}
