import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../../src-shared/api/domain-templates';
import type { ApiError } from '../../../../src-shared/api/result';
import { CHECK_KINDS, inspectionLevel } from '../../../../src-shared/events/schemas-inspection';
import { AQL_VALUES } from '../../../../src-shared/sampling';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorText';
import { CheckEditor, type MoveDirection } from './CheckEditor';
import { PlanPreview } from './PlanPreview';
import {
  draftFrom,
  emptyDraft,
  moveItem,
  newCheck,
  removeItem,
  replaceItem,
  suggestTemplateId,
  toTemplate,
  type TemplateDraft,
} from './template-draft';

const LEVELS = inspectionLevel.options;
const MAX_CHECKS = 40;

/** Creates a template (no `template`) or edits one; the station validates and records it. */
export function TemplateEditor({
  template,
  onSaved,
  onCancel,
}: {
  template: TemplateView | null;
  onSaved: (saved: TemplateView) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<TemplateDraft>(() =>
    template ? draftFrom(template) : emptyDraft(),
  );
  const [idTouched, setIdTouched] = useState(template !== null);
  // The version this edit started from, kept when the list refreshes under the editor, so a
  // save over someone else's newer change is refused instead of silently overwriting it.
  const [baseSeq] = useState(template?.updatedSeq ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [moved, setMoved] = useState<{ key: string; direction: MoveDirection; seq: number } | null>(
    null,
  );
  const isNew = template === null;
  const update = (change: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setAql = (key: keyof TemplateDraft['aql'], value: string) =>
    setDraft((d) => ({ ...d, aql: { ...d.aql, [key]: value } }));

  const move = (index: number, direction: MoveDirection) => {
    const check = draft.checks[index];
    if (!check) return;
    update({ checks: moveItem(draft.checks, index, direction === 'up' ? -1 : 1) });
    setMoved({ key: check.key, direction, seq: (moved?.seq ?? 0) + 1 });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await api.call('templates.save', {
      template: toTemplate(draft),
      expectedSeq: baseSeq,
    });
    setBusy(false);
    if (result.ok) {
      setError(null);
      onSaved(result.value);
    } else {
      setError(result.error);
    }
  };

  const title = isNew
    ? t('templates.newTitle')
    : t('templates.editTitle', {
        name: i18n.language === 'zh-CN' && template.nameZh ? template.nameZh : template.name,
      });
  return (
    <>
      <form className="card template-editor" aria-label={title} onSubmit={(e) => void submit(e)}>
        <h3>{title}</h3>
        <div className="form-grid">
          <label htmlFor="tpl-name">{t('templates.name')}</label>
          <input
            id="tpl-name"
            required
            maxLength={120}
            value={draft.name}
            onChange={(e) =>
              update({
                name: e.target.value,
                ...(idTouched ? {} : { templateId: suggestTemplateId(e.target.value) }),
              })
            }
          />
          <label htmlFor="tpl-name-zh">{t('templates.nameZh')}</label>
          <input
            id="tpl-name-zh"
            lang="zh-CN"
            maxLength={120}
            value={draft.nameZh}
            onChange={(e) => update({ nameZh: e.target.value })}
          />
          <label htmlFor="tpl-id">{t('templates.templateId')}</label>
          <input
            id="tpl-id"
            required
            maxLength={64}
            readOnly={!isNew}
            value={draft.templateId}
            onChange={(e) => {
              setIdTouched(true);
              update({ templateId: e.target.value });
            }}
          />
          <label htmlFor="tpl-level">{t('templates.level')}</label>
          <select
            id="tpl-level"
            value={draft.level}
            onChange={(e) => {
              const level = LEVELS.find((l) => l === e.target.value);
              if (level) update({ level });
            }}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(l.startsWith('S') ? 'templates.specialLevel' : 'templates.generalLevel', {
                  level: l,
                })}
              </option>
            ))}
          </select>
          <label htmlFor="tpl-aql-critical">
            {t('templates.aqlFor', { class: t('templates.class.critical') })}
          </label>
          <select
            id="tpl-aql-critical"
            value={draft.aql.critical}
            onChange={(e) => setAql('critical', e.target.value)}
          >
            <option value="">{t('templates.zeroTolerance')}</option>
            {AQL_VALUES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
          {(['major', 'minor'] as const).map((c) => (
            <AqlSelect
              key={c}
              defectClass={c}
              value={draft.aql[c]}
              onChange={(v) => setAql(c, v)}
            />
          ))}
          <label htmlFor="tpl-categories">{t('templates.categories')}</label>
          <input
            id="tpl-categories"
            aria-describedby="tpl-categories-hint"
            value={draft.categories}
            onChange={(e) => update({ categories: e.target.value })}
          />
          <p id="tpl-categories-hint" className="hint span">
            {t('templates.categoriesHint')}
          </p>
          <label htmlFor="tpl-active">{t('templates.active')}</label>
          <input
            id="tpl-active"
            type="checkbox"
            checked={draft.active}
            onChange={(e) => update({ active: e.target.checked })}
          />
        </div>

        <h4>{t('templates.checks', { count: draft.checks.length })}</h4>
        <p className="hint">{t('templates.checksHint')}</p>
        <ol className="check-list">
          {draft.checks.map((c, i) => (
            <li key={c.key}>
              <CheckEditor
                check={c}
                index={i}
                count={draft.checks.length}
                onChange={(check) =>
                  setDraft((d) => ({ ...d, checks: replaceItem(d.checks, i, check) }))
                }
                onMove={(direction) => move(i, direction)}
                onRemove={() => update({ checks: removeItem(draft.checks, i) })}
                focusMove={
                  moved?.key === c.key ? { direction: moved.direction, seq: moved.seq } : null
                }
              />
            </li>
          ))}
        </ol>
        <div className="row" role="group" aria-label={t('templates.addCheck')}>
          {CHECK_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="secondary"
              disabled={draft.checks.length >= MAX_CHECKS}
              onClick={() => update({ checks: [...draft.checks, newCheck(kind, draft.checks)] })}
            >
              + {t(`templates.kinds.${kind}`)}
            </button>
          ))}
        </div>

        <ErrorBanner error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {t('templates.save')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <PlanPreview source={{ level: draft.level, aql: toTemplate(draft).aql }} />
    </>
  );
}

function AqlSelect({
  defectClass,
  value,
  onChange,
}: {
  defectClass: 'major' | 'minor';
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = `tpl-aql-${defectClass}`;
  return (
    <>
      <label htmlFor={id}>
        {t('templates.aqlFor', { class: t(`templates.class.${defectClass}`) })}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {AQL_VALUES.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </>
  );
}
