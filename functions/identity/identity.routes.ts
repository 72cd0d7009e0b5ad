import type { AppDeps } from '../container';
import { route, type AnyRoute } from '../shared/http/route';
import { devLogin } from './dev-login';
import { getMe } from './get-me';
import { authResponse, devLoginBody, meResponse, wechatLoginBody } from './identity.schemas';
import { loginWithWechat } from './login-with-wechat';
import { signOut } from './sign-out';

export function identityRoutes(deps: AppDeps): AnyRoute[] {
  const routes: AnyRoute[] = [
    route({
      method: 'post',
      path: '/api/auth/wechat',
      summary: '微信小程序登录（code2Session）',
      tag: 'session',
      auth: 'public',
      body: wechatLoginBody,
      response: authResponse,
      errors: ['WECHAT_UNAVAILABLE', 'RATE_LIMITED'],
      // Per client address, generous because mobile carriers put many phones behind one address.
      rateLimit: { scope: 'login', limit: 120, windowSeconds: 60, by: 'ip' },
      handle: ({ body }) => loginWithWechat(deps, body.code),
    }),
    route({
      method: 'get',
      path: '/api/me',
      summary: '当前登录用户',
      tag: 'session',
      auth: 'signedIn',
      response: meResponse,
      handle: async ({ session }) => getMe(deps, await session()),
    }),
    route({
      method: 'post',
      path: '/api/auth/sign-out',
      summary: '退出登录（该登录凭证在所有实例上立即失效）',
      tag: 'session',
      auth: 'signedIn',
      status: 204,
      handle: async ({ principal }) => {
        await signOut(deps, principal);
      },
    }),
  ];
  // The demo sign-in exists only in the local and test stages: elsewhere the path is unknown (404).
  if (deps.config.isLocalStage) {
    routes.push(
      route({
        method: 'post',
        path: '/api/auth/dev-login',
        summary: '演示账号登录（仅 local / test 环境）',
        tag: 'session',
        auth: 'public',
        body: devLoginBody,
        response: authResponse,
        handle: ({ body }) => devLogin(deps, body.userId),
      }),
    );
  }
  return routes;
}
