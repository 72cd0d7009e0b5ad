import { IdentityRepository } from './identity/identity.repository';
import { createIdentityVerifier, type IdentityVerifier } from './identity/identity-verification';
import { RealNameAttempts } from './identity/real-name-attempts.repository';
import { WechatClient } from './identity/wechat.client';
import { AccessLogRepository } from './access-log/access-log';
import { CreditRepository } from './credit/credit.repository';
import { DisclosuresRepository } from './disclosures/disclosures.repository';
import { CommitmentsRepository } from './commitments/commitments.repository';
import { EnterprisesRepository } from './enterprises/enterprises.repository';
import { LoansRepository } from './loans/loans.repository';
import { MeasuresRepository } from './measures/measures.repository';
import { NoticesRepository } from './notices/notices.repository';
import { CreditChecksRepository } from './credit-checks/credit-checks.repository';
import { RightsRepository } from './rights/rights.repository';
import { HolidayCalendar } from './holidays/holiday-calendar';
import { HolidaysRepository } from './holidays/holidays.repository';
import { ReportSigner } from './reports/report-signer';
import { StatsRepository } from './stats/stats.repository';
import { RateLimiter } from './shared/http/rate-limiter';
import { IncentivesRepository } from './incentives/incentives.repository';
import { PassCodec } from './incentives/pass-codec';
import { RulesRepository } from './rules/rules.repository';
import { OrgsRepository } from './orgs/orgs.repository';
import { RegistryRepository } from './registry/registry.repository';
import { TokenService } from './shared/auth/tokens';
import type { Config } from './shared/config/config';
import { systemClock, type Clock } from './shared/domain/clock';
import { attachModels } from './shared/db/dynamo';
import { useCursorSecret } from './shared/http/pagination';
import { CatalogueCache, cachedCatalogue } from './shared/db/catalogues';

/** Everything the routes and use cases depend on, built once per process (cold start). */
export interface AppDeps {
  config: Config;
  clock: Clock;
  tokens: TokenService;
  wechat: WechatClient;
  identities: IdentityRepository;
  /** 二要素核验: Tencent Cloud FaceID, or the built-in stand-in in local/test. */
  identityVerifier: IdentityVerifier;
  realNameAttempts: RealNameAttempts;
  orgs: OrgsRepository;
  credit: CreditRepository;
  rules: RulesRepository;
  incentives: IncentivesRepository;
  passes: PassCodec;
  accessLog: AccessLogRepository;
  enterprises: EnterprisesRepository;
  registry: RegistryRepository;
  loans: LoansRepository;
  measures: MeasuresRepository;
  rights: RightsRepository;
  /** The working-day calendar (bundled State Council years + the centre's), cached per instance. */
  holidays: HolidayCalendar;
  reports: ReportSigner;
  stats: StatsRepository;
  rateLimiter: RateLimiter;
  /** 双公示 decisions and the departments' monthly counters. */
  disclosures: DisclosuresRepository;
  /** 信用承诺: templates and the businesses' signed commitments. */
  commitments: CommitmentsRepository;
  /** 信用动态: the credit centre's notices. */
  notices: NoticesRepository;
  /** 信用核查: departments' credit checks and their signed reports. */
  creditChecks: CreditChecksRepository;
}

export async function buildDeps(config: Config, overrides: Partial<AppDeps> = {}): Promise<AppDeps> {
  await attachModels(config);
  useCursorSecret(config.jwtSecret);
  // Rules, measures, scenarios and products: cached in this instance, checked on every request.
  const catalogues = new CatalogueCache(config.tableName);
  return {
    config,
    clock: systemClock,
    tokens: new TokenService({
      secret: config.jwtSecret,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      ttlSeconds: config.jwtTtlSeconds,
    }),
    wechat: new WechatClient(config.wechat),
    identities: new IdentityRepository(config.tableName),
    identityVerifier: createIdentityVerifier(config.identity),
    realNameAttempts: new RealNameAttempts(config.tableName),
    orgs: new OrgsRepository(config.tableName),
    credit: new CreditRepository(config.tableName),
    rules: cachedCatalogue(new RulesRepository(config.tableName), catalogues, 'rules', { load: 'listVersions', writes: ['publish'] }),
    incentives: cachedCatalogue(new IncentivesRepository(config.tableName), catalogues, 'incentives', {
      load: 'list',
      derived: { get: (all, id: string) => all.find((i) => i.id === id) ?? null },
      writes: ['save'],
    }),
    passes: new PassCodec(config.passSecret),
    accessLog: new AccessLogRepository(),
    enterprises: new EnterprisesRepository(config.tableName),
    registry: new RegistryRepository(config.tableName),
    loans: cachedCatalogue(new LoansRepository(config.tableName), catalogues, 'products', {
      load: 'listProducts',
      derived: { getProduct: (all, id: string) => all.find((p) => p.id === id) ?? null },
      writes: ['saveProduct'],
    }),
    measures: cachedCatalogue(new MeasuresRepository(config.tableName), catalogues, 'measures', { load: 'list', writes: ['save'] }),
    rights: new RightsRepository(config.tableName),
    holidays: new HolidayCalendar(new HolidaysRepository(config.tableName)),
    reports: new ReportSigner(config.reportSigningKey),
    stats: new StatsRepository(config.tableName),
    rateLimiter: new RateLimiter(config.tableName),
    disclosures: new DisclosuresRepository(config.tableName),
    commitments: new CommitmentsRepository(config.tableName),
    notices: new NoticesRepository(config.tableName),
    creditChecks: new CreditChecksRepository(config.tableName),
    ...overrides,
  };
}
