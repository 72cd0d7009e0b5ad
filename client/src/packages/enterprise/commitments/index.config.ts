export default definePageConfig({
  navigationBarTitleText: '信用承诺',
  enablePullDownRefresh: true,
});
