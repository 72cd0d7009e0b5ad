export default definePageConfig({
  navigationBarTitleText: '批量上传',
});
