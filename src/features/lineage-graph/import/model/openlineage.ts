// OpenLineage events (one event, a JSON array of events, or newline-delimited JSON) → the datasets
// they name and "input is a source of output" links, with column mappings from the outputs'
// `columnLineage` facets (docs/lineage-formats.md, "OpenLineage"). Datasets are merged by
// (namespace, name); for a column's lineage the latest COMPLETE event that has it wins. Failed
// and aborted runs say nothing about lineage; unknown facets are ignored.
import { setOwn } from '@/lib/own';
import { ImportError, isObject, text, type ImportedColumn, type ImportedDataset, type ImportedLineage, type ImportedLink } from './imported';

/** The input facet of Lineage Studio's own export (to-openlineage.ts). */
const LINK_FACET = 'lineageStudio_link';

const textMap = (value: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') setOwn(out, k, v);
  return out;
};

export type Event = Record<string, unknown>;

/** The events of a file: a JSON object or array, else one JSON object per line. */
export function readEvents(input: string): Event[] {
  const trimmed = input.trim();
  if (trimmed === '') throw new ImportError('The file is empty.');
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    whole = undefined;
  }
  if (Array.isArray(whole)) {
    whole.forEach((event, i) => {
      if (!isObject(event)) throw new ImportError('An element of the array is not an OpenLineage event.', `element ${i + 1}`);
    });
    return whole as Event[];
  }
  if (isObject(whole)) return [whole];
  // Newline-delimited JSON: each non-empty line one event.
  const events: Event[] = [];
  trimmed.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (error) {
      throw new ImportError(`This line is not JSON (${error instanceof SyntaxError ? error.message : 'unreadable'}).`, `line ${i + 1}`);
    }
    if (!isObject(event)) throw new ImportError('This line is not an OpenLineage event.', `line ${i + 1}`);
    events.push(event);
  });
  return events;
}

const unquote = (part: string) => part.replace(/^["`[](.*)["`\]]$/, '$1');

/** A dataset name's schema and table: the last two dotted parts ("db.schema.table", "project.dataset.table", MySQL "db.table"). */
export function splitName(name: string): { schema: string; table: string } {
  const parts = (name.match(/"[^"]*"|`[^`]*`|\[[^\]]*\]|[^.]+/g) ?? [name]).map(unquote);
  const table = parts.at(-1) ?? name;
  return { schema: parts.length >= 2 ? (parts.at(-2) ?? '') : '', table };
}

const keyOf = (namespace: string, name: string) => `${namespace}\u0000${name}`;

function datasetOf(raw: Record<string, unknown>): ImportedDataset | undefined {
  const namespace = text(raw.namespace);
  const name = text(raw.name);
  if (!namespace || !name) return undefined;
  const facets = isObject(raw.facets) ? raw.facets : {};
  const schema = isObject(facets.schema) && Array.isArray(facets.schema.fields) ? facets.schema.fields : [];
  const columns = schema.flatMap((field) => (isObject(field) && text(field.name) ? [text(field.name) as string] : []));
  return { key: keyOf(namespace, name), space: namespace, ...splitName(name), columns };
}

function transformationsOf(field: Record<string, unknown>): string[] {
  const list = Array.isArray(field.transformations) ? field.transformations : [];
  return list.flatMap((t) => (isObject(t) && text(t.type) ? [[text(t.type), text(t.subtype)].filter(Boolean).join('/')] : []));
}

const skipped = new Set(['FAIL', 'ABORT']);

/** `input`: the file's text, or its events already read (readLineageFile parses the JSON once). */
export function parseOpenLineage(input: string | Event[]): ImportedLineage {
  const events = (typeof input === 'string' ? readEvents(input) : input)
    .map((event, index) => ({ event, index, time: Date.parse(text(event.eventTime) ?? '') }))
    // Oldest first, so that a later event's column lineage replaces an earlier one's.
    .sort((a, b) => (Number.isNaN(a.time) ? 0 : a.time) - (Number.isNaN(b.time) ? 0 : b.time) || a.index - b.index);
  const notes: string[] = [];
  const datasets = new Map<string, ImportedDataset>();
  const links = new Map<string, ImportedLink>();
  let failed = 0;
  for (const { event, index } of events) {
    const remember = (raw: unknown): ImportedDataset | undefined => {
      if (!isObject(raw)) return undefined;
      const dataset = datasetOf(raw);
      if (!dataset) {
        notes.push(`Event ${index + 1} names a dataset without a namespace or a name; it was left out.`);
        return undefined;
      }
      const known = datasets.get(dataset.key);
      datasets.set(dataset.key, known && dataset.columns.length === 0 ? known : dataset);
      return dataset;
    };
    if (isObject(event.dataset)) remember(event.dataset); // a DatasetEvent: a dataset, no lineage
    const type = text(event.eventType);
    if (type && skipped.has(type)) {
      failed += 1;
      continue;
    }
    const job = isObject(event.job) ? event.job : {};
    const jobName = [text(job.namespace), text(job.name)].filter(Boolean).join('/');
    const rawInputs = Array.isArray(event.inputs) ? event.inputs : [];
    const inputs = rawInputs.map(remember).filter((d): d is ImportedDataset => !!d);
    // Lineage Studio's own export says each link's tool and properties (docs/lineage-formats.md).
    const linkFacets = new Map<string, Record<string, unknown>>();
    for (const raw of rawInputs) {
      const facet = isObject(raw) && isObject(raw.facets) && isObject(raw.facets[LINK_FACET]) ? raw.facets[LINK_FACET] : undefined;
      if (facet && isObject(raw)) linkFacets.set(keyOf(text(raw.namespace) ?? '', text(raw.name) ?? ''), facet);
    }
    const outputs = (Array.isArray(event.outputs) ? event.outputs : []).map((raw) => ({ raw, dataset: remember(raw) }));
    const tool = text(job.namespace) ?? text(event.producer) ?? 'openlineage';
    for (const { raw, dataset: output } of outputs) {
      if (!output) continue;
      const facets = isObject(raw) && isObject(raw.facets) ? raw.facets : {};
      const lineage = isObject(facets.columnLineage) && isObject(facets.columnLineage.fields) ? facets.columnLineage.fields : undefined;
      for (const input of inputs) {
        if (input.key === output.key) continue;
        const key = `${input.key}\u0001${output.key}`;
        const own = linkFacets.get(input.key);
        const link = links.get(key) ?? { source: input.key, target: output.key, columns: {}, properties: {}, tool: own ? (text(own.tool) ?? '') : tool };
        if (own) Object.assign(link.properties, textMap(own.properties));
        else if (jobName) link.properties.openlineage_job = jobName;
        if (lineage && type !== 'START') {
          const columns: Record<string, ImportedColumn> = {};
          for (const [column, spec] of Object.entries(lineage)) {
            const fields = isObject(spec) && Array.isArray(spec.inputFields) ? spec.inputFields : [];
            const mine = fields.filter((f): f is Record<string, unknown> => isObject(f) && text(f.namespace) === input.space && keyOf(input.space, text(f.name) ?? '') === input.key);
            const sourceColumns = [...new Set(mine.flatMap((f) => (text(f.field) ? [text(f.field) as string] : [])))];
            const properties = own && isObject(own.columnProperties) ? textMap(own.columnProperties[column]) : {};
            const transformations = [...new Set(mine.flatMap(transformationsOf))];
            if (sourceColumns.length > 0) setOwn(columns, column, { sourceColumns, transformations, ...(Object.keys(properties).length > 0 && { properties }) });
          }
          if (Object.keys(columns).length > 0) link.columns = columns;
        }
        links.set(key, link);
      }
    }
  }
  if (failed > 0) notes.push(`${failed} failed or aborted ${failed === 1 ? 'run was' : 'runs were'} left out.`);
  if (events.length > 0 && links.size === 0) notes.push('No event has both inputs and outputs: there is no lineage to import.');
  return { format: 'openlineage', datasets, links: [...links.values()], notes };
}
