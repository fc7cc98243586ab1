// Standalone entry: demo mode (mock DQOps in a service worker) by default, live mode when built
// or started with DQOPS_URL, or when the user connects to a server in Settings.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LineageStudio, type DemoControls } from './lineage-studio';
import './page.css';

const MODE_KEY = 'lineage-studio.mode';

interface SavedMode {
  mode: 'demo' | 'live';
  baseUrl?: string;
}

function savedMode(): SavedMode | undefined {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(MODE_KEY) ?? 'null');
    if (parsed && typeof parsed === 'object' && 'mode' in parsed && (parsed.mode === 'demo' || parsed.mode === 'live')) {
      const baseUrl = 'baseUrl' in parsed && typeof parsed.baseUrl === 'string' ? parsed.baseUrl : undefined;
      return { mode: parsed.mode, baseUrl };
    }
  } catch {
    // unreadable: defaults
  }
  return undefined;
}

function switchMode(mode: 'demo' | 'live', baseUrl?: string) {
  localStorage.setItem(MODE_KEY, JSON.stringify({ mode, baseUrl: baseUrl ?? savedMode()?.baseUrl ?? '' }));
  window.location.reload();
}

async function boot() {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const demoBuild = import.meta.env.VITE_DEMO === 'true';
  const saved = savedMode();
  const mode = demoBuild ? (saved?.mode ?? 'demo') : 'live';

  let demo: DemoControls | undefined;
  // The condition is a build-time constant: live builds do not contain MSW or the demo data.
  if (import.meta.env.VITE_DEMO === 'true' && mode === 'demo') {
    const { startDemoServer } = await import('@/mocks/browser');
    demo = await startDemoServer();
  }

  const baseUrl = mode === 'live' ? (saved?.baseUrl ?? '') : '';
  const proxied = import.meta.env.VITE_DQOPS_URL;
  const serverLabel = demo ? undefined : baseUrl || (proxied ? `${proxied} (through this site's /api proxy)` : window.location.host);

  createRoot(container).render(
    <StrictMode>
      <LineageStudio baseUrl={baseUrl} demo={demo} serverLabel={serverLabel} onSwitchMode={demoBuild ? switchMode : undefined} />
    </StrictMode>,
  );
}

void boot();
