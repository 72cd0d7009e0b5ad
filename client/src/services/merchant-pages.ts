/** The pages of the merchant subpackage (packages/merchant), for navigation from anywhere. */
export const MERCHANT_PAGES = {
  index: '/packages/merchant/index/index',
  verify: '/packages/merchant/verify/index',
  history: '/packages/merchant/history/index',
} as const;

/** The 核验 page; `scan` opens the camera at once in the mini program (首页's 扫码核验). */
export const verifyPage = (scan = false) => (scan ? `${MERCHANT_PAGES.verify}?scan=1` : MERCHANT_PAGES.verify);
