import { z } from 'zod';
import {
  inspectionTemplate,
  templateCheck,
  type InspectionTemplate,
} from '../../../src-shared/events/schemas-inspection';
import { canonicalJson } from '../canonical-json';
import type { Db } from '../database';

interface TemplateRow {
  template_id: string;
  name: string;
  name_zh: string;
  level: string;
  aql: string;
  categories: string;
  checks: string;
  active: number;
  updated_seq: number;
}

export interface StoredTemplate {
  template: InspectionTemplate;
  updatedSeq: number;
}

const storedColumns = z.object({
  level: inspectionTemplate.shape.level,
  aql: inspectionTemplate.shape.aql,
  categories: inspectionTemplate.shape.categories,
  checks: z.array(templateCheck),
});

/**
 * The JSON columns were written from a validated event; parsing them back through the schema
 * gives typed values without casts and turns a hand-edited row into a loud error.
 */
function fromRow(row: TemplateRow): StoredTemplate {
  const columns = storedColumns.parse({
    level: row.level,
    aql: JSON.parse(row.aql) as unknown,
    categories: JSON.parse(row.categories) as unknown,
    checks: JSON.parse(row.checks) as unknown,
  });
  return {
    template: {
      templateId: row.template_id,
      name: row.name,
      nameZh: row.name_zh,
      ...columns,
      active: row.active === 1,
    },
    updatedSeq: row.updated_seq,
  };
}

/**
 * The JSON columns are written canonically (RFC 8785, keys sorted): a live append projects the
 * validated payload and `db rebuild` the payload read back from the log, whose key orders differ;
 * both must give the same row.
 */
export function createTemplatesRepo(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO inspection_templates (template_id, name, name_zh, level, aql, categories, checks, active, updated_seq)
     VALUES (@templateId, @name, @nameZh, @level, @aql, @categories, @checks, @active, @seq)
     ON CONFLICT (template_id) DO UPDATE SET name = excluded.name, name_zh = excluded.name_zh,
       level = excluded.level, aql = excluded.aql, categories = excluded.categories,
       checks = excluded.checks, active = excluded.active, updated_seq = excluded.updated_seq`,
  );
  const all = db.prepare<[], TemplateRow>(
    'SELECT * FROM inspection_templates ORDER BY active DESC, name, template_id',
  );
  const byId = db.prepare<[string], TemplateRow>(
    'SELECT * FROM inspection_templates WHERE template_id = ?',
  );
  return {
    upsert(t: InspectionTemplate, seq: number): void {
      upsert.run({
        templateId: t.templateId,
        name: t.name,
        nameZh: t.nameZh,
        level: t.level,
        aql: canonicalJson(t.aql),
        categories: canonicalJson(t.categories),
        checks: canonicalJson(t.checks),
        active: t.active ? 1 : 0,
        seq,
      });
    },
    /** Active templates first, then by name. */
    all: (): InspectionTemplate[] => all.all().map((row) => fromRow(row).template),
    byId(templateId: string): InspectionTemplate | undefined {
      const row = byId.get(templateId);
      return row ? fromRow(row).template : undefined;
    },
    /** The same, with the log sequence of each template's last change. */
    allStored: (): StoredTemplate[] => all.all().map(fromRow),
    storedById(templateId: string): StoredTemplate | undefined {
      const row = byId.get(templateId);
      return row ? fromRow(row) : undefined;
    },
  };
}
export type TemplatesRepo = ReturnType<typeof createTemplatesRepo>;
