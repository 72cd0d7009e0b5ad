export default definePageConfig({
  navigationBarTitleText: '企业服务',
  enablePullDownRefresh: true,
});
