import type { OrgType, Role } from '../shared/auth/roles';

export interface User {
  id: string;
  name: string;
  roles: Role[];
  orgId?: string;
  /** Set once the resident has verified their real name; the ID number itself is never stored. */
  maskedIdNumber?: string;
  realNameVerifiedAt?: string;
  createdAt: string;
}

export interface Org {
  id: string;
  type: OrgType;
  name: string;
}
