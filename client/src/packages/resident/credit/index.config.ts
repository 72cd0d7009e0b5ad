export default definePageConfig({
  navigationBarTitleText: '我的信用',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
