export default definePageConfig({
  navigationBarTitleText: '报送一条记录',
});
