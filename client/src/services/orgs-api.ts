/**
 * Organisations, their staff and invitations, and the end of a session: one typed function per
 * endpoint of the backend's contract, on the shared `request` of api.ts.
 */
import { queryString, request, type AuthResponse, type Me, type PageQuery, type RequestOptions, type Role } from './api';

export type OrgType = 'merchant' | 'bank' | 'department' | 'centre' | 'enterprise';
/** The kinds of organisation the credit centre creates. */
export type CreatableOrgType = 'merchant' | 'bank' | 'department';
export type OrgStatus = 'active' | 'suspended';
/** Registries a department may feed besides credit records. */
export type Registry = 'enterprises' | 'tax-grades' | 'disclosures';

export interface OrgFeeds {
  rules?: string[];
  registries?: Registry[];
}

export interface OrgView {
  id: string;
  type: OrgType;
  name: string;
  uscc?: string;
  status: OrgStatus;
  suspendedReason?: string;
  createdAt: string;
  /** Sent back as `expectedUpdatedAt`, so a concurrent edit is refused rather than overwritten. */
  updatedAt?: string;
  feeds?: OrgFeeds;
  staffCount?: number;
}

export interface OrgInput {
  type: CreatableOrgType;
  name: string;
  uscc: string;
  feeds?: OrgFeeds;
}

export interface OrgPatch {
  name?: string;
  feeds?: OrgFeeds;
  /** The `updatedAt` the editor read: `409 EDIT_CONFLICT` when someone saved since. */
  expectedUpdatedAt?: string;
}

export interface OrgsQuery extends PageQuery {
  type?: OrgType;
  status?: OrgStatus;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type StaffRole = Extract<Role, 'merchant' | 'bank' | 'department' | 'admin'>;

export interface InvitationInput {
  role: StaffRole;
  name: string;
  manager?: boolean;
}

export interface InvitationCreated {
  id: string;
  /** Shown once: only its hash is kept on the server. */
  code: string;
  expiresAt: string;
}

export type InvitationStatus = 'open' | 'used' | 'revoked' | 'expired';

export interface InvitationView {
  id: string;
  name: string;
  role: StaffRole;
  manager: boolean;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
}

export interface StaffMember {
  userId: string;
  name: string;
  role: StaffRole;
  manager: boolean;
  since: string;
}

export type AcceptResponse = AuthResponse;

/**
 * What GET /api/me says about the organisation a staff member acts for, beyond the fields every
 * user has: its status, whether they manage it, and (departments) what they may submit.
 */
export type StaffMe = Me & {
  org?: { status?: OrgStatus; suspendedReason?: string };
  manager?: boolean;
  feeds?: OrgFeeds;
};

const orgPath = (id: string) => `/api/orgs/${encodeURIComponent(id)}`;

export const listOrgs = (query: OrgsQuery = {}, options?: RequestOptions) =>
  request<Page<OrgView>>(
    'GET',
    `/api/orgs${queryString({ type: query.type, status: query.status, limit: query.limit, cursor: query.cursor })}`,
    undefined,
    options,
  );

/** `400 INVALID_USCC`, `409 USCC_TAKEN`. */
export const createOrg = (input: OrgInput, options?: RequestOptions) => request<{ id: string }>('POST', '/api/orgs', input, options);

export const getOrg = (id: string, options?: RequestOptions) => request<OrgView>('GET', orgPath(id), undefined, options);

/** `409 EDIT_CONFLICT` when the organisation changed since `expectedUpdatedAt`. */
export const updateOrg = (id: string, patch: OrgPatch, options?: RequestOptions) => request<OrgView>('PATCH', orgPath(id), patch, options);

/** A suspended merchant cannot redeem, a suspended bank's products leave the market, a department cannot submit. */
export const suspendOrg = (id: string, reason: string, options?: RequestOptions) =>
  request<OrgView>('POST', `${orgPath(id)}/suspension`, { reason }, options);

export const resumeOrg = (id: string, options?: RequestOptions) => request<OrgView>('DELETE', `${orgPath(id)}/suspension`, undefined, options);

/** The role must fit the organisation's type, else `400 VALIDATION_FAILED`; the code is valid 72 h, once. */
export const createInvitation = (orgId: string, input: InvitationInput, options?: RequestOptions) =>
  request<InvitationCreated>('POST', `${orgPath(orgId)}/invitations`, input, options);

export const listInvitations = (orgId: string, query: PageQuery = {}, options?: RequestOptions) =>
  request<Page<InvitationView>>('GET', `${orgPath(orgId)}/invitations${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

export const revokeInvitation = (orgId: string, invitationId: string, options?: RequestOptions) =>
  request<void>('DELETE', `${orgPath(orgId)}/invitations/${encodeURIComponent(invitationId)}`, undefined, options);

/**
 * Joins the organisation of an invitation. The answer carries a new token (with the staff role and
 * the organisation) that replaces the current one. `404 INVITATION_NOT_FOUND`, `409 INVITATION_USED`,
 * `410 INVITATION_EXPIRED`, `409 ALREADY_STAFF`.
 */
export const acceptInvitation = (code: string, options?: RequestOptions) =>
  request<AcceptResponse>('POST', '/api/invitations/accept', { code }, options);

export const listStaff = (orgId: string, query: PageQuery = {}, options?: RequestOptions) =>
  request<Page<StaffMember>>('GET', `${orgPath(orgId)}/staff${queryString({ limit: query.limit, cursor: query.cursor })}`, undefined, options);

/** `409 CANNOT_REMOVE_SELF`; the removed person's tokens lose the role at once. */
export const removeStaff = (orgId: string, userId: string, options?: RequestOptions) =>
  request<void>('DELETE', `${orgPath(orgId)}/staff/${encodeURIComponent(userId)}`, undefined, options);

/** Ends the session on the server: the token is refused everywhere afterwards. */
export const signOutSession = (options?: RequestOptions) => request<void>('POST', '/api/auth/sign-out', undefined, options);
