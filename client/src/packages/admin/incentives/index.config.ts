export default definePageConfig({
  navigationBarTitleText: '信易+ 场景',
  enablePullDownRefresh: true,
});
