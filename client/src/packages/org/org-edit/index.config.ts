export default definePageConfig({
  navigationBarTitleText: '新建机构',
});
