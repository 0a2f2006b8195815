import { z } from 'zod';
import { defineCall } from './define';
import { inspectionLevel, inspectionTemplate, lotPlan } from '../events/schemas-inspection';

const templateId = z.string().min(1).max(64);
const lotSize = z.number().int().min(1).max(100_000_000);

/** A template as the station holds it, with what a manager needs to see around it. */
export const templateView = inspectionTemplate.extend({
  /** Log sequence of the last change: saving sends it back so two editors cannot overwrite each other. */
  updatedSeq: z.number().int().nonnegative(),
  /** SKUs whose inspections use this template now (their own, or their category's default). */
  skuCount: z.number().int().nonnegative(),
});
export type TemplateView = z.infer<typeof templateView>;

/** What a template implies for one lot size, under each severity of the switching rules. */
export const templatePreview = z.object({
  lotSize,
  normal: lotPlan,
  tightened: lotPlan,
  reduced: lotPlan,
});
export type TemplatePreview = z.infer<typeof templatePreview>;

export const templatesCalls = {
  'templates.list': defineCall({
    summary: 'Every inspection template, active ones first, with the number of SKUs using each.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: z.array(templateView),
  }),
  'templates.get': defineCall({
    summary: 'One inspection template.',
    access: 'signed-in',
    input: z.object({ templateId }).strict(),
    output: templateView,
  }),
  'templates.save': defineCall({
    summary:
      'Creates or changes an inspection template (validated: checks, limits, AQLs, one default per category).',
    access: ['qc-manager', 'admin'],
    input: z
      .object({
        template: inspectionTemplate,
        /**
         * The `updatedSeq` the editor started from: null for a new template. A different value
         * means someone else saved in between, and the save is refused. Omitted: no check.
         */
        expectedSeq: z.number().int().nonnegative().nullable().optional(),
      })
      .strict(),
    output: templateView,
  }),
  'templates.preview': defineCall({
    summary:
      'The sampling plan per defect class a template (saved, or a draft level + AQLs) implies for a lot size, under normal, tightened and reduced inspection.',
    access: 'signed-in',
    input: z.union([
      z.object({ templateId, lotSize }).strict(),
      z.object({ level: inspectionLevel, aql: inspectionTemplate.shape.aql, lotSize }).strict(),
    ]),
    output: templatePreview,
  }),
};
