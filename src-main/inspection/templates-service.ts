import type { ParsedInput } from '../../src-shared/api/contract';
import type { TemplatePreview, TemplateView } from '../../src-shared/api/domain-templates';
import type { InspectionTemplate } from '../../src-shared/events/schemas-inspection';
import { planLot } from '../../src-shared/inspection/lot-plan';
import { isSamplingError } from '../../src-shared/sampling';
import { AppError } from '../api/app-error';
import { canonicalJson } from '../store/canonical-json';
import type { EventLog } from '../store/event-log';
import type { Repos } from '../store/repos';
import type { StoredTemplate } from '../store/repos/templates-repo';
import { defaultConflicts, normaliseTemplate, templateProblems } from './templates-validation';

/** What choosing a template needs to know about a SKU. */
export interface SkuForTemplate {
  skuId: string;
  templateId: string | null;
  category: string;
}

/**
 * The template a SKU's lots are inspected with: the SKU's own template when it names one that is
 * active; otherwise the active default of its category; otherwise none (the lot cannot be
 * sampled until a manager provides one). Saving refuses a second default for a category, but
 * head office may still push one; the most recently changed default then wins, so the choice
 * does not depend on table order.
 */
export function chooseTemplate(
  templates: readonly StoredTemplate[],
  sku: SkuForTemplate,
): InspectionTemplate | null {
  if (sku.templateId !== null) {
    const own = templates.find((s) => s.template.templateId === sku.templateId);
    if (own?.template.active) return own.template;
  }
  let best: StoredTemplate | null = null;
  for (const s of templates) {
    if (!s.template.active || !s.template.categories.includes(sku.category)) continue;
    if (best === null || s.updatedSeq > best.updatedSeq) best = s;
  }
  return best?.template ?? null;
}

type PreviewInput = ParsedInput<'templates.preview'>;

export class TemplatesService {
  constructor(
    private readonly repos: Repos,
    private readonly log: EventLog,
  ) {}

  /** For the inspection service: the template a lot of this SKU is inspected with, or null. */
  templateFor(sku: SkuForTemplate): InspectionTemplate | null {
    return chooseTemplate(this.repos.templates.allStored(), sku);
  }

  list(): TemplateView[] {
    const stored = this.repos.templates.allStored();
    const counts = new Map<string, number>();
    for (const sku of this.repos.skus.all()) {
      const chosen = chooseTemplate(stored, {
        skuId: sku.sku_id,
        templateId: sku.template_id,
        category: sku.category,
      });
      if (chosen) counts.set(chosen.templateId, (counts.get(chosen.templateId) ?? 0) + 1);
    }
    return stored.map((s) => ({
      ...s.template,
      updatedSeq: s.updatedSeq,
      skuCount: counts.get(s.template.templateId) ?? 0,
    }));
  }

  get(templateId: string): TemplateView {
    const view = this.list().find((t) => t.templateId === templateId);
    if (!view) throw new AppError('not_found', `There is no inspection template "${templateId}".`);
    return view;
  }

  /**
   * Validates and records a template. Reading the other templates and appending happen in one
   * synchronous call on the station's single writer, so no other save can slip in between the
   * default-per-category check and the event.
   */
  save(
    draft: InspectionTemplate,
    expectedSeq: number | null | undefined,
    actor: string,
  ): TemplateView {
    const template = normaliseTemplate(draft);
    const problems = templateProblems(template);
    if (problems.length > 0) throw new AppError('invalid_input', `${problems.join('; ')}.`);

    const existing = this.repos.templates.storedById(template.templateId);
    if (expectedSeq === null && existing) {
      throw new AppError(
        'conflict',
        `A template with the id "${template.templateId}" already exists ("${existing.template.name}"). Choose another id, or open that template to change it.`,
      );
    }
    if (
      typeof expectedSeq === 'number' &&
      (existing === undefined || existing.updatedSeq !== expectedSeq)
    ) {
      throw new AppError(
        'conflict',
        `Template "${template.name}" was changed by someone else after you opened it. Reload it and make your changes again.`,
      );
    }

    const others = this.repos.templates.all();
    const [conflict] = defaultConflicts(template, others);
    if (conflict) {
      throw new AppError(
        'conflict',
        `Category "${conflict.category}" already has a default template: "${conflict.other.name}" (${conflict.other.templateId}). A category can have only one active default: remove "${conflict.category}" from one of the two templates, or deactivate "${conflict.other.name}" first.`,
      );
    }

    // Saving what is already stored records nothing: the log keeps facts, not button presses.
    if (!existing || canonicalJson(existing.template) !== canonicalJson(template)) {
      this.log.append({
        type: 'template.upserted',
        payload: template,
        actor,
        subjects: [`template:${template.templateId}`],
      });
    }
    return this.get(template.templateId);
  }

  /** The plans a template implies for a lot size, under each severity. */
  preview(input: PreviewInput): TemplatePreview {
    let source: Pick<InspectionTemplate, 'level' | 'aql'>;
    if ('templateId' in input) {
      const stored = this.repos.templates.storedById(input.templateId);
      if (!stored) {
        throw new AppError('not_found', `There is no inspection template "${input.templateId}".`);
      }
      source = stored.template;
    } else {
      source = { level: input.level, aql: input.aql };
    }
    try {
      return {
        lotSize: input.lotSize,
        normal: planLot(source, input.lotSize, 'normal'),
        tightened: planLot(source, input.lotSize, 'tightened'),
        reduced: planLot(source, input.lotSize, 'reduced'),
      };
    } catch (err) {
      if (isSamplingError(err)) throw new AppError('invalid_input', err.message);
      throw err;
    }
  }
}
