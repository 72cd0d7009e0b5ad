export default definePageConfig({
  navigationBarTitleText: '承诺模板',
  enablePullDownRefresh: true,
});
