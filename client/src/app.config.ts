export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/incentives/index',
    'pages/loans/index',
    'pages/mine/index',
    'pages/login/index',
  ],
  subPackages: [
    // The resident's credit screens (charts, timeline, rules, real-name form) stay out of the main package.
    {
      root: 'packages/resident',
      name: 'resident',
      pages: ['credit/index', 'event/index', 'rules/index', 'real-name/index'],
    },
    { root: 'packages/merchant', name: 'merchant', pages: ['index/index'] },
    { root: 'packages/enterprise', name: 'enterprise', pages: ['index/index'] },
    { root: 'packages/bank', name: 'bank', pages: ['index/index'] },
    // The credit centre's console also serves the departments.
    { root: 'packages/admin', name: 'admin', pages: ['index/index'] },
  ],
  // 首页 and 我的 lead into the resident subpackage: fetch it in the background once they show.
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['resident'] },
    'pages/mine/index': { network: 'all', packages: ['resident'] },
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
