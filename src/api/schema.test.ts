// @vitest-environment node
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

describe('generated API types', () => {
  it('src/api/schema.d.ts matches api/dqops-lineage-openapi.json (run `npm run api:gen`)', async () => {
    const spec = new URL('../../api/dqops-lineage-openapi.json', import.meta.url);
    const generated = astToString(await openapiTS(spec));
    const committed = readFileSync(new URL('./schema.d.ts', import.meta.url), 'utf8');
    expect(committed.endsWith(generated), 'schema.d.ts is stale: run `npm run api:gen`').toBe(true);
  });

  it('describes the 12 lineage and catalog operations and the table search', () => {
    const spec = JSON.parse(readFileSync(new URL('../../api/dqops-lineage-openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const ids = Object.values(spec.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId).filter(Boolean));
    expect(ids.sort()).toEqual(
      [
        'createTableSourceTable',
        'deleteTableSourceTable',
        'findTables',
        'getAllConnections',
        'getColumns',
        'getSchemas',
        'getTableBasic',
        'getTableDataLineageGraph',
        'getTableSourceTable',
        'getTableSourceTables',
        'getTableTargetTables',
        'getTables',
        'updateTableSourceTable',
      ].sort(),
    );
  });
});
