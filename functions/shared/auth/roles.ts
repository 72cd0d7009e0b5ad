export const ROLES = ['resident', 'merchant', 'enterprise', 'bank', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_TYPES = ['merchant', 'enterprise', 'bank', 'department', 'centre'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Who is calling: taken from a verified token, never from the request body. */
export interface Principal {
  userId: string;
  roles: Role[];
  orgId?: string;
}
