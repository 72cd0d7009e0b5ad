import { clearActingRole } from './acting-role';
import { signOutSession } from './orgs-api';
import { getToken, signOut } from './session';

/**
 * 退出登录: ends the session on the server first, so the token is dead everywhere, then forgets it
 * here. The local session ends whatever the server answers: a lost connection must never leave
 * the person signed in on this phone.
 */
export async function signOutEverywhere(): Promise<void> {
  if (getToken()) {
    try {
      await signOutSession({ silent: true });
    } catch {
      // ignored on purpose, see above
    }
  }
  clearActingRole();
  signOut();
}
