export const ROLES = ['resident', 'merchant', 'enterprise', 'bank', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_TYPES = ['merchant', 'enterprise', 'bank', 'department', 'centre'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/** Roles that come from an organisation (an invitation), as opposed to being a person or a business. */
export const STAFF_ROLES: readonly Role[] = ['merchant', 'bank', 'department', 'admin'];

/** Which staff role each organisation type's members hold. */
export const STAFF_ROLE_OF_ORG: Partial<Record<OrgType, Role>> = {
  merchant: 'merchant',
  bank: 'bank',
  department: 'department',
  centre: 'admin',
};

/**
 * Who is calling: taken from a verified token, never from the request body. The token's claims
 * are confirmed against the stored account on every request (see session-check.ts); the fields
 * below `orgId` are known only once that confirmation has arrived.
 */
export interface Principal {
  userId: string;
  roles: Role[];
  orgId?: string;
  /** The token's id (`jti`) and expiry (epoch seconds): what sign-out revokes. */
  sessionId?: string;
  sessionExpiresAt?: number;
  /** A manager of their organisation (may invite and remove its staff). */
  manager?: boolean;
  orgStatus?: 'active' | 'suspended';
  /**
   * A resident's credit subject as the token claims it (a login after real-name verification),
   * so their projection can be read beside the confirmation; kept by the confirmation only when
   * the account says the same.
   */
  subjectKey?: string;
  /** The stored account as the confirmation read it: what handlers need of it without reading it again. */
  account?: Account;
}

/** The caller's stored account, as confirmed with the session (see identity/confirm-session.ts). */
export interface Account {
  /** The account's organisation now (the token's may be older). */
  orgId?: string;
  name?: string;
  realNameVerifiedAt?: string;
  subjectKey?: string;
  consentWithdrawnAt?: string;
}
