import '@testing-library/jest-dom';
import { cleanup } from '@testing-library/react';
import { resetTaro } from './stubs/taro';

afterEach(() => {
  cleanup();
  resetTaro();
});
