/** The demo identities of API.md; `dev-login` accepts exactly these ids (stages local and test). */
export const DEMO_USER_IDS = [
  'res-zhang',
  'res-li',
  'res-wang',
  'mer-museum',
  'mer-library',
  'ent-huaxin',
  'ent-new',
  'bank-zy',
  'dept-market',
  'dept-tax',
  'admin',
] as const;

export type DemoUserId = (typeof DEMO_USER_IDS)[number];
