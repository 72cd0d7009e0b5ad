export default definePageConfig({
  navigationBarTitleText: '信用核查',
});
