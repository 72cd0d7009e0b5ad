export default definePageConfig({
  navigationBarTitleText: '双公示',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
