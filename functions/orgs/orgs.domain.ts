import { createHmac, randomInt } from 'node:crypto';
import { STAFF_ROLE_OF_ORG, type OrgType, type Principal, type Role } from '../shared/auth/roles';

/** Organisation types the credit centre creates (the centre itself comes from the bootstrap; businesses register themselves). */
export const CREATABLE_ORG_TYPES = ['merchant', 'bank', 'department'] as const;
export type CreatableOrgType = (typeof CREATABLE_ORG_TYPES)[number];

/** The registries a department may feed (API.md, Registries), and 双公示 (its licensing and penalty decisions). */
export const REGISTRIES = ['enterprises', 'tax-grades', 'disclosures'] as const;
export type Registry = (typeof REGISTRIES)[number];

export interface OrgFeeds {
  /** Catalogue rules whose records this department may submit, beyond the rules that name it. */
  rules: string[];
  registries: Registry[];
}

export interface Organisation {
  id: string;
  type: OrgType;
  name: string;
  uscc?: string;
  status: 'active' | 'suspended';
  suspendedReason?: string;
  feeds?: OrgFeeds;
  createdAt: string;
  updatedAt: string;
}

export const INVITATION_TTL_HOURS = 72;

/** 32 characters of [0-9A-Z] without the look-alikes 0/O and 1/I: 12 of them carry 60 bits. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const CODE_LENGTH = 12;

export function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a person types or scans: case and separators do not matter. */
export function normaliseInvitationCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Invitations are stored under a keyed hash of their code (never the code itself), so a copy of
 * the table gives nobody a usable invitation. The hash is also the invitation's id.
 */
export function invitationId(code: string, pepper: string): string {
  return createHmac('sha256', pepper).update(`invitation:${code}`).digest('base64url').slice(0, 22);
}

export type InvitationStatus = 'open' | 'used' | 'revoked' | 'expired';

export interface Invitation {
  id: string;
  orgId: string;
  role: Role;
  name: string;
  manager: boolean;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  state: 'open' | 'used' | 'revoked';
  usedBy?: string;
  usedAt?: string;
}

export function invitationStatus(inv: Invitation, now: Date): InvitationStatus {
  if (inv.state !== 'open') return inv.state;
  return new Date(inv.expiresAt).getTime() <= now.getTime() ? 'expired' : 'open';
}

/** The staff role an organisation's members hold, or null when it has no staff by invitation. */
export const staffRoleOf = (type: OrgType): Role | null => STAFF_ROLE_OF_ORG[type] ?? null;

/** The credit centre manages every organisation; a manager manages their own. */
export function mayManage(principal: Principal, orgId: string): boolean {
  if (principal.roles.includes('admin')) return true;
  return principal.manager === true && principal.orgId === orgId;
}
