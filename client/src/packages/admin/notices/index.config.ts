export default definePageConfig({
  navigationBarTitleText: '信用动态管理',
  enablePullDownRefresh: true,
});
