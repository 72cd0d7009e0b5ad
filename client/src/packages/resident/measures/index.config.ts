export default definePageConfig({
  navigationBarTitleText: '联合惩戒',
  enablePullDownRefresh: true,
});
