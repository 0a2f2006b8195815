import {
  DEFECT_CLASSES,
  type InspectionTemplate,
  type TemplateCheck,
} from '../../src-shared/events/schemas-inspection';
import { isSamplingError, planFor } from '../../src-shared/sampling';

/**
 * Template and check ids travel in events and unit results: keep them to characters that read the
 * same in a log line, a subject (`template:…`) and a URL.
 */
const CHECK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Keeps only the fields a check's kind uses, trimmed. An editor that switched a check from
 * numeric to pass-fail may still send the old limits; storing them would leave an inspector's
 * screen and the log disagreeing about what the check is.
 */
export function normaliseCheck(c: TemplateCheck): TemplateCheck {
  const base: TemplateCheck = {
    checkId: c.checkId.trim(),
    kind: c.kind,
    label: c.label.trim(),
    labelZh: c.labelZh.trim(),
    defectClass: c.defectClass,
    photo: c.photo,
    ...(c.counterfeitSignal === true ? { counterfeitSignal: true } : {}),
  };
  switch (c.kind) {
    case 'numeric':
      return {
        ...base,
        unit: c.unit?.trim() ?? '',
        ...(c.lower !== undefined ? { lower: c.lower } : {}),
        ...(c.upper !== undefined ? { upper: c.upper } : {}),
        readingsPerUnit: c.readingsPerUnit ?? 1,
      };
    case 'choice':
      return {
        ...base,
        choices: (c.choices ?? []).map((o) => ({
          value: o.value.trim(),
          label: o.label.trim(),
          labelZh: o.labelZh.trim(),
          pass: o.pass,
        })),
      };
    case 'pass-fail':
    case 'label-match':
    case 'note':
      return base;
  }
}

/**
 * The template as it will be stored: trimmed, categories without duplicates, checks reduced to
 * their kind's fields. What is still wrong after this is for templateProblems to say.
 */
export function normaliseTemplate(t: InspectionTemplate): InspectionTemplate {
  return {
    templateId: t.templateId.trim(),
    name: t.name.trim(),
    nameZh: t.nameZh.trim(),
    level: t.level,
    aql: t.aql,
    categories: [...new Set(t.categories.map((c) => c.trim()).filter((c) => c !== ''))],
    checks: t.checks.map(normaliseCheck),
    active: t.active,
  };
}

function checkProblems(c: TemplateCheck): string[] {
  const name = `Check "${c.checkId}"`;
  const problems: string[] = [];
  if (!CHECK_ID.test(c.checkId)) {
    problems.push(
      `${name}: an id may hold only letters, digits, ".", "_" and "-", starting with a letter or digit`,
    );
  }
  if (c.label === '') problems.push(`${name} needs a label`);
  if (c.kind === 'numeric') {
    if (!c.unit) problems.push(`${name} is numeric: give the unit of its readings (°C, g, mm…)`);
    if (c.lower === undefined && c.upper === undefined) {
      problems.push(`${name} is numeric: give a lower limit, an upper limit or both`);
    }
    if (c.lower !== undefined && c.upper !== undefined && c.lower > c.upper) {
      problems.push(`${name}: the lower limit ${c.lower} is above the upper limit ${c.upper}`);
    }
  }
  if (c.kind === 'choice') {
    const choices = c.choices ?? [];
    if (choices.length < 2) problems.push(`${name} is a choice: give at least two options`);
    else if (!choices.some((o) => o.pass)) {
      problems.push(`${name}: at least one option must pass the check`);
    }
    const values = choices.map((o) => o.value);
    const repeated = values.filter((v, i) => values.indexOf(v) !== i);
    if (repeated.length > 0) {
      problems.push(`${name}: option "${repeated[0]}" is listed twice`);
    }
    if (values.includes('')) problems.push(`${name}: every option needs a value`);
  }
  return problems;
}

/**
 * Everything wrong with a (normalised) template on its own, worded for the QC manager who will
 * fix it; empty when it can be saved. The default-per-category rule needs the other templates:
 * see defaultConflicts.
 */
export function templateProblems(t: InspectionTemplate): string[] {
  const problems: string[] = [];
  if (!CHECK_ID.test(t.templateId)) {
    problems.push(
      'The template id may hold only letters, digits, ".", "_" and "-", starting with a letter or digit',
    );
  }
  if (t.name === '') problems.push('The template needs a name');
  const ids = t.checks.map((c) => c.checkId);
  const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  for (const id of repeated) problems.push(`Check id "${id}" is used by more than one check`);
  for (const c of t.checks) problems.push(...checkProblems(c));
  for (const defectClass of DEFECT_CLASSES) {
    const aql = t.aql[defectClass];
    if (aql === null) continue;
    try {
      // Any lot size will do: the level and the AQL column are what is checked here.
      planFor({ lotSize: 1000, level: t.level, aql });
    } catch (err) {
      if (!isSamplingError(err)) throw err;
      problems.push(`${defectClass} AQL: ${err.message}`);
    }
  }
  return problems;
}

export interface DefaultConflict {
  category: string;
  other: InspectionTemplate;
}

/**
 * A category has at most one default active template, or the template a lot is inspected with
 * would depend on which one the station happened to find first. Inactive templates are defaults
 * for nothing, so they may list any category.
 */
export function defaultConflicts(
  t: InspectionTemplate,
  others: readonly InspectionTemplate[],
): DefaultConflict[] {
  if (!t.active) return [];
  const conflicts: DefaultConflict[] = [];
  for (const category of t.categories) {
    const other = others.find(
      (o) => o.active && o.templateId !== t.templateId && o.categories.includes(category),
    );
    if (other) conflicts.push({ category, other });
  }
  return conflicts;
}
