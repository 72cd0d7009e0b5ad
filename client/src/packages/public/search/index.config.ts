export default definePageConfig({
  navigationBarTitleText: '企业信用查询',
});
