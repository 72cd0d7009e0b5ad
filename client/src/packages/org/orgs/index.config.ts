export default definePageConfig({
  navigationBarTitleText: '机构与人员',
  enablePullDownRefresh: true,
});
