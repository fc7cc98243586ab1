// The cut of statements no grammar reads (statement-shape.ts): what the parser is then given.
import { describe, expect, it } from 'vitest';
import { shapeStatement, tableName } from './statement-shape';

describe('table names as written in each dialect', () => {
  it('keeps the last two parts, without quotes, in lower case', () => {
    expect(tableName('[marts].[orders]')).toBe('marts.orders');
    expect(tableName('`acme.marts.orders`')).toBe('marts.orders');
    expect(tableName('`acme`.`marts`.`orders`')).toBe('marts.orders');
    expect(tableName('ANALYTICS.MARTS.ORDERS')).toBe('marts.orders');
    expect(tableName('"Marts"."Order ""x"""')).toBe('marts.order "x"');
  });
});

describe('SELECT … INTO', () => {
  it('blanks the INTO clause (positions kept) and names the target', () => {
    const sql = 'SELECT c.id INTO [marts].[customers] FROM staging.stg_customers c';
    const shaped = shapeStatement(sql, 'tsql');
    expect(shaped.target).toBe('marts.customers');
    expect(shaped.statements).toEqual(['SELECT c.id                          FROM staging.stg_customers c']);
    expect(shaped.statements[0]).toHaveLength(sql.length);
  });
  it('leaves INTO inside a string, a comment or a subquery alone', () => {
    for (const sql of [
      "SELECT 'INTO x' AS a FROM t",
      'SELECT a /* INTO x */ FROM t',
      'SELECT a -- INTO x\nFROM t',
      'SELECT (SELECT 1 INTO y) AS a FROM t',
      'INSERT INTO marts.x SELECT a FROM t',
    ]) {
      expect(shapeStatement(sql, 'tsql')).toEqual({ statements: [sql] });
    }
  });
});

describe('MERGE', () => {
  it('becomes one SELECT per branch over its USING source', () => {
    const shaped = shapeStatement(
      "MERGE INTO marts.c AS t USING (SELECT id, name FROM s.x WHERE k = 'WHEN') AS s ON t.id = s.id WHEN MATCHED AND s.name <> t.name THEN UPDATE SET t.name = UPPER(s.name), t.seen = now() WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, COALESCE(s.name, ','))",
      'postgres',
    );
    expect(shaped.target).toBe('marts.c');
    expect(shaped.statements).toEqual([
      "SELECT UPPER(s.name) AS name, now() AS seen FROM (SELECT id, name FROM s.x WHERE k = 'WHEN') AS s",
      "SELECT s.id AS id, COALESCE(s.name, ',') AS name FROM (SELECT id, name FROM s.x WHERE k = 'WHEN') AS s",
    ]);
  });
  it('reads Databricks’ SET * and INSERT *', () => {
    expect(
      shapeStatement('MERGE INTO m.e t USING raw.events s ON t.id = s.id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *', 'databricks'),
    ).toEqual({
      statements: ['SELECT * FROM raw.events s', 'SELECT * FROM raw.events s'],
      target: 'm.e',
    });
  });
  it('refuses a MERGE it cannot cut, saying why', () => {
    expect(() => shapeStatement('MERGE INTO m.e t WHEN MATCHED THEN DELETE', 'postgres')).toThrow('This MERGE has no USING … ON: it is not read.');
    expect(() => shapeStatement('MERGE INTO m.e t USING s.x s ON t.id = s.id WHEN MATCHED THEN DELETE', 'postgres')).toThrow(
      'This MERGE writes no column (no UPDATE SET or INSERT … VALUES).',
    );
  });
});
