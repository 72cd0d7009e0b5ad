export default definePageConfig({
  navigationBarTitleText: '规则目录',
  enablePullDownRefresh: true,
});
