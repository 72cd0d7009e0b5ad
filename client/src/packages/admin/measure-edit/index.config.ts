export default definePageConfig({
  navigationBarTitleText: '编辑惩戒措施',
});
