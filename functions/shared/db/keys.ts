/**
 * Every key format of the single table lives here, so no other module spells `USER#…`.
 *
 *   pk / sk            main key
 *   gsi1pk / gsi1sk    GSI1: "list by owner" access patterns (org → staff, …)
 */
/** How many items the per-day redemption counter is spread over (see keys.redemptionsPerDay). */
export const REDEMPTION_COUNTER_SHARDS = 16;

export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** A signed-out token (by its `jti`), kept until the token would have expired anyway (TTL). */
  revokedSession: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'REVOKED' }),
  wechatIdentity: (openid: string) => ({ pk: `WX#${openid}`, sk: 'IDENTITY' }),
  org: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'PROFILE' }),
  orgStaffIndex: (orgId: string, userId: string) => ({ gsi1pk: `ORG#${orgId}`, gsi1sk: `USER#${userId}` }),
  healthProbe: () => ({ pk: 'SYSTEM#health', sk: 'PROBE' }),
  /** Owner of a verified ID number (by its keyed hash): one account per person. */
  idOwner: (idHash: string) => ({ pk: `IDH#${idHash}`, sk: 'OWNER' }),
  consent: (userId: string, type: string, at: string) => ({ pk: `USER#${userId}`, sk: `CONSENT#${type}#${at}` }),
  catalogueVersion: (version: number) => ({ pk: 'CATALOGUE', sk: `V#${String(version).padStart(6, '0')}` }),
  catalogueVersionPrefix: () => ({ pk: 'CATALOGUE', skPrefix: 'V#' }),
  /** A credit subject: a person (`P#<id hash>`) or an enterprise (`E#<USCC>`). */
  subjectEvent: (subjectKey: string, eventId: string) => ({ pk: `SUBJ#${subjectKey}`, sk: `EVT#${eventId}` }),
  subjectEventsPrefix: (subjectKey: string) => ({ pk: `SUBJ#${subjectKey}`, skPrefix: 'EVT#' }),
  subjectProjection: (subjectKey: string) => ({ pk: `SUBJ#${subjectKey}`, sk: 'PROJECTION' }),
  eventByIdIndex: (eventId: string) => ({ gsi1pk: `EVENT#${eventId}`, gsi1sk: 'EVENT' }),
  departmentRecordIndex: (department: string, receivedAt: string, eventId: string) => ({
    gsi2pk: `DEPTREC#${department}`,
    gsi2sk: `${receivedAt}#${eventId}`,
  }),
  incentive: (id: string) => ({ pk: 'INCENTIVES', sk: `INC#${id}` }),
  incentivesPrefix: () => ({ pk: 'INCENTIVES', skPrefix: 'INC#' }),
  incentiveStock: (id: string) => ({ pk: `STOCK#${id}`, sk: 'STOCK' }),
  /** A resident's use of one scenario in one quota period (`D2026-11-27`, `M2026-11`). */
  incentiveQuota: (incentiveId: string, userId: string, period: string) => ({ pk: `QUOTA#${incentiveId}#${userId}`, sk: period }),
  pass: (passId: string) => ({ pk: `PASS#${passId}`, sk: 'PASS' }),
  orgRedemption: (orgId: string, redeemedAt: string, id: string) => ({ pk: `ORGRED#${orgId}`, sk: `${redeemedAt}#${id}` }),
  orgRedemptionsPrefix: (orgId: string) => ({ pk: `ORGRED#${orgId}` }),
  userRedemptionIndex: (userId: string, redeemedAt: string, id: string) => ({ gsi1pk: `USERRED#${userId}`, gsi1sk: `${redeemedAt}#${id}` }),
  allOrgsIndex: (createdAt: string, orgId: string) => ({ gsi2pk: 'ORGS', gsi2sk: `${createdAt}#${orgId}` }),
  /** One organisation per unified social credit code. */
  orgUsccOwner: (uscc: string) => ({ pk: `ORGUSCC#${uscc}`, sk: 'OWNER' }),
  /** A staff invitation, keyed by its code's keyed hash; listed per organisation on GSI1. */
  invitation: (id: string) => ({ pk: `INV#${id}`, sk: 'INV' }),
  orgInvitationIndex: (orgId: string, createdAt: string, id: string) => ({ gsi1pk: `ORGINV#${orgId}`, gsi1sk: `${createdAt}#${id}` }),
  orgsByTypeIndex: (type: string, orgId: string) => ({ gsi1pk: `ORGTYPE#${type}`, gsi1sk: `ORG#${orgId}` }),
  /** Every read of a subject's credit data by someone else, newest last. */
  accessLog: (owner: string, at: string, id: string) => ({ pk: `ACCESS#${owner}`, sk: `${at}#${id}` }),
  enterprise: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ENTERPRISE' }),
  usccOwner: (uscc: string) => ({ pk: `USCC#${uscc}`, sk: 'OWNER' }),
  /** The registries departments feed, one partition per business: its registry entry and its tax credit grade of each year. */
  registryEntry: (uscc: string) => ({ pk: `REG#${uscc}`, sk: 'ENTRY' }),
  registryTaxGrade: (uscc: string, year: number) => ({ pk: `REG#${uscc}`, sk: `TAX#${year}` }),
  registryPartition: (uscc: string) => ({ pk: `REG#${uscc}` }),
  loanProduct: (id: string) => ({ pk: 'PRODUCTS', sk: `PRD#${id}` }),
  loanProductsPrefix: () => ({ pk: 'PRODUCTS', skPrefix: 'PRD#' }),
  authorization: (enterpriseOrgId: string, id: string) => ({ pk: `ORG#${enterpriseOrgId}`, sk: `AUTH#${id}` }),
  authorizationsPrefix: (enterpriseOrgId: string) => ({ pk: `ORG#${enterpriseOrgId}`, skPrefix: 'AUTH#' }),
  authorizationByIdIndex: (id: string) => ({ gsi1pk: `AUTHZ#${id}`, gsi1sk: 'AUTH' }),
  application: (id: string) => ({ pk: `APP#${id}`, sk: 'APP' }),
  enterpriseApplicationIndex: (orgId: string, submittedAt: string, id: string) => ({ gsi1pk: `ENTAPP#${orgId}`, gsi1sk: `${submittedAt}#${id}` }),
  bankApplicationIndex: (bankId: string, submittedAt: string, id: string) => ({ gsi2pk: `BANKAPP#${bankId}`, gsi2sk: `${submittedAt}#${id}` }),
  /** An Idempotency-Key of one enterprise: the first request's application and body hash. */
  idempotencyKey: (orgId: string, key: string) => ({ pk: `IDEMP#${orgId}#${key}`, sk: 'IDEMP' }),
  measure: (id: string) => ({ pk: 'MEASURES', sk: `M#${id}` }),
  measuresPrefix: () => ({ pk: 'MEASURES', skPrefix: 'M#' }),
  /** Objections (异议) and credit repairs (信用修复): one item each, listed per department and per subject. */
  rightsCase: (kind: 'OBJ' | 'REP', id: string) => ({ pk: `${kind}#${id}`, sk: kind }),
  rightsCaseDepartmentIndex: (kind: 'OBJ' | 'REP', department: string, createdAt: string, id: string) => ({ gsi1pk: `DEPT${kind}#${department}`, gsi1sk: `${createdAt}#${id}` }),
  rightsCaseOwnerIndex: (kind: 'OBJ' | 'REP', owner: string, createdAt: string, id: string) => ({ gsi2pk: `OWNER${kind}#${owner}`, gsi2sk: `${createdAt}#${id}` }),
  /** Verified residents, for the statistics job (never read on a request path). */
  verifiedResidentIndex: (userId: string) => ({ gsi2pk: 'VERIFIED#resident', gsi2sk: userId }),
  statsSnapshot: () => ({ pk: 'STATS#dashboard', sk: 'SNAPSHOT' }),
  /**
   * Redemptions per China day, spread over REDEMPTION_COUNTER_SHARDS items (`D2026-11-27#07`): every
   * redemption transaction adds to one shard at random, so concurrent redemptions do not all
   * collide on one item (a hot item made transactions cancel each other at 32 counters).
   */
  redemptionsPerDay: (day: string, shard: number) => ({ pk: 'STATS#redemptions', sk: `${day}#${String(shard).padStart(2, '0')}` }),
  redemptionsPerDayPrefix: () => ({ pk: 'STATS#redemptions' }),
  /** A fixed-window request counter: `RATE#<scope>#<who>` per window start. */
  rateWindow: (scope: string, who: string, windowStart: number) => ({ pk: `RATE#${scope}#${who}`, sk: `W#${windowStart}` }),
  /** A year of the State Council's holiday arrangement as the credit centre entered it (all years in one Query). */
  holidayYear: (year: number) => ({ pk: 'HOLIDAYS', sk: `Y#${year}` }),
  holidayYearsPrefix: () => ({ pk: 'HOLIDAYS', skPrefix: 'Y#' }),
  /** Ingestion idempotency: one item per (department, sourceId). */
  recordSource: (department: string, sourceId: string) => ({ pk: `SRC#${department}#${sourceId}`, sk: 'SRC' }),
} as const;
