export default definePageConfig({
  navigationBarTitleText: '异议与修复',
  enablePullDownRefresh: true,
});
