// Loaded on demand (dynamic import) when the user exports.
import { downloadBlob, svgToPng } from '@/lib/download';
import { exportFileName, toCsv, toJson, toSvg, type ExportFormat, type ExportInput } from '../model/export';

export async function exportGraph(input: ExportInput, format: ExportFormat): Promise<void> {
  switch (format) {
    case 'svg':
      downloadBlob(new Blob([toSvg(input)], { type: 'image/svg+xml' }), exportFileName(input.tree, 'svg'));
      return;
    case 'png': {
      const svg = toSvg(input);
      const png = await svgToPng(svg, input.layout.width + 48, input.layout.height + 48);
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
