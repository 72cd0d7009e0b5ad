export default definePageConfig({
  navigationBarTitleText: '违诺记录',
});
