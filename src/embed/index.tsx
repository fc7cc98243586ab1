// The embeddable build (`npm run build:lib`): a <LineageStudio> component and
// mountLineageStudio(element, options) for pages that are not React apps (or use another React).
// Every instance has its own API client, query cache and in-memory location, and the host page's
// URL is never touched. What instances on one page do share (the draft of a DQOps server, the
// layout worker, view preferences) is listed in docs/embedding.md, the host's guide.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LineageStudio as App } from '../app/lineage-studio';

/** A DQOps table: connection, schema and table name. */
export interface EmbedTableRef {
  connection: string;
  schema: string;
  table: string;
}

/** The component's views: what its own tabs (or a host's) switch between. */
export type LineageStudioView = 'graph' | 'sources' | 'targets' | 'flows';

export interface LineageStudioOptions {
  /** The DQOps server, e.g. "https://dqops.example.com" ("" = the host page's origin). */
  baseUrl: string;
  /** A DQOps API key, or a function returning one (called before each request). */
  apiKey?: string | (() => string | undefined | Promise<string | undefined>);
  /** The table to show. Passing another table later opens it. */
  initialTable?: EmbedTableRef;
  /** Show the connection → schema → table picker (default true). */
  showPicker?: boolean;
  /**
   * Show the component's header: title, server and settings (default true). Without it the
   * settings are a small ⚙ button, or nothing when the host passes `apiKey`.
   */
  showHeader?: boolean;
  /** Show the component's own row of view tabs (default true). */
  showTabs?: boolean;
  /** The view to show (default 'graph'); a host with its own tabs passes its choice here. */
  view?: LineageStudioView;
  /** Called when the user switches views inside the component (e.g. "Edit sources"). */
  onViewChange?: (view: LineageStudioView) => void;
  /** Called when the user opens another table (so the host can navigate). */
  onOpenTable?: (table: EmbedTableRef) => void;
  /** Called after the user saved or deleted lineage stored on `target`. */
  onLineageSaved?: (change: { target: EmbedTableRef }) => void;
}

function initialSearch(table: EmbedTableRef | undefined, view: LineageStudioView | undefined): string {
  const params = new URLSearchParams(table ? { connection: table.connection, schema: table.schema, table: table.table } : {});
  if (view && view !== 'graph') params.set('view', view);
  return params.toString();
}

export function LineageStudio({
  baseUrl,
  apiKey,
  initialTable,
  showPicker = true,
  showHeader = true,
  showTabs = true,
  view,
  onViewChange,
  onOpenTable,
  onLineageSaved,
}: LineageStudioOptions) {
  return (
    <App
      baseUrl={baseUrl}
      apiKey={apiKey}
      location="memory"
      initialSearch={initialSearch(initialTable, view)}
      table={initialTable}
      showPicker={showPicker}
      showHeader={showHeader}
      showTabs={showTabs}
      view={view}
      onViewChange={onViewChange}
      onOpenTable={onOpenTable}
      onLineageSaved={onLineageSaved}
    />
  );
}

/**
 * What mountLineageStudio returns. Calling it unmounts (as in earlier versions); `update` changes
 * some options (merged into the current ones), `unmount` removes the component.
 */
export interface LineageStudioHandle {
  (): void;
  update(options: Partial<LineageStudioOptions>): void;
  unmount(): void;
}

/** Renders Lineage Studio into `element`. */
export function mountLineageStudio(element: HTMLElement, options: LineageStudioOptions): LineageStudioHandle {
  const root = createRoot(element);
  let current = options;
  let mounted = true;
  const render = () =>
    root.render(
      <StrictMode>
        <LineageStudio {...current} />
      </StrictMode>,
    );
  render();
  const unmount = () => {
    if (!mounted) return;
    mounted = false;
    root.unmount();
  };
  const update = (next: Partial<LineageStudioOptions>) => {
    if (!mounted) return;
    current = { ...current, ...next };
    render();
  };
  return Object.assign(unmount, { unmount, update });
}
