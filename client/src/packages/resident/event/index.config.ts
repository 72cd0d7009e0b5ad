export default definePageConfig({
  navigationBarTitleText: '信用记录详情',
});
