import { z } from 'zod';
import { defineCall } from './define';
import { bilingual, lotSummary } from './domain-intake';
import {
  checkResult,
  inspectionTemplate,
  lotPlan,
  severity,
  sha256Hex,
  signOff,
} from '../events/schemas-inspection';
import { decision, supplierStanding } from '../events/schemas';

const lotId = z.string().min(1).max(64);
const inspectionId = z.string().min(1).max(64);

export const classCount = z.object({
  defective: z.number().int(),
  inspected: z.number().int(),
  sampleSize: z.number().int(),
  accept: z.number().int(),
  reject: z.number().int(),
  state: z.enum(['within', 'rejected', 'accepted']),
});

export const judgementView = z.object({
  classes: z.object({ critical: classCount, major: classCount, minor: classCount }),
  unitsRecorded: z.number().int(),
  complete: z.boolean(),
  proposal: decision.nullable(),
  counterfeitSuspected: z.boolean(),
  reasons: z.array(bilingual),
});

export const switchingView = z.object({
  severity,
  switchingScore: z.number().int(),
  discontinued: z.boolean(),
  consecutiveAcceptedOnTightened: z.number().int(),
  notAcceptedOnTightenedCumulative: z.number().int(),
});

export const proposalView = z.object({
  lot: lotSummary,
  supplier: z.object({ supplierId: z.string(), name: z.string(), standing: supplierStanding }),
  template: inspectionTemplate.nullable(),
  switching: switchingView,
  severity,
  forced: z.enum(['probation', 'spot-check']).nullable(),
  plan: lotPlan.nullable(),
  cartonCount: z.number().int(),
  unitsPerCarton: z.number().int(),
  skip: z.object({ allowed: z.boolean(), reason: z.string() }),
  quota: z.object({
    category: z.string(),
    week: z.string(),
    done: z.number().int(),
    quota: z.number().int(),
  }),
  problems: z.array(z.string()),
  /** An inspection already started on this lot. */
  inspectionId: z.string().nullable(),
});
export type ProposalView = z.infer<typeof proposalView>;

export const decisionView = z.object({
  decision,
  reason: z.string(),
  decidedOn: z.string(),
  actor: z.string(),
  proposal: decision.nullable(),
  conditional: z.boolean(),
  override: z.boolean(),
  signOff: signOff.nullable(),
  seq: z.number().int(),
  eventHash: z.string().nullable(),
});

export const inspectionView = z.object({
  inspectionId: z.string(),
  status: z.enum(['in-progress', 'completed']),
  lot: lotSummary,
  supplier: z.object({ supplierId: z.string(), name: z.string(), standing: supplierStanding }),
  template: inspectionTemplate,
  plan: lotPlan,
  forced: z.string().nullable(),
  seed: z.string(),
  cartonCount: z.number().int(),
  cartons: z.array(z.number().int()),
  units: z.array(
    z.object({
      unitNo: z.number().int(),
      unitCode: z.string().nullable(),
      results: z.array(checkResult),
      photos: z.array(z.string()),
      defective: z.object({ critical: z.boolean(), major: z.boolean(), minor: z.boolean() }),
    }),
  ),
  judgement: judgementView,
  decision: decisionView.nullable(),
  returned: z.boolean(),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const queueItem = z.object({
  lot: lotSummary,
  inspectionId: z.string().nullable(),
  inspectionStatus: z.enum(['not-started', 'in-progress', 'completed']),
  proposal: decision.nullable(),
});

const mismatchView = z.object({
  field: z.enum(['expiry', 'lot', 'brand']),
  label: z.string().nullable(),
  expected: z.string(),
  text: bilingual,
});

/** The "label matches barcode" check of one unit: what the label and the barcode say. */
export const labelCheckResult = z.object({
  photo: sha256Hex,
  label: z.object({
    expiry: z.string().nullable(),
    production: z.string().nullable(),
    lot: z.string().nullable(),
    lines: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  barcode: z.object({
    expiry: z.string().nullable(),
    lot: z.string().nullable(),
    source: z.enum(['unit', 'lot']),
  }),
  brand: z.string().nullable(),
  matches: z.boolean(),
  mismatches: z.array(mismatchView),
  agreed: z.array(z.string()),
  unread: z.array(z.enum(['expiry', 'lot'])),
});
export type LabelCheckResult = z.infer<typeof labelCheckResult>;

export const inspectionCalls = {
  'inspection.queue': defineCall({
    summary: 'Lots waiting for inspection or a decision, and lots on hold.',
    access: 'signed-in',
    input: z.object({}).strict(),
    output: z.array(queueItem),
  }),
  'inspection.proposal': defineCall({
    summary:
      'The plan the station proposes for a lot: severity, n and Ac/Re per defect class, cartons, skip and quota.',
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: proposalView,
  }),
  'inspection.start': defineCall({
    summary:
      'Starts inspecting a lot: fixes the plan, the seed and the cartons to open in the log.',
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: inspectionView,
  }),
  'inspection.get': defineCall({
    summary: 'An inspection: plan, units recorded, counts against Ac/Re, proposal, decision.',
    access: 'signed-in',
    input: z.object({ inspectionId }).strict(),
    output: inspectionView,
  }),
  'inspection.ofLot': defineCall({
    summary: 'The latest inspection of a lot, if any.',
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: inspectionView.nullable(),
  }),
  'inspection.recordUnit': defineCall({
    summary: 'Records one sampled unit: every check of the template, readings, photos.',
    access: 'signed-in',
    input: z
      .object({
        inspectionId,
        unitCode: z.string().max(200).optional(),
        results: z.array(checkResult).max(40),
        photos: z.array(sha256Hex).max(20),
      })
      .strict(),
    output: inspectionView,
  }),
  'inspection.complete': defineCall({
    summary: 'Ends the inspection with the station proposal (accept, reject or hold).',
    access: 'signed-in',
    input: z.object({ inspectionId }).strict(),
    output: inspectionView,
  }),
  'inspection.decide': defineCall({
    summary:
      'Decides the lot; overriding the proposal, a conditional acceptance or releasing a hold needs a QC manager sign-off.',
    access: 'signed-in',
    input: z
      .object({
        lotId,
        decision,
        reason: z.string().max(500).optional(),
        conditional: z.boolean().optional(),
        signOff: z
          .object({
            badge: z.string().trim().min(1).max(64),
            pin: z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits'),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ lotId: z.string(), decision, seq: z.number().int(), eventHash: z.string() }),
  }),
  'inspection.signOffNeeded': defineCall({
    summary: 'Whether a decision needs a QC manager sign-off, and why.',
    access: 'signed-in',
    input: z.object({ lotId, decision, conditional: z.boolean().default(false) }).strict(),
    output: z.object({
      proposal: decision.nullable(),
      needsSignOff: z.boolean(),
      why: z.string().nullable(),
    }),
  }),
  'inspection.labelCheck': defineCall({
    summary:
      "Reads a unit's label photo (OCR) and compares its expiry, lot and brand with the barcode's.",
    access: 'signed-in',
    input: z
      .object({ inspectionId, photo: sha256Hex, unitCode: z.string().max(200).optional() })
      .strict(),
    output: labelCheckResult,
  }),
  'inspection.skip': defineCall({
    summary:
      'Lets a lot through without inspection when a skip rule allows it and the spot-check quota is met.',
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: z.object({ lotId: z.string() }),
  }),
  'inspection.quota': defineCall({
    summary: "Each category's inspections this ISO week against the spot-check quota.",
    access: 'signed-in',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        category: z.string(),
        week: z.string(),
        done: z.number().int(),
        quota: z.number().int(),
      }),
    ),
  }),
  'inspection.evidencePack': defineCall({
    summary:
      'The evidence pack of a decided lot (PDF): delivery, plan, results, photos, signatures, log hashes.',
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
    }),
  }),
  'inspection.certificate': defineCall({
    summary:
      'The inspection certificate of a decided lot (PDF): plan, counts, decision, sign-offs, log hashes, station key.',
    access: 'signed-in',
    input: z.object({ lotId }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
    }),
  }),
  'inspection.deliveryEvidencePack': defineCall({
    summary:
      "The evidence pack of a whole delivery (PDF): a summary of every lot's decision, then each lot's pack.",
    access: 'signed-in',
    input: z.object({ deliveryId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      fileName: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
    }),
  }),
  'inspection.switching': defineCall({
    summary: 'ISO 2859-1 switching state per SKU of a supplier.',
    access: 'signed-in',
    input: z.object({ supplierId: z.string().min(1).max(64) }).strict(),
    output: z.array(switchingView.extend({ skuId: z.string() })),
  }),
  'inspection.switchingDecision': defineCall({
    summary:
      'QC manager: approve reduced inspection, reinstate normal, or resume after discontinuation.',
    access: ['qc-manager', 'admin'],
    input: z
      .object({
        supplierId: z.string().min(1).max(64),
        skuId: z.string().min(1).max(64),
        action: z.enum(['approve-reduced', 'reinstate-normal', 'resume']),
        productionSteady: z.boolean().optional(),
        reason: z.enum(['manager-decision', 'production-irregular']).optional(),
      })
      .strict(),
    output: z.array(switchingView.extend({ skuId: z.string() })),
  }),
};
