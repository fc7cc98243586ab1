import { createContext, useContext, type ReactNode } from 'react';
import type { DqopsApi } from './client';

const DqopsApiContext = createContext<DqopsApi | null>(null);

export function DqopsApiProvider({ api, children }: { api: DqopsApi; children: ReactNode }) {
  return <DqopsApiContext.Provider value={api}>{children}</DqopsApiContext.Provider>;
}

/** The DQOps client of this app instance (each embedded instance has its own). */
export function useDqopsApi(): DqopsApi {
  const api = useContext(DqopsApiContext);
  if (!api) throw new Error('useDqopsApi must be used inside <DqopsApiProvider>');
  return api;
}
