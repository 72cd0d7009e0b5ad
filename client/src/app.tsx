import type { PropsWithChildren } from 'react';
import { installPrivacyHandler } from './services/privacy';
import './app.scss';

// The mini program's own privacy agreement sheet answers WeChat's privacy check (weapp only).
installPrivacyHandler();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
