export default definePageConfig({
  navigationBarTitleText: '信贷审批',
  enablePullDownRefresh: true,
});
