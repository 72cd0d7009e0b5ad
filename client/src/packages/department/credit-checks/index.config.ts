export default definePageConfig({
  navigationBarTitleText: '核查记录',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
