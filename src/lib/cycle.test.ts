import { describe, expect, it } from 'vitest';
import { createsCycle } from './cycle';

const t = (table: string) => ({ connection: 'c', schema: 's', table });
const flows = [
  { source: t('raw'), target: t('stg') },
  { source: t('stg'), target: t('fct') },
  { source: t('fct'), target: t('rpt') },
];

describe('createsCycle', () => {
  it('finds a source that already takes data from the target, however far down', () => {
    expect(createsCycle(flows, t('stg'), t('rpt'))).toBe(true);
    expect(createsCycle(flows, t('stg'), t('fct'))).toBe(true);
  });

  it('lets an upstream or unrelated source through, and a table as its own source is not a loop here', () => {
    expect(createsCycle(flows, t('fct'), t('raw'))).toBe(false);
    expect(createsCycle(flows, t('fct'), t('other'))).toBe(false);
    expect(createsCycle(flows, t('fct'), t('fct'))).toBe(false);
  });

  it('stops on loops already in the lineage', () => {
    const looped = [...flows, { source: t('rpt'), target: t('stg') }];
    expect(createsCycle(looped, t('stg'), t('x'))).toBe(false);
    expect(createsCycle(looped, t('rpt'), t('fct'))).toBe(true);
  });
});
