import { describe, expect, it } from 'vitest';
import dictionaryText from '../../resources/gs1/gs1-syntax-dictionary.txt?raw';
import { GS1_LINTER_NAMES, allAis, lookupAi, parseSyntaxDictionary } from './dictionary';
import { LINTERS } from './linter-registry';

describe('GS1 Barcode Syntax Dictionary', () => {
  it('expands to 541 AIs: 26 with two digits, 38 with three, 477 with four', () => {
    const ais = allAis();
    expect(ais).toHaveLength(541);
    expect(ais.filter((a) => a.ai.length === 2)).toHaveLength(26);
    expect(ais.filter((a) => a.ai.length === 3)).toHaveLength(38);
    expect(ais.filter((a) => a.ai.length === 4)).toHaveLength(477);
  });

  it('reads the flags: 337 predefined-length AIs, 525 Digital Link attributes', () => {
    expect(allAis().filter((a) => a.predefinedLength)).toHaveLength(337);
    const notAttributes = allAis()
      .filter((a) => !a.digitalLinkAttribute)
      .map((a) => a.ai);
    expect(notAttributes).toEqual(
      '03 21 22 235 254 7040 7041 8011 8014 8019 8020 8040 8041 8042 8043 8200'.split(' '),
    );
  });

  it('implements every linter the file names', () => {
    const named = new Set(allAis().flatMap((a) => a.components.flatMap((c) => [...c.linters])));
    expect(named.size).toBeGreaterThan(30);
    for (const name of named) expect(typeof LINTERS[name]).toBe('function');
    for (const name of GS1_LINTER_NAMES) expect(typeof LINTERS[name]).toBe('function');
  });

  it('parses components, optional parts and lengths', () => {
    expect(lookupAi('01')).toMatchObject({
      title: 'GTIN',
      predefinedLength: true,
      minLength: 14,
      maxLength: 14,
      components: [
        { type: 'N', minLength: 14, maxLength: 14, optional: false, linters: ['csum', 'gcppos2'] },
      ],
      excludes: ['255', '37'],
      dlPrimaryKey: [['22', '10', '21'], ['235']],
    });
    expect(lookupAi('253')).toMatchObject({ minLength: 13, maxLength: 30 });
    expect(lookupAi('253')?.components[1]).toMatchObject({ type: 'X', optional: true });
    expect(lookupAi('423')).toMatchObject({ minLength: 3, maxLength: 15 });
    expect(lookupAi('8030')?.components[0]?.type).toBe('Z');
    expect(lookupAi('8010')?.components[0]?.type).toBe('Y');
    expect(lookupAi('8110')?.title).toBe('');
  });

  it('keeps each req= separately and splits + groups', () => {
    expect(lookupAi('37')?.requires).toEqual([[['00']], [['02'], ['8026']]]);
    expect(lookupAi('7258')?.requires).toEqual([[['8018', '7259']]]);
    expect(lookupAi('3920')?.requires[1]).toContainEqual(['31nn']);
    expect(lookupAi('00')?.dlPrimaryKey).toEqual([[]]);
    expect(lookupAi('414')?.dlPrimaryKey).toEqual([['254'], ['7040']]);
  });

  it('rejects unknown AIs', () => {
    expect(lookupAi('23')).toBeUndefined();
    expect(lookupAi('399')).toBeUndefined();
  });

  it('throws at load on an unknown linter or attribute, so a new release is noticed', () => {
    expect(() => parseSyntaxDictionary('01 *? N14,csum,newcheck # GTIN')).toThrow(
      /unknown linter "newcheck"/,
    );
    expect(() => parseSyntaxDictionary('01 *? N14 colour=red # GTIN')).toThrow(/unknown attribute/);
    expect(() => parseSyntaxDictionary('01 *? X..5 N3 # BAD')).toThrow(/variable-length/);
    expect(() => parseSyntaxDictionary('3100-3205 *? N6 # BAD')).toThrow(/range/);
  });

  it('reads the bundled file without errors and accepts the pre-2026 linter names', () => {
    expect(parseSyntaxDictionary(dictionaryText)).toHaveLength(541);
    expect(
      parseSyntaxDictionary('8013 ? X..25,csumalpha,key # GMN')[0]?.components[0]?.linters,
    ).toEqual(['csumalpha', 'gcppos1']);
  });
});
