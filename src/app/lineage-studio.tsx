// The root component: one Lineage Studio instance with its own API client, query cache and
// location. The standalone app (main.tsx) and embedders (src/embed, docs/embedding.md) both render it.
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { DqopsApiProvider } from '@/api/api-context';
import { createDqopsApi, type ApiKeySource } from '@/api/client';
import { ErrorBoundary } from '@/components/error-boundary';
import { ToastProvider } from '@/components/toast';
import { browserLocation, LocationProvider, memoryLocation } from '@/lib/location';
import type { TableRef } from '@/lib/table-ref';
import type { ViewName } from '@/lib/view-params';
import type { MockOptions } from '@/mocks/context'; // type only: nothing from mocks/ is bundled here
import { createKeyStore } from './key-store';
import { createQueryClient } from './query-client';
import { Header } from './header';

import { HostSync } from './host-sync';
import { LeavePrompt } from './leave-prompt';
import type { SettingsReason } from './settings-dialog';
import { Workspace } from './workspace';
import { DraftStoreContext, draftStoreFor } from '@/features/lineage-graph/draft/draft-store';
import { SampleFilesContext, type SampleFile } from '@/features/lineage-graph/import/sample-files';
import './styles.css';

/** The demo's suggested first table: a mart with quality problems arriving from upstream. */
const NO_SAMPLES: SampleFile[] = [];
const DEMO_START = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };

// The settings load when first opened (or when DQOps asks for a key).
const SettingsDialog = lazy(() => import('./settings-dialog').then((m) => ({ default: m.SettingsDialog })));

/** What the demo's in-browser mock server lets the settings dialog change. */
export interface DemoControls {
  options(): MockOptions;
  setOptions(next: Partial<MockOptions>): void;
  reset(): void;
  /** Files the import offers to try (the demo's dbt manifest and OpenLineage events). */
  sampleFiles?: SampleFile[];
}

export interface LineageStudioProps {
  /** DQOps origin; '' = this page's origin (dev proxy or served next to DQOps). */
  baseUrl: string;
  /** Set by an embedding host. Without it, the key is asked for in the settings dialog. */
  apiKey?: ApiKeySource;
  /** 'browser': state in the page URL (standalone); 'memory': private to this instance. */
  location?: 'browser' | 'memory';
  initialSearch?: string;
  demo?: DemoControls;
  /** Lets the settings dialog switch between demo and live (standalone app only). */
  onSwitchMode?: (mode: 'demo' | 'live', baseUrl?: string) => void;
  /** The server the app talks to, for the header. */
  serverLabel?: string;
  /** Embedded: hide the table picker (the host chooses the table). */
  showPicker?: boolean;
  /** Embedded: the table the host shows (opened when it changes). */
  table?: TableRef;
  /** Embedded: the user opened another table. */
  onOpenTable?: (table: TableRef) => void;
  /** Embedded: show the header (title, server, settings). Default true. */
  showHeader?: boolean;
  /** Embedded: show the row of view tabs. Default true. */
  showTabs?: boolean;
  /** Embedded: the view the host shows (its own tabs drive it). */
  view?: ViewName;
  /** Embedded: the user switched views inside the component. */
  onViewChange?: (view: ViewName) => void;
  /** Embedded: lineage stored on `target` was saved or deleted. */
  onLineageSaved?: (change: { target: TableRef }) => void;
}

export function LineageStudio({
  baseUrl,
  apiKey,
  location = 'browser',
  initialSearch,
  demo,
  onSwitchMode,
  serverLabel,
  showPicker = true,
  table,
  onOpenTable,
  onLineageSaved,
  showHeader = true,
  showTabs = true,
  view,
  onViewChange,
}: LineageStudioProps) {
  const [settings, setSettings] = useState<{ open: boolean; reason?: SettingsReason }>({ open: false });
  const [keyStore] = useState(() => createKeyStore(location === 'browser'));
  const [locationStore] = useState(() => (location === 'browser' ? browserLocation() : memoryLocation(initialSearch)));
  // The query client outlives host re-renders; it tells the current listeners about writes.
  const [writeListeners] = useState(() => new Set<(target: TableRef) => void>());
  useEffect(() => {
    if (!onLineageSaved) return;
    const listener = (target: TableRef) => onLineageSaved({ target });
    writeListeners.add(listener);
    return () => void writeListeners.delete(listener);
  }, [onLineageSaved, writeListeners]);
  const [queryClient] = useState(() =>
    createQueryClient({
      onUnauthorized: () => setSettings({ open: true, reason: 'unauthorized' }),
      onWrite: (target) => writeListeners.forEach((listener) => listener(target)),
    }),
  );
  const api = useMemo(() => createDqopsApi({ baseUrl, apiKey: apiKey ?? (() => keyStore.get()) }), [baseUrl, apiKey, keyStore]);
  // Staged lineage edits are kept per DQOps server (local storage), so they survive a reload.
  const draftStore = useMemo(() => draftStoreFor(`${demo ? 'demo' : 'live'}:${api.baseUrl}`), [demo, api.baseUrl]);
  const hasKey = useSyncExternalStore(keyStore.subscribe, () => keyStore.get() !== undefined);

  return (
    // Without its header the component sits in a host's box: no frame of its own inside that box.
    <div className={showHeader ? 'ls-root' : 'ls-root ls-root--framed-by-host'}>
      <DqopsApiProvider api={api}>
        <QueryClientProvider client={queryClient}>
          <LocationProvider location={locationStore}>
            <ToastProvider>
              {showHeader ? (
                <Header
                  mode={demo ? 'demo' : 'live'}
                  serverLabel={serverLabel ?? (demo ? 'in-browser mock DQOps' : api.baseUrl)}
                  hasKey={hasKey}
                  onOpenSettings={() => setSettings({ open: true })}
                />
              ) : null}
              <ErrorBoundary title="Lineage Studio failed to display">
                <DraftStoreContext.Provider value={draftStore}>
                  <SampleFilesContext.Provider value={demo?.sampleFiles ?? NO_SAMPLES}>
                    <Workspace
                      startHere={demo ? DEMO_START : undefined}
                      showPicker={showPicker}
                      showTabs={showTabs}
                      // Without the header, the settings (API key) stay reachable from the tab row or
                      // the toolbar corner; a host that passes the key needs none.
                      onOpenSettings={!showHeader && apiKey === undefined ? () => setSettings({ open: true }) : undefined}
                    />
                  </SampleFilesContext.Provider>
                </DraftStoreContext.Provider>
              </ErrorBoundary>
              <LeavePrompt />
              {location === 'memory' ? <HostSync table={table} view={view} onOpenTable={onOpenTable} onViewChange={onViewChange} /> : null}
              {settings.open ? (
                <Suspense fallback={null}>
                  <SettingsDialog
                    open
                    reason={settings.reason}
                    demo={demo}
                    baseUrl={baseUrl}
                    keyStore={apiKey === undefined ? keyStore : undefined}
                    onSwitchMode={onSwitchMode}
                    onClose={() => setSettings({ open: false })}
                    onSaved={() => {
                      setSettings({ open: false });
                      void queryClient.invalidateQueries(); // new key or server options: read everything again
                    }}
                  />
                </Suspense>
              ) : null}
            </ToastProvider>
          </LocationProvider>
        </QueryClientProvider>
      </DqopsApiProvider>
    </div>
  );
}
