export default definePageConfig({
  navigationBarTitleText: '审批申请',
  enablePullDownRefresh: true,
});
