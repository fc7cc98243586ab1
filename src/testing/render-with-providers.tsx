import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { DqopsApiProvider } from '@/api/api-context';
import type { DqopsApi } from '@/api/client';
import { ToastProvider } from '@/components/toast';
import { LocationProvider, memoryLocation } from '@/lib/location';
import { testApi } from './mock-dqops';

/** Renders with a fresh QueryClient (no retries), the test API and an in-memory URL. */
export function renderWithProviders(ui: ReactElement, { route = '', api = testApi() }: { route?: string; api?: DqopsApi } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const location = memoryLocation(route);
  const result = render(
    <DqopsApiProvider api={api}>
      <QueryClientProvider client={queryClient}>
        <LocationProvider location={location}>
          <ToastProvider>
            <div className="ls-root">{ui}</div>
          </ToastProvider>
        </LocationProvider>
      </QueryClientProvider>
    </DqopsApiProvider>,
  );
  return { ...result, queryClient, location, params: () => new URLSearchParams(location.getSearch()) };
}
