import type { OrgType, Role } from '../shared/auth/roles';

export interface User {
  id: string;
  name: string;
  roles: Role[];
  orgId?: string;
  /** A manager of their organisation: may invite and remove its staff. */
  manager?: boolean;
  /** The name the inviter gave them (what staff lists show; their own name may be unverified). */
  staffName?: string;
  /** When they joined their organisation's staff. */
  staffSince?: string;
  /** Set once the resident has verified their real name; the ID number itself is never stored. */
  maskedIdNumber?: string;
  realNameVerifiedAt?: string;
  /** The credit subject of a verified resident (`P#<id hash>`): their records attach through it. */
  subjectKey?: string;
  /** Set while the resident has withdrawn consent to the processing of sensitive personal information. */
  consentWithdrawnAt?: string;
  createdAt: string;
}

export interface Org {
  id: string;
  type: OrgType;
  name: string;
}
