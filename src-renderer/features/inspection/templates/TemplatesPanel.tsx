import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../../src-shared/api/domain-templates';
import type { TemplateCheck } from '../../../../src-shared/events/schemas-inspection';
import { ErrorBanner } from '../../../components/ErrorText';
import { Table, type Column } from '../../../components/Table';
import { useCall } from '../../../components/useCall';
import { useStation } from '../../../store/station-store';
import { PlanPreview } from './PlanPreview';
import { TemplateEditor } from './TemplateEditor';
import { aqlLabel } from './template-draft';

/** Name, check label or option label in the screen's language (English when no Chinese is given). */
function useLocalText(): (en: string, zh: string) => string {
  const { i18n } = useTranslation();
  return (en, zh) => (i18n.language === 'zh-CN' && zh.trim() !== '' ? zh : en);
}

function useCategoryName(): (category: string) => string {
  const { t } = useTranslation();
  return (category) => t(`templates.categoryNames.${category}`, { defaultValue: category });
}

type Mode = { kind: 'list' } | { kind: 'view' | 'edit'; templateId: string } | { kind: 'new' };

/**
 * Inspection templates: what every sampled unit of a SKU is checked for, and the level and AQLs
 * its lots are sampled at. QC managers and admins edit them; inspectors read them.
 */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const canEdit = role === 'qc-manager' || role === 'admin';
  const templates = useCall('templates.list', {});
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [saved, setSaved] = useState<string | null>(null);
  const local = useLocalText();
  const categoryName = useCategoryName();
  const selected =
    mode.kind === 'view' || mode.kind === 'edit'
      ? (templates.value ?? []).find((x) => x.templateId === mode.templateId)
      : undefined;

  const columns: Column<TemplateView>[] = [
    { key: 'name', header: t('templates.name'), render: (x) => local(x.name, x.nameZh) },
    { key: 'level', header: t('templates.level'), render: (x) => x.level },
    {
      key: 'aql',
      header: t('templates.aqls'),
      render: (x) =>
        t('templates.aqlSummary', {
          critical:
            x.aql.critical === null ? t('templates.zeroToleranceShort') : aqlLabel(x.aql.critical),
          major: aqlLabel(x.aql.major),
          minor: aqlLabel(x.aql.minor),
        }),
    },
    {
      key: 'categories',
      header: t('templates.categories'),
      render: (x) =>
        x.categories.length > 0
          ? x.categories.map(categoryName).join(', ')
          : t('templates.noCategories'),
    },
    {
      key: 'checks',
      header: t('templates.checkCount'),
      render: (x) => x.checks.length,
      className: 'num',
    },
    { key: 'skus', header: t('templates.skuCount'), render: (x) => x.skuCount, className: 'num' },
    {
      key: 'active',
      header: t('templates.status'),
      render: (x) => (
        <span className={`pill ${x.active ? 'template-active' : 'template-inactive'}`}>
          {t(x.active ? 'templates.activeYes' : 'templates.activeNo')}
        </span>
      ),
    },
  ];

  return (
    <section className="templates-panel" aria-labelledby="templates-title">
      <h2 id="templates-title">{t('templates.title')}</h2>
      <p className="hint">{t(canEdit ? 'templates.hintManager' : 'templates.hintInspector')}</p>
      <ErrorBanner error={templates.error} />
      {saved && (
        <p className="banner" role="status">
          {t('templates.saved', { name: saved })}
        </p>
      )}
      {mode.kind === 'list' && (
        <>
          {canEdit && (
            <div className="row">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setSaved(null);
                  setMode({ kind: 'new' });
                }}
              >
                {t('templates.new')}
              </button>
            </div>
          )}
          <Table
            label={t('templates.title')}
            rows={templates.value ?? []}
            rowKey={(x) => x.templateId}
            empty={t('templates.none')}
            columns={columns}
            onSelect={(x) => {
              setSaved(null);
              setMode({ kind: 'view', templateId: x.templateId });
            }}
          />
        </>
      )}
      {mode.kind === 'view' && selected && (
        <TemplateDetail
          template={selected}
          canEdit={canEdit}
          onEdit={() => setMode({ kind: 'edit', templateId: selected.templateId })}
          onClose={() => setMode({ kind: 'list' })}
        />
      )}
      {(mode.kind === 'new' || (mode.kind === 'edit' && selected)) && canEdit && (
        <TemplateEditor
          // A fresh editor per template: its draft starts from what the station holds.
          key={selected?.templateId ?? 'new'}
          template={mode.kind === 'edit' && selected ? selected : null}
          onSaved={(view) => {
            setSaved(local(view.name, view.nameZh));
            setMode({ kind: 'view', templateId: view.templateId });
            void templates.reload();
          }}
          onCancel={() =>
            setMode(selected ? { kind: 'view', templateId: selected.templateId } : { kind: 'list' })
          }
        />
      )}
    </section>
  );
}

/** What an inspector sees of a template: its plan settings, its checks, and the preview. */
function TemplateDetail({
  template,
  canEdit,
  onEdit,
  onClose,
}: {
  template: TemplateView;
  canEdit: boolean;
  onEdit: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const categoryName = useCategoryName();
  const requirement = (c: TemplateCheck): string => {
    if (c.kind === 'numeric') {
      const limits =
        c.lower !== undefined && c.upper !== undefined
          ? `${c.lower} – ${c.upper}`
          : c.lower !== undefined
            ? `≥ ${c.lower}`
            : `≤ ${c.upper ?? ''}`;
      return t('templates.numericRequirement', {
        limits,
        unit: c.unit ?? '',
        readings: c.readingsPerUnit ?? 1,
      });
    }
    if (c.kind === 'choice') {
      return (c.choices ?? [])
        .map((o) => `${o.pass ? '✓' : '✗'} ${local(o.label || o.value, o.labelZh)}`)
        .join(' · ');
    }
    return '';
  };
  return (
    <div className="template-detail">
      <div className="card">
        <div className="delivery-header">
          <h3>{local(template.name, template.nameZh)}</h3>
          <div className="row">
            {canEdit && (
              <button type="button" className="primary" onClick={onEdit}>
                {t('templates.edit')}
              </button>
            )}
            <button type="button" className="secondary" onClick={onClose}>
              {t('common.back')}
            </button>
          </div>
        </div>
        <dl className="facts">
          <dt>{t('templates.templateId')}</dt>
          <dd>
            <code>{template.templateId}</code>
          </dd>
          <dt>{t('templates.level')}</dt>
          <dd>{template.level}</dd>
          <dt>{t('templates.aqls')}</dt>
          <dd>
            {t('templates.aqlSummary', {
              critical:
                template.aql.critical === null
                  ? t('templates.zeroToleranceShort')
                  : aqlLabel(template.aql.critical),
              major: aqlLabel(template.aql.major),
              minor: aqlLabel(template.aql.minor),
            })}
          </dd>
          <dt>{t('templates.categories')}</dt>
          <dd>
            {template.categories.length > 0
              ? template.categories.map(categoryName).join(', ')
              : t('templates.noCategories')}
          </dd>
          <dt>{t('templates.status')}</dt>
          <dd>{t(template.active ? 'templates.activeYes' : 'templates.activeNo')}</dd>
        </dl>
        <h4>{t('templates.checks', { count: template.checks.length })}</h4>
        <Table<TemplateCheck>
          label={t('templates.checks', { count: template.checks.length })}
          rows={template.checks}
          rowKey={(c) => c.checkId}
          empty={t('templates.none')}
          columns={[
            {
              key: 'label',
              header: t('templates.label'),
              render: (c) => local(c.label, c.labelZh),
            },
            {
              key: 'kind',
              header: t('templates.kind'),
              render: (c) => t(`templates.kinds.${c.kind}`),
            },
            {
              key: 'class',
              header: t('templates.defectClass'),
              render: (c) => (
                <span className={`pill class-${c.defectClass}`}>
                  {t(`templates.class.${c.defectClass}`)}
                </span>
              ),
            },
            { key: 'requirement', header: t('templates.requirement'), render: requirement },
            {
              key: 'photo',
              header: t('templates.photo'),
              render: (c) => t(`templates.photoRules.${c.photo}`),
            },
            {
              key: 'counterfeit',
              header: t('templates.counterfeitSignal'),
              render: (c) => (c.counterfeitSignal ? t('common.yes') : ''),
            },
          ]}
        />
      </div>
      <PlanPreview source={{ templateId: template.templateId }} />
    </div>
  );
}
