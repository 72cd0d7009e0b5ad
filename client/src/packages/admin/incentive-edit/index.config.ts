export default definePageConfig({
  navigationBarTitleText: '编辑信易+ 场景',
});
