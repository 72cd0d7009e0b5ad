import { useEffect, type PropsWithChildren } from 'react';
import { enhanceAccessibility } from './services/accessibility';
import { installPrivacyHandler } from './services/privacy';
import './app.scss';

// The mini program's own privacy agreement sheet answers WeChat's privacy check (weapp only).
installPrivacyHandler();

function App({ children }: PropsWithChildren) {
  // H5: roles, tab order and keys for Taro's custom elements (a no-op in the mini program).
  useEffect(() => enhanceAccessibility(), []);
  return children;
}

export default App;
