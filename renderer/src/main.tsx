import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app.js';
import { createAppStore } from './store/create-store.js';
import { StoreProvider } from './store/store-context.js';
import './styles/index.css';
import { pals } from './transport.js';

// zod 4 probes `new Function` unless told not to; the strict CSP forbids eval.
z.config({ jitless: true });

const store = createAppStore(pals);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
