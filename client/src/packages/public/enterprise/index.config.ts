export default definePageConfig({
  navigationBarTitleText: '企业信用公示',
  enablePullDownRefresh: true,
});
