export default definePageConfig({
  navigationBarTitleText: '企业信用',
  enablePullDownRefresh: true,
});
