import { z } from 'zod';
import { ORG_TYPES, ROLES } from '../shared/auth/roles';
import { listQuery } from '../shared/http/pagination';
import { CREATABLE_ORG_TYPES, REGISTRIES } from './orgs.domain';

const orgName = z.string().trim().min(2, '机构名称至少 2 个字').max(60, '机构名称最多 60 个字');
const ruleId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, '规则编号格式不正确');

export const orgFeeds = z.strictObject({
  rules: z.array(ruleId).max(200).default([]),
  registries: z.array(z.enum(REGISTRIES)).max(REGISTRIES.length).default([]),
});

export const createOrgBody = z.strictObject({
  type: z.enum(CREATABLE_ORG_TYPES),
  name: orgName,
  uscc: z.string().trim().max(40),
  feeds: orgFeeds.optional(),
});

export const updateOrgBody = z
  .strictObject({
    name: orgName.optional(),
    feeds: orgFeeds.optional(),
    expectedUpdatedAt: z.string().max(40).optional().describe('the updatedAt the editor read; a concurrent edit answers 409 EDIT_CONFLICT'),
  })
  .refine((b) => b.name !== undefined || b.feeds !== undefined, { message: '请至少修改一项' });

export const suspendBody = z.strictObject({
  reason: z.string().trim().min(2, '请填写暂停原因').max(200),
});

export const orgIdParams = z.strictObject({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
export const staffParams = orgIdParams.extend({ userId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
export const invitationParams = orgIdParams.extend({ invitationId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

export const listOrgsQuery = listQuery.extend({ type: z.enum(ORG_TYPES).optional(), status: z.enum(['active', 'suspended']).optional() });

export const orgView = z.object({
  id: z.string(),
  type: z.enum(ORG_TYPES),
  name: z.string(),
  uscc: z.string().optional(),
  status: z.enum(['active', 'suspended']),
  suspendedReason: z.string().optional(),
  feeds: z.object({ rules: z.array(z.string()), registries: z.array(z.enum(REGISTRIES)) }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const orgsPage = z.object({ items: z.array(orgView), nextCursor: z.string().nullable() });

export const inviteBody = z.strictObject({
  role: z.enum(ROLES),
  name: z.string().trim().min(1, '请填写被邀请人的姓名').max(30),
  manager: z.boolean().optional(),
});

export const invitationCreated = z.object({ id: z.string(), code: z.string().describe('shown once; only its keyed hash is stored'), expiresAt: z.string() });

export const invitationView = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  manager: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['open', 'used', 'revoked', 'expired']),
});

export const invitationsPage = z.object({ items: z.array(invitationView), nextCursor: z.string().nullable() });

export const acceptBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
});

export const staffView = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  manager: z.boolean(),
  since: z.string(),
});

export const staffPage = z.object({ items: z.array(staffView), nextCursor: z.string().nullable() });

export type OrgView = z.infer<typeof orgView>;
export type CreateOrgBody = z.infer<typeof createOrgBody>;
export type UpdateOrgBody = z.infer<typeof updateOrgBody>;
export type InviteBody = z.infer<typeof inviteBody>;
export type InvitationView = z.infer<typeof invitationView>;
export type StaffView = z.infer<typeof staffView>;
