export default definePageConfig({
  navigationBarTitleText: '商户核验',
  enablePullDownRefresh: true,
});
