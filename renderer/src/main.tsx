import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app.js';
import { registerCommand } from './palette/commands.js';
import { ServeSessionContext } from './serve/serve-context.js';
import { createAppStore } from './store/create-store.js';
import { StoreProvider } from './store/store-context.js';
import './styles/index.css';
import { pals, serveSession } from './transport.js';

// zod 4 probes `new Function` unless told not to; the strict CSP forbids eval.
z.config({ jitless: true });

const store = createAppStore(pals);

// Under `pals serve`: how to open the board in another window or browser (the header has it too).
if (serveSession) {
  registerCommand({
    id: 'another-window',
    label: 'Another window…',
    keywords: 'tab browser link open',
    run: (s) => {
      s.getState().openPanel('another-window');
      return undefined;
    },
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServeSessionContext.Provider value={serveSession}>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </ServeSessionContext.Provider>
  </StrictMode>,
);
