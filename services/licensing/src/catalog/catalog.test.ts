import { describe, expect, it } from '@jest/globals';
import { applicationFeeCents, loadCatalog } from './catalog';

describe('the license catalog file', () => {
  it('loads and validates, with the four Massachusetts license types and the SEI and ESL endorsements', () => {
    const catalog = loadCatalog();
    expect(catalog.licenseTypes.map((t) => t.name)).toEqual(['Temporary', 'Provisional', 'Initial', 'Professional']);
    expect(catalog.licenseTypes.find((t) => t.id === 'professional')!.validity).toEqual({ kind: 'calendar-years', years: 5 });
    expect(catalog.endorsements.map((e) => e.id)).toEqual(expect.arrayContaining(['sei', 'esl']));
  });

  it('charges $100 for the first license and $25 for each additional one', () => {
    const catalog = loadCatalog();
    expect(applicationFeeCents(catalog, 1)).toBe(10000);
    expect(applicationFeeCents(catalog, 3)).toBe(15000);
  });
});
