// An example host page: a page that is not the app mounts two instances from the library build.
import { mountLineageStudio } from '../../dist-lib/lineage-studio.js';
import '../../dist-lib/lineage-studio.css';

const DQOPS = (window as unknown as { DQOPS_URL?: string }).DQOPS_URL ?? 'http://127.0.0.1:8898';
const events: unknown[] = [];
const log = (event: unknown) => {
  events.push(event);
  const out = document.getElementById('events');
  if (out) out.textContent = JSON.stringify(events);
};
const element = (id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing`);
  return found;
};

const unmountA = mountLineageStudio(element('instance-a'), {
  baseUrl: DQOPS,
  initialTable: { connection: 'warehouse', schema: 'marts', table: 'fct_orders' },
  showPicker: false,
  onOpenTable: (table) => log({ instance: 'a', open: table }),
  onLineageSaved: ({ target }) => log({ instance: 'a', saved: target }),
});

mountLineageStudio(element('instance-b'), {
  baseUrl: DQOPS,
  apiKey: async () => 'dqops-demo-key',
  initialTable: { connection: 'warehouse', schema: 'marts', table: 'dim_date' },
  onOpenTable: (table) => log({ instance: 'b', open: table }),
  onLineageSaved: ({ target }) => log({ instance: 'b', saved: target }),
});

element('unmount-a').addEventListener('click', () => unmountA());
