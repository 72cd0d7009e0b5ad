/** The pages of the resident subpackage (packages/resident), for navigation from anywhere. */
export const RESIDENT_PAGES = {
  credit: '/packages/resident/credit/index',
  event: '/packages/resident/event/index',
  rules: '/packages/resident/rules/index',
  realName: '/packages/resident/real-name/index',
} as const;

export const eventPage = (id: string) => `${RESIDENT_PAGES.event}?id=${encodeURIComponent(id)}`;
