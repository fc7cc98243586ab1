// After `tsc -p tsconfig.lib.json`: the public entry's declarations become dist-lib/lineage-studio.d.ts.
// They reference nothing but React, so the internal declarations are not shipped.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const entry = readFileSync('dist-lib/types/embed/index.d.ts', 'utf8');
const imports = [...entry.matchAll(/from ['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
const foreign = imports.filter((name) => name !== 'react' && !name.startsWith('react/'));
if (foreign.length > 0) throw new Error(`The public declarations import internal modules: ${foreign.join(', ')}`);
writeFileSync('dist-lib/lineage-studio.d.ts', entry);
rmSync('dist-lib/types', { recursive: true, force: true });
