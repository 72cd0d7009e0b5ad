import Taro from '@tarojs/taro';
import type { Role } from './api';
import { primaryRole } from './roles';
import { createStore, useStore } from './store';

const ACTING_ROLE_KEY = 'cx.session.actingRole';

/** The role a person with several roles chose to act as (我的 → 切换身份), for one user on this device. */
export interface ActingChoice {
  userId: string;
  role: Role;
}

function readChoice(): ActingChoice | null {
  try {
    const raw: unknown = Taro.getStorageSync(ACTING_ROLE_KEY);
    if (raw && typeof raw === 'object') {
      const { userId, role } = raw as Partial<ActingChoice>;
      if (typeof userId === 'string' && typeof role === 'string') return { userId, role: role as Role };
    }
  } catch {
    // Unreadable storage means no choice: the default role applies.
  }
  return null;
}

const choiceStore = createStore<ActingChoice | null>(readChoice);

export function getActingChoice(): ActingChoice | null {
  return choiceStore.get();
}

/** Persist the choice and apply it at once to every mounted page (the tabs stay mounted). */
export function setActingRole(userId: string, role: Role): void {
  const choice = { userId, role };
  Taro.setStorageSync(ACTING_ROLE_KEY, choice);
  choiceStore.set(choice);
}

export function clearActingRole(): void {
  try {
    Taro.removeStorageSync(ACTING_ROLE_KEY);
  } finally {
    choiceStore.set(null);
  }
}

export function useActingChoice(): ActingChoice | null {
  return useStore(choiceStore);
}

interface RoleHolder {
  id: string;
  roles: readonly Role[];
}

/**
 * The role this user chose, if the choice is theirs and they still hold that role (a removed
 * staff member loses it); null when they have not chosen, so pages keep their default.
 */
export function chosenRole(user: RoleHolder, choice: ActingChoice | null = getActingChoice()): Role | null {
  return choice && choice.userId === user.id && user.roles.includes(choice.role) ? choice.role : null;
}

/** The role the user acts as: the chosen one, else the most specialised they hold. */
export function actingRole(user: RoleHolder, choice: ActingChoice | null = getActingChoice()): Role | null {
  return chosenRole(user, choice) ?? primaryRole(user.roles);
}

/** The roles whose parts a page shows: only the chosen one, or all of them when none was chosen. */
export function visibleRoles(user: RoleHolder, choice: ActingChoice | null = getActingChoice()): readonly Role[] {
  const chosen = chosenRole(user, choice);
  return chosen ? [chosen] : user.roles;
}
