import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
}

describe('translation catalogues', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('every string is translated, non-empty, with the same placeholders', () => {
    for (const key of keys(en)) {
      const a = lookup(en, key);
      const b = lookup(zhCN, key);
      expect(typeof b, key).toBe('string');
      expect((b as string).trim(), key).not.toBe('');
      expect(placeholders(b as string), key).toEqual(placeholders(a as string));
    }
  });
});
