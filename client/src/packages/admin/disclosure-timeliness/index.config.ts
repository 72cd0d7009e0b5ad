export default definePageConfig({
  navigationBarTitleText: '双公示及时性',
  enablePullDownRefresh: true,
});
