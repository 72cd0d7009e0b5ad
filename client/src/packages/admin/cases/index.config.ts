export default definePageConfig({
  navigationBarTitleText: '异议与修复队列',
  enablePullDownRefresh: true,
});
