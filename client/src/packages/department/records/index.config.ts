export default definePageConfig({
  navigationBarTitleText: '已报送记录',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
});
