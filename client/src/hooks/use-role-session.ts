import { useRequest, type RequestState } from './use-request';
import { getMe, type Me } from '../services/api';
import { useToken } from '../services/session';

/** The part of the signed-in user that decides which pages they may use. */
interface RoleHolder {
  roles: readonly string[];
  orgId?: string | null;
}

export interface RoleSession<U> {
  user: U | undefined;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** The signed-in user may use these pages. */
  allowed: boolean;
}

const loadMe = () => getMe().then((r) => r.user);

/** The signed-in user (`GET /api/me`, or the area's own `load`), loaded again when the session changes; nothing signed out. */
export function useSessionUser<U = Me>(load?: () => Promise<U>): RequestState<U> {
  const token = useToken();
  return useRequest<U>(load ?? (loadMe as unknown as () => Promise<U>), [token], token !== null);
}

/** The signed-in user of a role area and whether `allows` lets them in (the area shows 无权访问 otherwise). */
export function useRoleSession<U extends RoleHolder = Me>(allows: (user: U) => boolean, load?: () => Promise<U>): RoleSession<U> {
  const me = useSessionUser<U>(load);
  const user = me.data;
  return { user, loading: me.loading, error: me.error, reload: me.reload, allowed: user !== undefined && allows(user) };
}

/** A staff role that acts for an organisation (a merchant's, a bank's or a department's staff). */
export const staffOf = (role: string) => (user: RoleHolder) => user.roles.includes(role) && Boolean(user.orgId);
