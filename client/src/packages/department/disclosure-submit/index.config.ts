export default definePageConfig({
  navigationBarTitleText: '报送双公示决定',
});
