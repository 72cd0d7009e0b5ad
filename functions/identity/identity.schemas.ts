import { z } from 'zod';
import { ORG_TYPES, ROLES } from '../shared/auth/roles';
import { DEMO_USER_IDS } from './demo-identities';

export const wechatLoginBody = z.strictObject({
  code: z.string().min(1).max(128).regex(/^[0-9A-Za-z_-]+$/, '微信登录凭证格式不正确'),
});

export const devLoginBody = z.strictObject({
  userId: z.enum(DEMO_USER_IDS),
});

export const sessionUser = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  orgId: z.string().optional(),
});

export const authResponse = z.object({
  token: z.string(),
  expiresAt: z.string().describe('ISO-8601'),
  user: sessionUser,
});

export const meResponse = z.object({
  user: sessionUser.extend({
    org: z
      .object({ id: z.string(), name: z.string(), type: z.enum(ORG_TYPES), status: z.enum(['active', 'suspended']), suspendedReason: z.string().optional() })
      .optional()
      .describe('the organisation the user acts for'),
    manager: z.boolean().describe('a manager of that organisation (may invite and remove its staff)'),
    feeds: z.object({ rules: z.array(z.string()), registries: z.array(z.string()) }).optional().describe('departments: what they may feed beyond the rules that name them'),
    realNameVerified: z.boolean(),
    maskedIdNumber: z.string().optional(),
  }),
});

export type WechatLoginBody = z.infer<typeof wechatLoginBody>;
export type DevLoginBody = z.infer<typeof devLoginBody>;
export type SessionUser = z.infer<typeof sessionUser>;
export type AuthResponse = z.infer<typeof authResponse>;
export type MeResponse = z.infer<typeof meResponse>;
