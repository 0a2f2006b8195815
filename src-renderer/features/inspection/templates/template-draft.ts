import type {
  InspectionLevelName,
  InspectionTemplate,
  TemplateCheck,
} from '../../../../src-shared/events/schemas-inspection';
import { AQL_VALUES } from '../../../../src-shared/sampling';

/**
 * What the template editor holds while a manager types: numbers as the text of their inputs
 * (an empty limit is "no limit", not 0), categories as one comma-separated line, and a stable
 * key per check and option so that reordering moves the right inputs (and their focus).
 */
export type CheckKind = TemplateCheck['kind'];

export interface ChoiceDraft {
  key: string;
  value: string;
  label: string;
  labelZh: string;
  pass: boolean;
}

export interface CheckDraft {
  key: string;
  checkId: string;
  kind: CheckKind;
  label: string;
  labelZh: string;
  defectClass: TemplateCheck['defectClass'];
  photo: TemplateCheck['photo'];
  counterfeitSignal: boolean;
  unit: string;
  lower: string;
  upper: string;
  readingsPerUnit: string;
  choices: ChoiceDraft[];
}

export interface TemplateDraft {
  templateId: string;
  name: string;
  nameZh: string;
  level: InspectionLevelName;
  /** AQL column labels as printed ('1.0'); critical '' means zero tolerance. */
  aql: { critical: string; major: string; minor: string };
  categories: string;
  active: boolean;
  checks: CheckDraft[];
}

let lastKey = 0;
const nextKey = () => `k${(lastKey += 1)}`;

/** The printed column label of an AQL value (1 → '1.0'), so a select can show it. */
export function aqlLabel(value: number): string {
  return AQL_VALUES.find((label) => Number(label) === value) ?? String(value);
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export function draftFrom(t: InspectionTemplate): TemplateDraft {
  return {
    templateId: t.templateId,
    name: t.name,
    nameZh: t.nameZh,
    level: t.level,
    aql: {
      critical: t.aql.critical === null ? '' : aqlLabel(t.aql.critical),
      major: aqlLabel(t.aql.major),
      minor: aqlLabel(t.aql.minor),
    },
    categories: t.categories.join(', '),
    active: t.active,
    checks: t.checks.map((c) => ({
      key: nextKey(),
      checkId: c.checkId,
      kind: c.kind,
      label: c.label,
      labelZh: c.labelZh,
      defectClass: c.defectClass,
      photo: c.photo,
      counterfeitSignal: c.counterfeitSignal ?? false,
      unit: c.unit ?? '',
      lower: text(c.lower),
      upper: text(c.upper),
      readingsPerUnit: text(c.readingsPerUnit),
      choices: (c.choices ?? []).map((o) => ({ key: nextKey(), ...o })),
    })),
  };
}

/** A new template starts as a QC team usually starts: level II, zero tolerance, 1.0 / 2.5. */
export function emptyDraft(): TemplateDraft {
  return {
    templateId: '',
    name: '',
    nameZh: '',
    level: 'II',
    aql: { critical: '', major: '1.0', minor: '2.5' },
    categories: '',
    active: true,
    checks: [newCheck('pass-fail', [])],
  };
}

export function newChoice(pass: boolean): ChoiceDraft {
  return { key: nextKey(), value: '', label: '', labelZh: '', pass };
}

/** A check of a kind, with an id not yet used in the template and the fields its kind needs. */
export function newCheck(kind: CheckKind, existing: readonly CheckDraft[]): CheckDraft {
  const used = new Set(existing.map((c) => c.checkId));
  let n = 1;
  while (used.has(`${kind}-${n}`)) n += 1;
  return {
    key: nextKey(),
    checkId: `${kind}-${n}`,
    kind,
    label: '',
    labelZh: '',
    defectClass: kind === 'label-match' ? 'critical' : kind === 'note' ? 'minor' : 'major',
    photo: kind === 'note' ? 'optional' : 'required-on-fail',
    counterfeitSignal: kind === 'label-match',
    unit: '',
    lower: '',
    upper: '',
    readingsPerUnit: kind === 'numeric' ? '1' : '',
    choices: kind === 'choice' ? [newChoice(true), newChoice(false)] : [],
  };
}

/** The list with the item at `index` moved by `delta` places; unchanged at either end. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const item = items[index];
  if (item === undefined || target < 0 || target >= items.length) return [...items];
  const rest = items.filter((_, i) => i !== index);
  return [...rest.slice(0, target), item, ...rest.slice(target)];
}

export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** One check as the station expects it: only the fields of its kind (the station checks the rest). */
function toCheck(c: CheckDraft): TemplateCheck {
  const check: TemplateCheck = {
    checkId: c.checkId.trim(),
    kind: c.kind,
    label: c.label.trim(),
    labelZh: c.labelZh.trim(),
    defectClass: c.defectClass,
    photo: c.photo,
    ...(c.counterfeitSignal ? { counterfeitSignal: true } : {}),
  };
  if (c.kind === 'numeric') {
    const lower = numberOrUndefined(c.lower);
    const upper = numberOrUndefined(c.upper);
    const readings = numberOrUndefined(c.readingsPerUnit);
    return {
      ...check,
      unit: c.unit.trim(),
      ...(lower !== undefined ? { lower } : {}),
      ...(upper !== undefined ? { upper } : {}),
      ...(readings !== undefined ? { readingsPerUnit: readings } : {}),
    };
  }
  if (c.kind === 'choice') {
    return {
      ...check,
      choices: c.choices.map(({ value, label, labelZh, pass }) => ({
        value: value.trim(),
        label: label.trim(),
        labelZh: labelZh.trim(),
        pass,
      })),
    };
  }
  return check;
}

export function toTemplate(d: TemplateDraft): InspectionTemplate {
  return {
    templateId: d.templateId.trim(),
    name: d.name.trim(),
    nameZh: d.nameZh.trim(),
    level: d.level,
    aql: {
      critical: d.aql.critical === '' ? null : Number(d.aql.critical),
      major: Number(d.aql.major),
      minor: Number(d.aql.minor),
    },
    categories: d.categories
      .split(/[,，]/)
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    checks: d.checks.map(toCheck),
    active: d.active,
  };
}

/** A template id from its English name, for a new template ("Frozen food" → "tpl-frozen-food"). */
export function suggestTemplateId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  return slug === '' ? '' : `tpl-${slug}`;
}
