/** The `pals serve` session for components that offer serve-only controls (null in the desktop app). */
import { createContext, useContext } from 'react';
import type { ServeSession } from './serve-session.js';

export const ServeSessionContext = createContext<ServeSession | null>(null);

/** The page's `pals serve` session, or null (the desktop app, component tests). */
export function useServeSession(): ServeSession | null {
  return useContext(ServeSessionContext);
}
