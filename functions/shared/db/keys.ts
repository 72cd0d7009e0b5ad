/**
 * Every key format of the single table lives here, so no other module spells `USER#…`.
 *
 *   pk / sk            main key
 *   gsi1pk / gsi1sk    GSI1: "list by owner" access patterns (org → staff, …)
 */
export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  pointsProjection: (userId: string) => ({ pk: `USER#${userId}`, sk: 'POINTS' }),
  wechatIdentity: (openid: string) => ({ pk: `WX#${openid}`, sk: 'IDENTITY' }),
  org: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'PROFILE' }),
  orgStaffIndex: (orgId: string, userId: string) => ({ gsi1pk: `ORG#${orgId}`, gsi1sk: `USER#${userId}` }),
  healthProbe: () => ({ pk: 'SYSTEM#health', sk: 'PROBE' }),
} as const;
