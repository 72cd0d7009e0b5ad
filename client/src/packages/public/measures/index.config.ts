export default definePageConfig({
  navigationBarTitleText: '联合惩戒措施清单',
  enablePullDownRefresh: true,
});
