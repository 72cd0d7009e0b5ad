export default definePageConfig({
  navigationBarTitleText: '诚信管城',
  enablePullDownRefresh: true,
});
