export default definePageConfig({
  navigationBarTitleText: '管理控制台',
  enablePullDownRefresh: true,
});
