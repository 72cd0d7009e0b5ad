import type { OrgType, Role } from '../shared/auth/roles';

export interface User {
  id: string;
  name: string;
  roles: Role[];
  orgId?: string;
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
