// Loaded on demand (dynamic import) when the user exports.
import { downloadBlob, svgToPng } from '@/lib/download';
import { plural } from '@/lib/format';
import { SvgContext } from '@/lib/svg-context';
import { EXPORT_HEADER, EXPORT_MARGIN, exportFileName, exportSize, svgDocument, toCsv, toJson, toSvg, type ExportFormat, type ExportInput } from '../model/export';
import { layoutGraph } from '../model/layout-graph';
import { paintGroups, type GroupedPicture } from './paint-groups';

/** Pictures show the whole lineage, also the tables the view keeps hidden behind "+N". */
function wholeGraph(input: ExportInput): ExportInput {
  if (input.nodes.length >= input.model.nodes.size) return input;
  const nodes = [...input.model.nodes.keys()];
  const edges = [...input.model.edges.values()];
  return { ...input, nodes, edges, layout: layoutGraph({ nodes, edges: edges.map((e) => [e.source, e.target] as const) }) };
}

/** The grouped overview as shown (its open groups and drawn tables; no highlight), as an SVG document. */
export function groupedSvg(input: ExportInput, picture: GroupedPicture): { svg: string; width: number; height: number } {
  const width = Math.max(picture.width + 2 * EXPORT_MARGIN, 760);
  const height = picture.height + 2 * EXPORT_MARGIN + EXPORT_HEADER;
  const context = new SvgContext();
  const scene = { ...picture.scene, active: undefined, paths: undefined };
  paintGroups(context, { x: EXPORT_MARGIN, y: EXPORT_HEADER + EXPORT_MARGIN, k: 1 }, scene, { width, height, dpr: 1 });
  const { grouping } = scene;
  const unit = grouping.by;
  const svg = svgDocument({
    tree: input.tree,
    width,
    height,
    counts: `${plural(input.model.nodes.size, 'table')} in ${plural(grouping.groups.size, unit)}, ${plural(input.model.edges.size, 'flow')}`,
    exportedAt: input.exportedAt ?? new Date(),
    notes: [
      `A box per ${unit}: its tables, how many fail, a bar of their statuses (${input.colourBy === 'upstream' ? 'including upstream' : 'own status'}); ▾ an open group and its tables.${scene.frames ? ' A frame per connection around its schemas.' : ''}`,
      'Arrows: flows between groups, left → right; width: number of flows (on the arrow); colour: worst status arriving; dashed: a loop.',
    ],
    body: context.elements(),
  });
  return { svg, width, height };
}

export async function exportGraph(input: ExportInput, format: ExportFormat, grouped?: GroupedPicture): Promise<void> {
  if (grouped && (format === 'svg' || format === 'png')) {
    const { svg, width, height } = groupedSvg(input, grouped);
    const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg, width, height);
    downloadBlob(blob, exportFileName(input.tree, format));
    return;
  }
  switch (format) {
    case 'svg':
      downloadBlob(new Blob([toSvg(wholeGraph(input))], { type: 'image/svg+xml' }), exportFileName(input.tree, 'svg'));
      return;
    case 'png': {
      const whole = wholeGraph(input);
      const size = exportSize(whole.layout);
      const png = await svgToPng(toSvg(whole), size.width, size.height);
      downloadBlob(png, exportFileName(input.tree, 'png'));
      return;
    }
    case 'csv':
      downloadBlob(new Blob([toCsv(input.tree)], { type: 'text/csv;charset=utf-8' }), exportFileName(input.tree, 'csv'));
      return;
    case 'json':
      downloadBlob(new Blob([toJson(input.tree)], { type: 'application/json' }), exportFileName(input.tree, 'json'));
      return;
  }
}
