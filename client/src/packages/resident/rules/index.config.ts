export default definePageConfig({
  navigationBarTitleText: '信用规则',
  enablePullDownRefresh: true,
});
