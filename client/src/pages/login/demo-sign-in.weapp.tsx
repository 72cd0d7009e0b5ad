import type { DemoSignInProps } from './demo-sign-in';

/**
 * The mini program signs in with WeChat only: this stands in for demo-sign-in.tsx in the weapp build
 * (Taro resolves `.weapp` files first), so no demo identity or dev-login call is in its bundle
 * (test/e2e/weapp-build.e2e.test.ts looks for them).
 */
export default function DemoSignIn(_props: DemoSignInProps) {
  return null;
}
