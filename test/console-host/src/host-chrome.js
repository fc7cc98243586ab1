// The host's own page, shaped like the DQOps 1.13.2 console's table page: a top bar, a tree of
// tables on the left, the table's title and the console's own sub-tabs, and a fixed-size box in
// which the lineage component is rendered. Plain JS with createElement: no Babel needed.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Redirect, Route, Switch, useHistory, useLocation, useParams } from 'react-router-dom';

const TABS = [
  ['graph', 'Data lineage graph'],
  ['sources', 'Source tables'],
  ['targets', 'Target tables'],
];
const TREE = [
  { connection: 'warehouse', schema: 'marts', table: 'fct_orders' },
  { connection: 'warehouse', schema: 'marts', table: 'dim_customers' },
  { connection: 'warehouse', schema: 'marts', table: 'fct_revenue' },
  { connection: 'synthetic', schema: 'pipeline', table: 'hub_events' },
];

const BOX_STYLE = { height: '650px', width: 'calc(100vw - 340px)', border: '1px solid #d1d5db', borderRadius: '4px', boxSizing: 'border-box' };

const events = [];
/** Appends to the page's event log (read by the browser tests). */
export function log(event) {
  events.push(event);
  const out = document.getElementById('host-events');
  if (out) out.textContent = JSON.stringify(events);
}

export function tablePath(table, view = 'graph') {
  const e = encodeURIComponent;
  return `/connection/${e(table.connection)}/schema/${e(table.schema)}/table/${e(table.table)}/data-lineage/${view}`;
}

function TopBar() {
  return h(
    'header',
    { id: 'host-topbar', className: 'flex items-center gap-4 bg-primary px-6 h-14 text-white' },
    h('span', { id: 'host-brand', className: 'text-lg font-bold' }, 'DQOps'),
    h('input', { id: 'host-search', className: 'rounded px-2 py-1 text-gray-700 w-64', placeholder: 'Search the console' }),
    h('button', { id: 'host-button', type: 'button', className: 'ml-auto rounded bg-white text-primary px-3 py-1 font-semibold' }, 'Notifications'),
  );
}

function Tree() {
  return h(
    'nav',
    { id: 'host-tree', className: 'w-[290px] shrink-0 border-r border-gray-300 p-4 bg-white' },
    h('h2', { id: 'host-tree-title', className: 'text-sm text-gray-700 mb-2' }, 'Connections'),
    h(
      'ul',
      { id: 'host-tree-list' },
      TREE.map((t) =>
        h('li', { key: t.table, className: 'py-1' }, h(Link, { to: tablePath(t), className: 'text-primary' }, `${t.connection}.${t.schema}.${t.table}`)),
      ),
    ),
    h('p', { className: 'mt-4 text-xs' }, h(Link, { to: '/mounted', className: 'underline' }, 'mountLineageStudio() page')),
  );
}

function TablePage({ studio }) {
  const { connection, schema, table, view } = useParams();
  const history = useHistory();
  const { search } = useLocation();
  const ref = { connection, schema, table };
  const chrome = new URLSearchParams(search).get('chrome') === '1';
  const go = (nextTable, nextView) => history.push(tablePath(nextTable, nextView) + search);
  return h(
    'div',
    { className: 'flex-1 min-w-0 p-6' },
    h('h1', { id: 'host-title', className: 'text-xl font-semibold mb-3' }, `${connection}.${schema}.${table}`),
    h(
      'div',
      { id: 'host-tabs', className: 'flex gap-2 border-b border-gray-300 mb-3' },
      TABS.map(([id, label]) =>
        h(
          'button',
          {
            key: id,
            type: 'button',
            'aria-pressed': view === id,
            className: `px-3 py-2 ${view === id ? 'border-b-2 border-primary text-primary font-semibold' : 'text-gray-700'}`,
            onClick: () => go(ref, id),
          },
          label,
        ),
      ),
    ),
    h(
      'section',
      // Sized inline, not with Tailwind classes: the bare page (no Tailwind) gets the very same box,
      // so the component's computed styles, sizes included, can be compared element by element.
      { id: 'lineage-box', 'aria-label': 'Lineage box', style: BOX_STYLE },
      studio
        ? studio({
            table: ref,
            view,
            chrome,
            onOpenTable: (t) => go(t, view),
            onViewChange: (v) => go(ref, v === 'flows' ? 'graph' : v),
          })
        : h('p', { className: 'p-4' }, 'The lineage component is not on this page.'),
    ),
    h('pre', { id: 'host-events', 'aria-label': 'Host events', className: 'mt-2 text-xs' }, '[]'),
  );
}

/** Renders the host page; `studio` renders the lineage component (null: none), `Mounted` the page that uses mountLineageStudio. */
export function startHost({ basename, studio = null, Mounted = null }) {
  const root = createRoot(document.getElementById('root'));
  root.render(
    h(
      BrowserRouter,
      { basename },
      h(
        'div',
        { className: 'flex flex-col min-h-screen bg-gray-50' },
        h(TopBar),
        h(
          'div',
          { className: 'flex flex-1' },
          h(Tree),
          h(
            Switch,
            null,
            h(Route, { path: '/connection/:connection/schema/:schema/table/:table/data-lineage/:view' }, h(TablePage, { studio })),
            Mounted ? h(Route, { path: '/mounted' }, h(Mounted)) : null,
            h(Redirect, { to: tablePath(TREE[0]) }),
          ),
        ),
      ),
    ),
  );
}
