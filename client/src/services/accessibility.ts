/**
 * Keyboard and screen-reader access for Taro's H5 components (accessibility.h5.ts). The mini
 * program has no use for it: WeChat's own components carry their semantics, and Taro drops `role`
 * and `aria-*` from the weapp templates. Taro picks the `.h5.ts` file for the H5 build.
 */
export function enhanceAccessibility(): () => void {
  return () => undefined;
}
