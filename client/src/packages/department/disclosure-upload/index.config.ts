export default definePageConfig({
  navigationBarTitleText: '双公示批量上传',
});
