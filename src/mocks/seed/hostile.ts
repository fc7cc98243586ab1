// Names that break naive UIs: markup, quotes, SQL, path tricks, percent signs, emoji, RTL text.
// Loaded by the mock's "hostile" scenario (`?mock.scenario=hostile`, `--scenario hostile`).
import type { SeedCatalog } from './catalog';

export const HOSTILE_NAMES = {
  markup: '<img src=x onerror=alert(1)>',
  sql: '"; DROP TABLE users; --',
  path: '../..',
  percent: 'a/b%2Fc',
  emoji: 'sales 📈 ☃',
  rtl: 'جدول المبيعات',
  script: '<script>window.__pwned=1</script>',
} as const;

export const hostileCatalog: SeedCatalog = {
  connections: [{ name: HOSTILE_NAMES.sql, provider: 'postgresql' }],
  tables: [
    { connection: HOSTILE_NAMES.sql, schema: HOSTILE_NAMES.markup, table: HOSTILE_NAMES.path, columns: 'id bigint, "name" varchar' },
    { connection: HOSTILE_NAMES.sql, schema: HOSTILE_NAMES.markup, table: HOSTILE_NAMES.percent, columns: 'id bigint', sources: [] },
    { connection: HOSTILE_NAMES.sql, schema: HOSTILE_NAMES.markup, table: HOSTILE_NAMES.emoji, columns: 'id bigint', quality: { Validity: 'error' } },
    { connection: HOSTILE_NAMES.sql, schema: HOSTILE_NAMES.markup, table: HOSTILE_NAMES.rtl, columns: 'id bigint' },
  ],
};
