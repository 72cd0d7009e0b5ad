// What WeChat asks of a mini program's app.json (H5 has no use for them, so only the weapp build
// carries them): the privacy pop-up before any personal-data API, components injected only when a
// page uses them, the current look of the built-in components, and a sitemap (client/src/sitemap.json,
// copied by the build) that lets WeChat search index the public pages only.
const weappOnly = process.env.TARO_ENV === 'weapp'
  ? {
    __usePrivacyCheck__: true,
    lazyCodeLoading: 'requiredComponents',
    style: 'v2',
    sitemapLocation: 'sitemap.json',
  }
  : {};

export default defineAppConfig({
  ...weappOnly,
  pages: [
    'pages/index/index',
    'pages/incentives/index',
    'pages/loans/index',
    'pages/mine/index',
    'pages/login/index',
  ],
  subPackages: [
    // The resident's screens (credit charts, timeline, rules, real-name form, 信易+ scenario with
    // its QR pass, 核销记录) stay out of the main package; so does the QR code library.
    {
      root: 'packages/resident',
      name: 'resident',
      pages: [
        'credit/index', 'event/index', 'rules/index', 'real-name/index', 'incentive/index', 'redemptions/index',
        // Rights, also used by enterprise users: 异议与修复, 谁查看了我的信用, 授权管理, 信用报告, 联合惩戒.
        'cases/index', 'access-log/index', 'consents/index', 'report/index', 'measures/index',
      ],
    },
    { root: 'packages/merchant', name: 'merchant', pages: ['index/index', 'verify/index', 'history/index'] },
    // 信易贷: the business's screens (认证, 企业信用, product page, application form and timeline,
    // 授权管理) and the bank's (审批 with the credit report, 产品管理).
    {
      root: 'packages/enterprise',
      name: 'enterprise',
      pages: ['index/index', 'register/index', 'business/index', 'product/index', 'apply/index', 'applications/index', 'application/index', 'authorizations/index', 'commitments/index'],
    },
    { root: 'packages/bank', name: 'bank', pages: ['index/index', 'queue/index', 'application/index', 'products/index', 'product-edit/index'] },
    // The credit centre's console also serves the departments.
    {
      root: 'packages/admin',
      name: 'admin',
      pages: ['index/index', 'cases/index', 'rules/index', 'incentives/index', 'incentive-edit/index', 'measures/index', 'measure-edit/index', 'holidays/index', 'notices/index', 'commitment-templates/index', 'disclosure-timeliness/index'],
    },
    // Organisations and staff: 机构管理 (credit centre), 员工管理 (centre and managers), 加入机构 (anyone
    // with an invitation code).
    { root: 'packages/org', name: 'org', pages: ['orgs/index', 'org-edit/index', 'staff/index', 'join/index'] },
    // The department workbench: submit a record, upload a file, submitted records and their states.
    { root: 'packages/department', name: 'department', pages: ['index/index', 'submit/index', 'upload/index', 'records/index', 'breaches/index', 'credit-check/index', 'credit-check-result/index', 'credit-checks/index', 'disclosures/index', 'disclosure-submit/index', 'disclosure-upload/index'] },
    // Public, no sign-in: 报告核验 and the published joint-punishment measures list.
    { root: 'packages/public', name: 'public', pages: ['verify/index', 'measures/index', 'privacy/index', 'notices/index', 'search/index', 'enterprise/index'] },
  ],
  // 首页, 信易+ and 我的 lead into the resident subpackage (and 首页 into the merchant's 核验):
  // fetch them in the background once those tabs show.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['resident', 'merchant'] },
    'pages/incentives/index': { network: 'all', packages: ['resident'] },
    'pages/mine/index': { network: 'all', packages: ['resident'] },
    // 信易贷 leads a business into its product pages.
    'pages/loans/index': { network: 'all', packages: ['enterprise'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#1f5fbf',
    navigationBarTitleText: '诚信管城',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f3f5f8',
  },
  tabBar: {
    color: '#5b6675',
    selectedColor: '#1f5fbf',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/incentives/index',
        text: '信易+',
        iconPath: 'assets/tabbar/incentives.png',
        selectedIconPath: 'assets/tabbar/incentives-active.png',
      },
      {
        pagePath: 'pages/loans/index',
        text: '信易贷',
        iconPath: 'assets/tabbar/loans.png',
        selectedIconPath: 'assets/tabbar/loans-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});
