import { z } from 'zod';
import { AppError } from '../shared/http/app-error';

/**
 * WeChat's code2Session: exchanges a `wx.login` code for the user's openid. The response also
 * holds a `session_key`; it is deliberately dropped here and never stored, logged or returned.
 */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatSettings {
  appId: string;
  appSecret: string;
  apiBase: string;
  timeoutMs?: number;
}

const responseSchema = z.object({
  openid: z.string().min(1).optional(),
  unionid: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

// 40029 invalid code, 40163 code already used, 40226 high-risk user blocked by WeChat.
const INVALID_CODE_ERRORS = new Set([40029, 40163, 40226]);

export class WechatClient {
  constructor(private readonly settings: WechatSettings) {}

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.settings.apiBase);
    url.searchParams.set('appid', this.settings.appId);
    url.searchParams.set('secret', this.settings.appSecret);
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    let body: unknown;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.settings.timeoutMs ?? 5000) });
      if (!res.ok) throw new Error(`code2Session HTTP ${res.status}`);
      body = await res.json();
    } catch {
      throw new AppError(502, 'WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后重试');
    }
    const parsed = responseSchema.safeParse(body);
    if (!parsed.success) throw new AppError(502, 'WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后重试');
    const { errcode, openid, unionid } = parsed.data;
    if (errcode && INVALID_CODE_ERRORS.has(errcode)) {
      throw new AppError(401, 'UNAUTHENTICATED', '微信登录凭证无效或已使用，请重新进入小程序');
    }
    if (errcode === 45011) throw new AppError(429, 'RATE_LIMITED', '登录过于频繁，请稍后再试');
    if (errcode || !openid) throw new AppError(502, 'WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后重试');
    return { openid, ...(unionid ? { unionid } : {}) };
  }
}
