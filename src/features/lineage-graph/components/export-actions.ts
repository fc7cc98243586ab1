// Loaded on demand (dynamic import) when the user exports.
import { downloadBlob, svgToPng } from '@/lib/download';
import { exportFileName, exportSize, toCsv, toJson, toSvg, type ExportFormat, type ExportInput } from '../model/export';
import { layoutGraph } from '../model/layout';

/** Pictures show the whole lineage, also the tables the view keeps hidden behind "+N". */
function wholeGraph(input: ExportInput): ExportInput {
  if (input.nodes.length >= input.model.nodes.size) return input;
  const nodes = [...input.model.nodes.keys()];
  const edges = [...input.model.edges.values()];
  return { ...input, nodes, edges, layout: layoutGraph({ nodes, edges: edges.map((e) => [e.source, e.target] as const) }) };
}

export async function exportGraph(input: ExportInput, format: ExportFormat): Promise<void> {
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
