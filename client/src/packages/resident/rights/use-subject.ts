import { useSessionUser } from '../../../hooks/use-role-session';
import type { Me } from '../../../services/api';
import type { EventSubject } from '../../../services/rights-pages';

/** Whose rights a page is about: a resident's own, or (an enterprise user) the business's. */
export function subjectOf(me: Me): EventSubject {
  return me.roles.includes('resident') ? 'person' : 'enterprise';
}

/** The signed-in user, for pages that serve residents and enterprise users alike. */
export function useMe() {
  return useSessionUser();
}
