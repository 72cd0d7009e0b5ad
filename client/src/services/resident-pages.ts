/** The pages of the resident subpackage (packages/resident), for navigation from anywhere. */
export const RESIDENT_PAGES = {
  credit: '/packages/resident/credit/index',
  event: '/packages/resident/event/index',
  rules: '/packages/resident/rules/index',
  realName: '/packages/resident/real-name/index',
  incentive: '/packages/resident/incentive/index',
  redemptions: '/packages/resident/redemptions/index',
} as const;

export const eventPage = (id: string) => `${RESIDENT_PAGES.event}?id=${encodeURIComponent(id)}`;

/** A 信易+ scenario's page (details, 出示凭证). */
export const incentivePage = (id: string) => `${RESIDENT_PAGES.incentive}?id=${encodeURIComponent(id)}`;
