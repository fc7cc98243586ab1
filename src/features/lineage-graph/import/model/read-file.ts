// One entry for every file the import takes: a dbt manifest (an object with dbt's schema version
// or its `nodes`), else OpenLineage events (one, an array, or one per line; the project's own
// export is such events). The JSON is parsed once.
import { parseDbtManifest } from './dbt-manifest';
import { ImportError, isObject, type ImportedLineage } from './imported';
import { parseOpenLineage, readEvents, type Event } from './openlineage';

export function readLineageFile(input: string): ImportedLineage {
  const trimmed = input.trim();
  if (trimmed === '') throw new ImportError('The file is empty.');
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch (error) {
    // Newline-delimited events: the first line is JSON on its own. Otherwise one broken document.
    const firstLine = trimmed.slice(0, trimmed.indexOf('\n') >>> 0);
    if (trimmed.includes('\n') && parses(firstLine)) return parseOpenLineage(readEvents(trimmed));
    throw new ImportError(`This is not valid JSON (${error instanceof SyntaxError ? error.message : 'unreadable'})`, whereIn(trimmed, error));
  }
  if (isObject(whole) && (isObject(whole.nodes) || (isObject(whole.metadata) && 'dbt_schema_version' in whole.metadata))) return parseDbtManifest(whole);
  if (Array.isArray(whole)) {
    whole.forEach((event, i) => {
      if (!isObject(event)) throw new ImportError('An element of the array is not an OpenLineage event.', `element ${i + 1}`);
    });
    return parseOpenLineage(whole as Event[]);
  }
  if (isObject(whole)) {
    if (!('eventType' in whole) && !('inputs' in whole) && !('outputs' in whole) && !('dataset' in whole)) {
      throw new ImportError('This JSON is neither a dbt manifest nor OpenLineage events: it has no "nodes", "inputs", "outputs" or "eventType".');
    }
    return parseOpenLineage([whole]);
  }
  throw new ImportError('This file holds no JSON object: it is neither a dbt manifest nor OpenLineage events.');
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** "line L, column C" from a JSON.parse error that gives a position (V8: "at position N"). */
function whereIn(text: string, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = message.match(/line (\d+) column (\d+)/);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = message.match(/position (\d+)/);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}
