export default definePageConfig({
  navigationBarTitleText: '惩戒措施',
  enablePullDownRefresh: true,
});
