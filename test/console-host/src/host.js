// The console's use of the packed library: <LineageStudio> in the table page's box, driven by the
// console's route (table) and sub-tabs (view), and a page that uses mountLineageStudio().
import { createElement as h, useEffect, useRef } from 'react';
import { LineageStudio, mountLineageStudio } from 'lineage-studio';
import { log, startHost as startChrome } from './host-chrome.js';

function studio({ table, view, chrome, onOpenTable, onViewChange }) {
  return h(LineageStudio, {
    baseUrl: '',
    initialTable: table,
    showPicker: false,
    showHeader: chrome,
    showTabs: chrome,
    view,
    onViewChange: (next) => {
      log({ view: next });
      onViewChange(next);
    },
    onOpenTable: (next) => {
      log({ open: next });
      onOpenTable(next);
    },
    onLineageSaved: ({ target }) => log({ saved: target }),
  });
}

function Mounted() {
  const box = useRef(null);
  const handle = useRef(null);
  useEffect(() => {
    handle.current = mountLineageStudio(box.current, {
      baseUrl: '',
      initialTable: { connection: 'warehouse', schema: 'marts', table: 'fct_orders' },
      showPicker: false,
      showHeader: false,
      showTabs: false,
      onViewChange: (next) => log({ view: next }),
    });
    return () => handle.current.unmount();
  }, []);
  const button = (id, label, action) => h('button', { id, type: 'button', className: 'rounded border border-gray-300 px-2 py-1', onClick: action }, label);
  return h(
    'div',
    { className: 'flex-1 min-w-0 p-6' },
    h(
      'div',
      { className: 'flex gap-2 mb-3' },
      button('update-table', 'update(): dim_customers', () =>
        handle.current.update({ initialTable: { connection: 'warehouse', schema: 'marts', table: 'dim_customers' } }),
      ),
      button('update-view', 'update(): source tables', () => handle.current.update({ view: 'sources' })),
      button('update-chrome', 'update(): show header and tabs', () => handle.current.update({ showHeader: true, showTabs: true })),
      button('unmount', 'unmount()', () => handle.current.unmount()),
    ),
    h('section', { ref: box, id: 'mounted-box', 'aria-label': 'Mounted box', className: 'h-[600px] border border-gray-300' }),
    h('pre', { id: 'host-events', 'aria-label': 'Host events', className: 'mt-2 text-xs' }, '[]'),
  );
}

export function startHost({ basename }) {
  startChrome({ basename, studio, Mounted });
}
