export default definePageConfig({
  navigationBarTitleText: '编辑产品',
});
