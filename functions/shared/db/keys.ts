/**
 * Every key format of the single table lives here, so no other module spells `USER#…`.
 *
 *   pk / sk            main key
 *   gsi1pk / gsi1sk    GSI1: "list by owner" access patterns (org → staff, …)
 */
/** A signed-out token's marker: an attribute of its account item (the token's expiry, epoch seconds). */
export const SIGNED_OUT_PREFIX = 'signedOut_';
export const signedOutAttribute = (sessionId: string) => `${SIGNED_OUT_PREFIX}${sessionId}`;

/** How many items the per-day redemption counter is spread over (see keys.redemptionsPerDay). */
export const REDEMPTION_COUNTER_SHARDS = 16;
/** How many items the dashboard's resident counters are spread over (see keys.residentCounter). */
export const RESIDENT_COUNTER_SHARDS = 16;
/** How many items a 信易+ scenario's stock is spread over (see keys.incentiveStockShard). */
export const STOCK_SHARDS = 16;

export const keys = {
  user: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** A signed-out token (by its `jti`), kept until the token would have expired anyway (TTL). */
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
  /**
   * A pass's redemption, in its resident's partition: one per pass (the key is the pass's, its
   * issue time first so the resident's redemptions sort by time), so creating it is what makes a
   * pass single-use. The merchant's list reads it on GSI1 (orgRedemptionIndex).
   */
  residentRedemption: (userId: string, passId: string, issuedAt: number) => ({ pk: `USERRED#${userId}`, sk: `R#${String(issuedAt).padStart(10, '0')}#${passId}` }),
  residentRedemptionsPrefix: (userId: string) => ({ pk: `USERRED#${userId}`, skPrefix: 'R#' }),
  orgRedemptionIndex: (orgId: string, redeemedAt: string, id: string) => ({ gsi1pk: `ORGRED#${orgId}`, gsi1sk: `${redeemedAt}#${id}` }),
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
  /**
   * Redemptions per China day, one partition per shard (`STATS#redemptions#07 / D2026-11-27`): at
   * 1,000 redemptions a second one partition's write limit would throttle them (the items above
   * shared one partition); the dashboard reads the shards' partitions side by side.
   */
  redemptionsPerDayShard: (day: string, shard: number) => ({ pk: `STATS#redemptions#${String(shard).padStart(2, '0')}`, sk: day }),
  /**
   * A batch of the table's stream that the redemption counter has added (keyed by its first
   * record's event id, which the stream never reuses): a batch delivered again is not counted twice.
   */
  streamBatch: (firstEventId: string) => ({ pk: `STREAMBATCH#${firstEventId}`, sk: 'COUNTED' }),
  /** Where the local stand-in for Lambda's stream reader stands on one stream shard (local runs and tests). */
  streamPosition: (shardId: string) => ({ pk: 'STREAMPOS', sk: shardId }),
  /** A fixed-window request counter: `RATE#<scope>#<who>` per window start. */
  rateWindow: (scope: string, who: string, windowStart: number) => ({ pk: `RATE#${scope}#${who}`, sk: `W#${windowStart}` }),
  /** A year of the State Council's holiday arrangement as the credit centre entered it (all years in one Query). */
  holidayYear: (year: number) => ({ pk: 'HOLIDAYS', sk: `Y#${year}` }),
  holidayYearsPrefix: () => ({ pk: 'HOLIDAYS', skPrefix: 'Y#' }),
  /** Ingestion idempotency: one item per (department, sourceId). */
  recordSource: (department: string, sourceId: string) => ({ pk: `SRC#${department}#${sourceId}`, sk: 'SRC' }),
  /** The enterprise registry's name index (registry/name-keys.ts): the prefix key at position 0, bigram keys after it. */
  registryNameKey: (bigram: string, prefix: boolean, rest: string, uscc: string) => ({ pk: `${prefix ? 'NAMEPFX' : 'NAMEGRAM'}#${bigram}`, sk: `${rest}#${uscc}` }),
  registryNamePartition: (bigram: string, prefix: boolean) => ({ pk: `${prefix ? 'NAMEPFX' : 'NAMEGRAM'}#${bigram}` }),
  /** Credit commitment templates (信用承诺书), all in one partition: the list is one Query. */
  commitmentTemplate: (id: string) => ({ pk: 'CMTTEMPLATES', sk: `T#${id}` }),
  commitmentTemplatesPrefix: () => ({ pk: 'CMTTEMPLATES', skPrefix: 'T#' }),
  /** A business's signed commitments, in its own partition (newest last); found by id on GSI1. */
  commitment: (uscc: string, signedAt: string, id: string) => ({ pk: `ENTCMT#${uscc}`, sk: `C#${signedAt}#${id}` }),
  commitmentsPrefix: (uscc: string) => ({ pk: `ENTCMT#${uscc}`, skPrefix: 'C#' }),
  commitmentByIdIndex: (id: string) => ({ gsi1pk: `CMT#${id}`, gsi1sk: 'CMT' }),
  /** One signing per (business, idempotency key): a double tap or a retry finds the first commitment. */
  commitmentIdempotency: (uscc: string, key: string) => ({ pk: `CMTIDEMP#${uscc}#${key}`, sk: 'IDEMP' }),
  /** 信用动态: every notice in one partition, sorted by its id (which starts with its publication time). */
  notice: (id: string) => ({ pk: 'NOTICES', sk: `N#${id}` }),
  noticesPrefix: () => ({ pk: 'NOTICES', skPrefix: 'N#' }),
  /** A counted resident's tier and points (beside their projection), for the dashboard's counters. */
  residentStat: (subjectKey: string) => ({ pk: `SUBJ#${subjectKey}`, sk: 'STAT' }),
  /** When a counted resident's projection changes by itself, per shard of subjects (GSI2). */
  residentStatDueIndex: (shard: number, dueAt: string, subjectKey: string) => ({ gsi2pk: `STATDUE#${String(shard).padStart(2, '0')}`, gsi2sk: `${dueAt}#${subjectKey}` }),
  /** Counted residents, by tier and points sum, spread over RESIDENT_COUNTER_SHARDS items (one Query). */
  residentCounter: (shard: number) => ({ pk: 'STATS#residents', sk: `S#${String(shard).padStart(2, '0')}` }),
  /** Set once the statistics job has counted the residents verified before the counters existed. */
  residentCountersBackfill: () => ({ pk: 'STATS#residents-backfill', sk: 'DONE' }),
  /** One of STOCK_SHARDS parts of a scenario's stock, each in its own partition (no hot item at 1,000 scans a second). */
  incentiveStockShard: (id: string, shard: number) => ({ pk: `STOCK#${id}#${String(shard).padStart(2, '0')}`, sk: 'STOCK' }),
  /** A rights case listed by status: a copy of the case per (department | owner, status), so a status filter is a key. */
  rightsCaseStatusList: (kind: 'OBJ' | 'REP', scope: 'DEPT' | 'OWNER', who: string, status: string, createdAt: string, id: string) => ({ pk: `${scope}${kind}#${who}#${status}`, sk: `${createdAt}#${id}` }),
  /** Organisations by status (pointers to ORG#…): all newest first, and per type by id. */
  orgStatusList: (status: string, createdAt: string, orgId: string) => ({ pk: `ORGSTATUS#${status}`, sk: `${createdAt}#${orgId}` }),
  orgStatusTypeList: (status: string, type: string, orgId: string) => ({ pk: `ORGSTATUS#${status}#${type}`, sk: `ORG#${orgId}` }),
  /**
   * One rule of a published catalogue version, beside the version's header item (one Query reads
   * both), under the publication's id: the header names the publication its rules belong to.
   */
  catalogueRule: (version: number, publication: string, ruleId: string) => ({ pk: 'CATALOGUE', sk: `V#${String(version).padStart(6, '0')}#R#${publication}#${ruleId}` }),
  /** 双公示: one item per (department, sourceId), whose creation is the re-send guard; listed by party (GSI1) and by department (GSI2). */
  disclosure: (department: string, sourceId: string) => ({ pk: `DISC#${department}#${sourceId}`, sk: 'DISC' }),
  disclosureByPartyIndex: (uscc: string, decidedOn: string, department: string, sourceId: string) => ({ gsi1pk: `DISCPARTY#${uscc}`, gsi1sk: `${decidedOn}#${department}#${sourceId}` }),
  disclosureByDepartmentIndex: (department: string, receivedAt: string, sourceId: string) => ({ gsi2pk: `DISCDEPT#${department}`, gsi2sk: `${receivedAt}#${sourceId}` }),
  /** A department's 双公示 counters of one decision month (on time, late, its declared count). */
  disclosureMonth: (department: string, month: string) => ({ pk: `DISCSTAT#${department}`, sk: `M#${month}` }),
  /** The version counters of the catalogues each Lambda instance caches (shared/db/catalogues.ts). */
  catalogueVersions: () => ({ pk: 'CATALOGUES', sk: 'VERSIONS' }),
  /** 信用核查: a department's check (its signed report), and the department's list of its checks, newest last. */
  creditCheck: (id: string) => ({ pk: `CHECK#${id}`, sk: 'CHECK' }),
  departmentCreditCheck: (department: string, createdAt: string, id: string) => ({ pk: `DEPTCHECK#${department}`, sk: `${createdAt}#${id}` }),
} as const;
