export default definePageConfig({
  navigationBarTitleText: '信用积分',
  enablePullDownRefresh: true,
});
