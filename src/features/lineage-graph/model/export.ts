// Export formats for the drawn graph and the flows. Pure string builders; the download itself
// lives in components/export-actions.ts.
import { plural } from '@/lib/format';
import type { LineageTree } from '@/api/normalize';
import { INK } from '@/lib/palette';
import { SEVERITY_STYLE, severityKey, type SeverityKey } from '@/lib/severity';
import type { GraphEdge, GraphModel } from './build-graph';
import { layoutExtent, NODE_HEIGHT, NODE_WIDTH, type LayoutResult } from './layout';
import { edgeWidth, nodeSeverity } from './view-model';
import { routedPath, routeEdges } from './routes';
import { upstreamFailures } from './quality-paths';
import { formatKpi, formatRows } from '@/lib/format';
import { csvCell } from '@/lib/csv';
import { xmlText } from '@/lib/xml';

export type ExportFormat = 'png' | 'svg' | 'csv' | 'json';

export interface ExportInput {
  tree: LineageTree;
  model: GraphModel;
  /** The tables drawn (all of them are exported, not only those on screen). */
  nodes: readonly string[];
  edges: readonly GraphEdge[];
  layout: LayoutResult;
  /** How the tables are coloured on screen (the picture says which). */
  colourBy?: 'own' | 'upstream';
  /** When the picture was taken (stamped on it). */
  exportedAt?: Date;
}

export const EXPORT_MARGIN = 24;
const MARGIN = EXPORT_MARGIN;
/** Room above the graph for the title, the date and the legend. */
export const EXPORT_HEADER = 132;
const ARROW = 12; // arrowheads keep this size whatever the line's width

/** The picture's size for a layout (the PNG is rendered at this size). */
/** The layout moved so that its top-left table is at (0, 0), with its real size (layoutExtent). */
function fromOrigin(layout: LayoutResult): LayoutResult {
  const extent = layoutExtent(layout.positions);
  if (!extent) return layout;
  const positions = new Map([...layout.positions].map(([key, p]) => [key, { x: p.x - extent.minX, y: p.y - extent.minY }]));
  // Exported tables are drawn without their column lists: NODE_HEIGHT each.
  return { ...layout, positions, width: extent.maxX - extent.minX, height: extent.maxY - extent.minY };
}

export function exportSize(shown: LayoutResult): { width: number; height: number } {
  const layout = fromOrigin(shown);
  return { width: Math.max(layout.width + MARGIN * 2, 760), height: layout.height + MARGIN * 2 + EXPORT_HEADER };
}

/**
 * The drawn graph as a picture that stands alone in a ticket or a slide: a title (the focus table),
 * the date and source, a legend, and every table as on screen (status, KPI, rows, "⚠ N upstream").
 */
export function toSvg({ tree, model, nodes, edges, layout: given, colourBy = 'own', exportedAt = new Date() }: ExportInput): string {
  const layout = fromOrigin(given);
  const { width, height } = exportSize(layout);
  const top = EXPORT_HEADER + MARGIN;
  const colourOf = (edge: GraphEdge) => severityKey(edge.combinedStatus);
  const used = new Set<SeverityKey>(edges.map(colourOf));
  const markers = [...used]
    .map(
      (key) =>
        `<marker id="arrow-${key}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="${ARROW}" markerHeight="${ARROW}" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${SEVERITY_STYLE[key].color}"/></marker>`,
    )
    .join('');
  const shown = new Set(nodes);
  const routes = routeEdges(layout.positions, edges);
  const paths = edges
    .map((edge) => {
      const s = layout.positions.get(edge.source);
      const t = layout.positions.get(edge.target);
      if (!s || !t) return '';
      const sx = s.x + NODE_WIDTH + MARGIN;
      const sy = s.y + NODE_HEIGHT / 2 + top;
      const tx = t.x + MARGIN;
      const ty = t.y + NODE_HEIGHT / 2 + top;
      const route = routes.get(edge.key)?.map((p) => ({ x: p.x + MARGIN, y: p.y + top }));
      const dx = Math.max(40, Math.abs(tx - sx) / 2);
      const d = route ? routedPath(sx, sy, route, tx, ty)[0] : `M${sx},${sy} C${sx + dx},${sy} ${tx - dx},${ty} ${tx},${ty}`;
      const key = colourOf(edge);
      return `<path d="${d}" fill="none" stroke="${SEVERITY_STYLE[key].color}" stroke-opacity="0.85" stroke-width="${edgeWidth(edge.rowCount).toFixed(1)}" marker-end="url(#arrow-${key})"/>`;
    })
    .join('');
  const failures = upstreamFailures(model);
  const boxes = nodes
    .map((key) => {
      const node = model.nodes.get(key);
      const p = layout.positions.get(key);
      if (!node || !p) return '';
      const style = SEVERITY_STYLE[nodeSeverity(model, key, colourBy)];
      const x = p.x + MARGIN;
      const y = p.y + top;
      const stroke = node.isRoot ? INK.focus : INK.border;
      const dash = node.exists ? '' : ' stroke-dasharray="5 4"';
      const kpi = node.status?.kpi !== undefined ? `KPI ${formatKpi(node.status.kpi)}` : style.label;
      const stats = node.exists ? `${kpi} · ${formatRows(node.rowCount !== undefined && node.rowCount > 1 ? node.rowCount : undefined, node.rowCountEstimated)}` : 'not in DQOps';
      const fed = failures.get(key);
      const fedMark = fed
        ? `<text x="${x + NODE_WIDTH - 10}" y="${y + 64}" font-size="12" font-weight="600" text-anchor="end" fill="${SEVERITY_STYLE[fed.worst].text}">${xmlText(`⚠ ${fed.count} upstream`)}</text>`
        : '';
      const focus = node.isRoot ? `<text x="${x + NODE_WIDTH - 10}" y="${y + 24}" font-size="10" font-weight="700" text-anchor="end" fill="${INK.focus}">FOCUS</text>` : '';
      return (
        `<g><rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${node.isRoot ? INK.focusTint : INK.surface}" stroke="${stroke}" stroke-width="${node.isRoot ? 2.5 : 1}"${dash}/>` +
        `<rect x="${x}" y="${y}" width="6" height="${NODE_HEIGHT}" rx="3" fill="${style.color}"/>` +
        `<text x="${x + 16}" y="${y + 24}" font-size="14" font-weight="600" fill="${INK.text}">${xmlText(`${style.icon} ${node.ref.table}`, node.isRoot ? 24 : 30)}</text>${focus}` +
        `<text x="${x + 16}" y="${y + 44}" font-size="12" fill="${INK.muted}">${xmlText(`${node.ref.schema} · ${node.ref.connection}`, 36)}</text>` +
        `<text x="${x + 16}" y="${y + 64}" font-size="12" fill="${INK.muted}">${xmlText(stats)}</text>${fedMark}</g>`
      );
    })
    .join('');
  const hidden = model.nodes.size - shown.size;
  const counts = `${plural(nodes.length, 'table')}${hidden > 0 ? ` (${hidden} more not drawn)` : ''}, ${plural(edges.length, 'flow')}`;
  return svgDocument({
    tree,
    width,
    height,
    counts,
    exportedAt,
    notes: [
      `Tables coloured by ${colourBy === 'own' ? 'their own status' : 'their status including upstream'}. ⚠ N upstream: fed by N failing upstream tables.`,
      'Arrows: data flows left → right; width: rows flowing; colour: status of the data arriving, including upstream.',
    ],
    defs: markers,
    body: `${paths}${boxes}`,
  });
}

/**
 * An exported picture's document: the title (the focus table), what it shows and when, a legend
 * of the statuses and two lines of notes above `body` (drawn from y = EXPORT_HEADER).
 */
export function svgDocument({ tree, width, height, counts, exportedAt, notes, defs = '', body }: {
  tree: LineageTree;
  width: number;
  height: number;
  counts: string;
  exportedAt: Date;
  notes: [string, string];
  defs?: string;
  body: string;
}): string {
  const root = tree.relativeTable;
  const title = `Data lineage of ${root.table}`;
  const subtitle = `${root.schema} · ${root.connection} — exported ${exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC from DQOps — ${counts}${tree.fullyLoaded ? '' : ' — partial: DQOps was still loading the lineage'}`;
  const legendKeys: SeverityKey[] = ['valid', 'warning', 'error', 'fatal', 'none', 'missing'];
  let lx = MARGIN;
  const legend = [
    ...legendKeys.map((key) => {
      const swatch = key === 'missing' ? `fill="${INK.surface}" stroke="${SEVERITY_STYLE.missing.color}" stroke-dasharray="3 2"` : `fill="${SEVERITY_STYLE[key].color}"`;
      const item = `<rect x="${lx}" y="66" width="12" height="12" rx="2" ${swatch}/><text x="${lx + 17}" y="76" font-size="12" fill="${INK.text}">${xmlText(SEVERITY_STYLE[key].label)}</text>`;
      lx += 30 + SEVERITY_STYLE[key].label.length * 7;
      return item;
    }),
    `<text x="${MARGIN}" y="98" font-size="12" fill="${INK.muted}">${xmlText(notes[0], 170)}</text>`,
    `<text x="${MARGIN}" y="116" font-size="12" fill="${INK.muted}">${xmlText(notes[1], 170)}</text>`,
  ].join('');
  const header =
    `<text x="${MARGIN}" y="30" font-size="18" font-weight="700" fill="${INK.text}">${xmlText(title, 90)}</text>` +
    `<text x="${MARGIN}" y="52" font-size="12" fill="${INK.muted}">${xmlText(subtitle, 220)}</text>${legend}` +
    `<line x1="${MARGIN}" y1="${EXPORT_HEADER - 6}" x2="${width - MARGIN}" y2="${EXPORT_HEADER - 6}" stroke="${INK.grid}"/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Liberation Sans, Arial, sans-serif">` +
    `<title>${xmlText(`${title} (${root.schema} · ${root.connection})`, 200)}</title>` +
    `<defs>${defs}</defs><rect width="100%" height="100%" fill="${INK.surface}"/>${header}${body}</svg>`
  );
}

const CSV_HEADER = [
  'source_connection',
  'source_schema',
  'source_table',
  'target_connection',
  'target_schema',
  'target_table',
  'row_count',
  'source_status',
  'target_status',
  'upstream_combined_status',
];

export function toCsv(tree: LineageTree): string {
  const lines = [CSV_HEADER.join(',')];
  for (const f of tree.flows) {
    lines.push(
      [
        f.source.connection,
        f.source.schema,
        f.source.table,
        f.target.connection,
        f.target.schema,
        f.target.table,
        f.rowCount,
        f.sourceStatus?.severity ?? f.sourceStatus?.unknownSeverity,
        f.targetStatus?.severity ?? f.targetStatus?.unknownSeverity,
        f.upstreamCombinedStatus?.severity ?? f.upstreamCombinedStatus?.unknownSeverity,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(tree: LineageTree): string {
  return JSON.stringify(
    {
      relative_table: tree.relativeTable,
      data_lineage_fully_loaded: tree.fullyLoaded,
      flows: tree.flows.map((f) => ({
        source: f.source,
        target: f.target,
        row_count: f.rowCount,
        source_status: f.sourceStatus?.severity,
        target_status: f.targetStatus?.severity,
        upstream_combined_status: f.upstreamCombinedStatus?.severity,
      })),
    },
    null,
    2,
  );
}

// The downloads' file names live in file-name.ts: the impact list's CSV uses them without loading
// this module (the exports are loaded on demand).
export { exportFileName } from './file-name';
