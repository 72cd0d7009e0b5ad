import { z } from 'zod';

/**
 * Configuration is parsed once per process (cold start) from the environment.
 * Secrets have development defaults only in the `local` and `test` stages; in any other
 * stage a missing secret stops the process with a clear message instead of running insecurely.
 */
const LOCAL_STAGES = ['local', 'test'] as const;

const DEV_DEFAULTS = {
  JWT_SECRET: 'local-only-jwt-secret-change-me-0123456789abcdef',
  ID_HASH_PEPPER: 'local-only-pepper-0123456789abcdef',
  PASS_SECRET: 'local-only-pass-secret-0123456789abcdef',
  WECHAT_APP_ID: 'wx-local-app',
  WECHAT_APP_SECRET: 'local-app-secret',
  // A fixed Ed25519 seed (32 bytes, base64url) so local reports verify across restarts.
  REPORT_SIGNING_KEY: 'bG9jYWwtb25seS1yZXBvcnQtc2lnbmluZy1rZXktMDE',
} as const;

const secret = z.string().min(32, '至少 32 个字符');

const schema = z.object({
  STAGE: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/).default('local'),
  AWS_REGION: z.string().default('cn-northwest-1'),
  TABLE_NAME: z.string().min(3).optional(),
  DYNAMODB_ENDPOINT: z.url().optional(),
  JWT_SECRET: secret.optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 24 * 3600).default(8 * 3600),
  ID_HASH_PEPPER: secret.optional(),
  PASS_SECRET: secret.optional(),
  REPORT_SIGNING_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 字节 Ed25519 种子（base64url）').optional(),
  PASS_TTL_SECONDS: z.coerce.number().int().min(15).max(600).default(60),
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_APP_SECRET: z.string().min(1).optional(),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  IDENTITY_SERVICE: z.enum(['standin', 'tencent']).optional(),
  TENCENT_SECRET_ID: z.string().min(1).optional(),
  TENCENT_SECRET_KEY: z.string().min(1).optional(),
  TENCENT_FACEID_REGION: z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, '腾讯云地域，例如 ap-guangzhou').default('ap-guangzhou'),
  TENCENT_FACEID_ENDPOINT: z.string().min(1).default('faceid.tencentcloudapi.com'),
  TENCENT_FACEID_TIMEOUT_MS: z.coerce.number().int().min(100).max(8000).default(3000),
  APP_VERSION: z.string().default('0.1.0'),
});

export interface Config {
  stage: string;
  isLocalStage: boolean;
  region: string;
  tableName: string;
  dynamodbEndpoint?: string;
  jwtSecret: string;
  jwtTtlSeconds: number;
  jwtIssuer: string;
  jwtAudience: string;
  idHashPepper: string;
  passSecret: string;
  passTtlSeconds: number;
  reportSigningKey: string;
  wechat: { appId: string; appSecret: string; apiBase: string };
  /** Who checks that a name and an ID number belong together (二要素核验). */
  identity: IdentityServiceConfig;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  version: string;
}

export type IdentityServiceConfig =
  | { service: 'standin' }
  | {
      service: 'tencent';
      secretId: string;
      secretKey: string;
      region: string;
      /** `https:`, or `http:` for a stand-in server on 127.0.0.1 (tests). */
      protocol: 'https:' | 'http:';
      /** host[:port] of the FaceID API; its first label names the signed service (`faceid`). */
      host: string;
      timeoutMs: number;
    };

export class ConfigError extends Error {}

/**
 * `faceid.tencentcloudapi.com`, `https://faceid.ap-guangzhou.tencentcloudapi.com`, or (tests only)
 * `http://127.0.0.1:<port>`. Tencent's SDK signs for the service named by the host's first label,
 * so a real endpoint must start with `faceid.`.
 */
function parseFaceIdEndpoint(value: string): { protocol: 'https:' | 'http:'; host: string } | string {
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `https://${value}`);
  } catch {
    return 'TENCENT_FACEID_ENDPOINT: not a host or URL';
  }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return 'TENCENT_FACEID_ENDPOINT: a host (or scheme://host[:port]) without path, query or credentials';
  }
  const loopback = url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !loopback) return 'TENCENT_FACEID_ENDPOINT: http is allowed only for 127.0.0.1';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'TENCENT_FACEID_ENDPOINT: https only';
  if (!loopback && !url.hostname.startsWith('faceid.')) return 'TENCENT_FACEID_ENDPOINT: the host must start with "faceid."';
  return { protocol: url.protocol, host: url.host };
}

type SecretName = keyof typeof DEV_DEFAULTS;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isLocalStage = (LOCAL_STAGES as readonly string[]).includes(e.STAGE);
  const missing: string[] = [];
  const need = (name: SecretName): string => {
    const value = e[name];
    if (value) return value;
    if (isLocalStage) return DEV_DEFAULTS[name];
    missing.push(name);
    return '';
  };
  const config: Config = {
    stage: e.STAGE,
    isLocalStage,
    region: e.AWS_REGION,
    tableName: e.TABLE_NAME ?? `cxgc-${e.STAGE}`,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    jwtSecret: need('JWT_SECRET'),
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    jwtIssuer: 'chengxin-guancheng',
    jwtAudience: `cxgc-app-${e.STAGE}`,
    idHashPepper: need('ID_HASH_PEPPER'),
    passSecret: need('PASS_SECRET'),
    passTtlSeconds: e.PASS_TTL_SECONDS,
    reportSigningKey: need('REPORT_SIGNING_KEY'),
    wechat: { appId: need('WECHAT_APP_ID'), appSecret: need('WECHAT_APP_SECRET'), apiBase: e.WECHAT_API_BASE },
    identity: { service: 'standin' },
    logLevel: e.LOG_LEVEL,
    version: e.APP_VERSION,
  };
  // The stand-in answers "match" to almost anything: a stage with real people never runs on it.
  const identityService = e.IDENTITY_SERVICE ?? (isLocalStage ? 'standin' : 'tencent');
  if (identityService === 'standin' && !isLocalStage) {
    throw new ConfigError(`IDENTITY_SERVICE=standin is allowed only in the stages ${LOCAL_STAGES.join(' and ')}, not in "${e.STAGE}"`);
  }
  if (identityService === 'tencent') {
    const endpoint = parseFaceIdEndpoint(e.TENCENT_FACEID_ENDPOINT);
    if (typeof endpoint === 'string') throw new ConfigError(`Invalid configuration:\n${endpoint}`);
    if (!e.TENCENT_SECRET_ID) missing.push('TENCENT_SECRET_ID');
    if (!e.TENCENT_SECRET_KEY) missing.push('TENCENT_SECRET_KEY');
    config.identity = {
      service: 'tencent',
      secretId: e.TENCENT_SECRET_ID ?? '',
      secretKey: e.TENCENT_SECRET_KEY ?? '',
      region: e.TENCENT_FACEID_REGION,
      ...endpoint,
      timeoutMs: e.TENCENT_FACEID_TIMEOUT_MS,
    };
  }
  if (missing.length > 0) {
    throw new ConfigError(`Missing secrets for stage "${e.STAGE}": ${missing.join(', ')}`);
  }
  return config;
}

let cached: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Test hook: forget the cached configuration so the next call re-reads the environment. */
export function resetConfigForTests(): void {
  cached = undefined;
}
