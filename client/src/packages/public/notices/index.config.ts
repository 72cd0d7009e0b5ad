export default definePageConfig({
  navigationBarTitleText: '信用动态',
  enablePullDownRefresh: true,
});
