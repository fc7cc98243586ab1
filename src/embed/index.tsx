// The embeddable build (`npm run build:lib`): a <LineageStudio> component and
// mountLineageStudio(element, options) for pages that are not React apps (or use another React).
// Every instance has its own API client, query cache and in-memory location: instances never
// share state, and the host page's URL is never touched.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LineageStudio as App } from '../app/lineage-studio';

/** A DQOps table: connection, schema and table name. */
export interface EmbedTableRef {
  connection: string;
  schema: string;
  table: string;
}

export interface LineageStudioOptions {
  /** The DQOps server, e.g. "https://dqops.example.com" ("" = the host page's origin). */
  baseUrl: string;
  /** A DQOps API key, or a function returning one (called before each request). */
  apiKey?: string | (() => string | undefined | Promise<string | undefined>);
  /** The table to open first. */
  initialTable?: EmbedTableRef;
  /** Show the connection → schema → table picker (default true). */
  showPicker?: boolean;
  /** Called when the user opens another table (so the host can navigate). */
  onOpenTable?: (table: EmbedTableRef) => void;
  /** Called after the user saved or deleted lineage stored on `target`. */
  onLineageSaved?: (change: { target: EmbedTableRef }) => void;
}

function initialSearch(table: EmbedTableRef | undefined): string {
  return table ? new URLSearchParams({ connection: table.connection, schema: table.schema, table: table.table }).toString() : '';
}

export function LineageStudio({ baseUrl, apiKey, initialTable, showPicker = true, onOpenTable, onLineageSaved }: LineageStudioOptions) {
  return (
    <App
      baseUrl={baseUrl}
      apiKey={apiKey}
      location="memory"
      initialSearch={initialSearch(initialTable)}
      showPicker={showPicker}
      onOpenTable={onOpenTable}
      onLineageSaved={onLineageSaved}
    />
  );
}

/** Renders Lineage Studio into `element`; returns a function that unmounts it. */
export function mountLineageStudio(element: HTMLElement, options: LineageStudioOptions): () => void {
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <LineageStudio {...options} />
    </StrictMode>,
  );
  return () => root.unmount();
}
