// Export formats for the drawn graph and the flows. Pure string builders; the download itself
// lives in components/export-actions.ts.
import type { LineageTree } from '@/api/normalize';
import { SEVERITY_STYLE, severityKey, type SeverityKey } from '@/lib/severity';
import type { GraphEdge, GraphModel } from './build-graph';
import { NODE_HEIGHT, NODE_WIDTH, type LayoutResult } from './layout';
import { edgeWidth, nodeSeverity } from './view-model';

export type ExportFormat = 'png' | 'svg' | 'csv' | 'json';

export interface ExportInput {
  tree: LineageTree;
  model: GraphModel;
  /** The tables drawn (all of them are exported, not only those on screen). */
  nodes: readonly string[];
  edges: readonly GraphEdge[];
  layout: LayoutResult;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Characters that are not allowed in XML 1.0 at all (control characters) are dropped. */
function xmlText(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return escapeXml(clean.length > max ? `${clean.slice(0, max - 1)}…` : clean);
}

const MARGIN = 24;

export function toSvg({ model, nodes, edges, layout }: ExportInput): string {
  const width = layout.width + MARGIN * 2;
  const height = layout.height + MARGIN * 2;
  const used = new Set<SeverityKey>(edges.map((e) => severityKey(e.combinedStatus)));
  const markers = [...used]
    .map(
      (key) =>
        `<marker id="arrow-${key}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${SEVERITY_STYLE[key].color}"/></marker>`,
    )
    .join('');
  const paths = edges
    .map((edge) => {
      const s = layout.positions.get(edge.source);
      const t = layout.positions.get(edge.target);
      if (!s || !t) return '';
      const sx = s.x + NODE_WIDTH + MARGIN;
      const sy = s.y + NODE_HEIGHT / 2 + MARGIN;
      const tx = t.x + MARGIN;
      const ty = t.y + NODE_HEIGHT / 2 + MARGIN;
      const dx = Math.max(40, Math.abs(tx - sx) / 2);
      const key = severityKey(edge.combinedStatus);
      return `<path d="M${sx},${sy} C${sx + dx},${sy} ${tx - dx},${ty} ${tx},${ty}" fill="none" stroke="${SEVERITY_STYLE[key].color}" stroke-opacity="0.85" stroke-width="${edgeWidth(edge.rowCount).toFixed(1)}" marker-end="url(#arrow-${key})"/>`;
    })
    .join('');
  const boxes = nodes
    .map((key) => {
      const node = model.nodes.get(key);
      const p = layout.positions.get(key);
      if (!node || !p) return '';
      const sev = nodeSeverity(model, key);
      const style = SEVERITY_STYLE[sev];
      const x = p.x + MARGIN;
      const y = p.y + MARGIN;
      const stroke = node.isRoot ? '#1d4ed8' : '#b8c0cc';
      const dash = node.exists ? '' : ' stroke-dasharray="5 4"';
      const kpi = node.status?.kpi !== undefined ? `KPI ${node.status.kpi}%` : style.label;
      return (
        `<g><rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${node.isRoot ? '#eef4ff' : '#ffffff'}" stroke="${stroke}" stroke-width="${node.isRoot ? 2.5 : 1}"${dash}/>` +
        `<rect x="${x}" y="${y}" width="6" height="${NODE_HEIGHT}" rx="3" fill="${style.color}"/>` +
        `<text x="${x + 16}" y="${y + 24}" font-size="14" font-weight="600" fill="#1f2933">${xmlText(`${style.icon} ${node.ref.table}`, 30)}</text>` +
        `<text x="${x + 16}" y="${y + 44}" font-size="12" fill="#5b6675">${xmlText(`${node.ref.schema} · ${node.ref.connection}`, 36)}</text>` +
        `<text x="${x + 16}" y="${y + 64}" font-size="12" fill="#5b6675">${xmlText(node.exists ? kpi : 'not in DQOps')}</text></g>`
      );
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Liberation Sans, Arial, sans-serif">` +
    `<defs>${markers}</defs><rect width="100%" height="100%" fill="#ffffff"/>${paths}${boxes}</svg>`
  );
}

/** A CSV cell a spreadsheet will not run as a formula (OWASP CSV injection). */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
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

export function exportFileName(tree: LineageTree, extension: string): string {
  const base = `lineage-${tree.relativeTable.connection}-${tree.relativeTable.schema}-${tree.relativeTable.table}`;
  // eslint-disable-next-line no-control-regex -- file names must not contain control characters
  return `${base.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').slice(0, 120)}.${extension}`;
}
