import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../src-shared/api/result';
import { resolveRules, type ShelfLifeRules } from '../../../../src-shared/shelf-life';
import type { ShelfLifeSettings } from '../../../../src-shared/shelf-life/settings';
import { api } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorText';
import { useCall } from '../../../components/useCall';
import { useStation } from '../../../store/station-store';
import { ADD_BAND_ID, BandTable, bandInputId } from './BandTable';
import { RulePreview } from './RulePreview';
import {
  addBandRow,
  categoryList,
  displayedDraft,
  draftFromOverride,
  draftFromRules,
  inheritSection,
  nextSettings,
  noEdits,
  overrideSection,
  problemsByScope,
  problemsOf,
  removeBandRow,
  sameValue,
  schemaProblems,
  sectionStatus,
  toggleShort,
  updateBandRow,
  type RulesDraft,
  type RulesEdits,
  type Scope,
  type Section,
  type SectionStatus,
} from './rules-draft';

const PROBLEMS_ID = 'slr-problems';
const SECTIONS: readonly Section[] = ['bands', 'alert', 'acceptance'];

const scopeValue = (s: Scope) => (s.kind === 'defaults' ? '' : `category:${s.category}`);
const scopeFrom = (value: string): Scope =>
  value.startsWith('category:')
    ? { kind: 'category', category: value.slice('category:'.length) }
    : { kind: 'defaults' };

/** Where focus goes after a row or an override is added or removed (`seq` repeats a move). */
interface FocusRequest {
  id: string;
  seq: number;
}

/**
 * Shelf-life rules for QC managers: the removal band table, the alert lead and the acceptance
 * rule, for all categories (the defaults) or as one category's override, with a live preview.
 * Saving writes the `shelfLife` setting, which the station records as a `settings.changed`
 * event. Inspectors see the same screen read-only.
 */
export function ShelfLifeRulesPanel() {
  const { t } = useTranslation();
  const role = useStation((s) => s.user?.role);
  const canEdit = role === 'qc-manager' || role === 'admin';
  const settings = useCall('settings.get', {});
  const skus = useCall('skus.list', {});
  const [scope, setScope] = useState<Scope>({ kind: 'defaults' });
  const [edits, setEdits] = useState<RulesEdits>(noEdits);
  // What the last save returned, shown until the station's own copy is reloaded after it.
  const [saved, setSaved] = useState<{ from: unknown; value: ShelfLifeSettings } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<'saved' | 'discarded' | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);

  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);

  const categoryName = (category: string): string =>
    t(`templates.categoryNames.${category}`, { defaultValue: category });

  const base =
    saved && saved.from === settings.value ? saved.value : (settings.value?.shelfLife ?? null);
  if (!base) {
    return (
      <section className="shelf-rules" aria-labelledby="slr-title">
        <h2 id="slr-title">{t('shelfRules.title')}</h2>
        <ErrorBanner error={settings.error} />
        {!settings.error && <p className="hint">{t('shelfRules.loading')}</p>}
      </section>
    );
  }

  const next = nextSettings(base, edits);
  const dirty = !sameValue(next, base);
  const categories = categoryList(
    (skus.value ?? []).map((s) => s.category),
    next,
  );

  const draftOf = (s: Scope): RulesDraft =>
    s.kind === 'defaults'
      ? (edits.defaults ?? draftFromRules(base.defaults))
      : (edits.categories[s.category] ?? draftFromOverride(base.categories[s.category]));

  const isCategory = scope.kind === 'category';
  const draft = draftOf(scope);
  const shown = isCategory ? displayedDraft(draft, next.defaults) : draft;
  const resolved: ShelfLifeRules =
    scope.kind === 'defaults'
      ? next.defaults
      : resolveRules(next.defaults, next.categories[scope.category]);
  const problems = problemsOf(resolved);
  const problemRows = new Set(problems.flatMap((p) => p.rows));
  const currentKey = scopeValue(scope);
  const elsewhere = problemsByScope(next).filter((s) => scopeValue(s.scope) !== currentKey);
  const limits =
    dirty && problems.length === 0 && elsewhere.length === 0 ? schemaProblems(next) : [];
  const canSave =
    canEdit &&
    dirty &&
    !busy &&
    problems.length === 0 &&
    elsewhere.length === 0 &&
    limits.length === 0;

  const edit = (change: (d: RulesDraft) => RulesDraft) => {
    setStatus(null);
    setEdits((e) =>
      scope.kind === 'defaults'
        ? { ...e, defaults: change(e.defaults ?? draftFromRules(base.defaults)) }
        : {
            ...e,
            categories: {
              ...e.categories,
              [scope.category]: change(
                e.categories[scope.category] ?? draftFromOverride(base.categories[scope.category]),
              ),
            },
          },
    );
  };
  const focusOn = (id: string) => setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }));
  const statusOf = (section: Section): SectionStatus =>
    isCategory ? sectionStatus(draft, section) : 'own';
  const bandsEditable = canEdit && statusOf('bands') !== 'inherited';
  const bands = shown.bands ?? [];

  const save = async () => {
    setBusy(true);
    setError(null);
    const result = await api.call('settings.update', { shelfLife: next });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSaved({ from: settings.value, value: result.value.shelfLife });
    setEdits(noEdits);
    setStatus('saved');
  };

  const ownSections = (s: Scope): Section[] =>
    s.kind === 'defaults'
      ? []
      : SECTIONS.filter((section) => sectionStatus(draftOf(s), section) !== 'inherited');
  const sectionName = (section: Section) => t(`shelfRules.sections.${section}`);
  const scopeName = (s: Scope) =>
    s.kind === 'defaults' ? t('shelfRules.defaultsScope') : categoryName(s.category);
  const skuOverrides = Object.keys(base.skus).length;

  const sectionHeader = (section: Section, firstInput: string) => (
    <SectionHeader
      section={section}
      status={statusOf(section)}
      isCategory={isCategory}
      canEdit={canEdit}
      onOverride={() => {
        edit((d) => overrideSection(d, section, next.defaults));
        focusOn(firstInput);
      }}
      onInherit={() => {
        edit((d) => inheritSection(d, section));
        focusOn(`slr-${section}-override`);
      }}
    />
  );

  return (
    <section className="shelf-rules" aria-labelledby="slr-title" data-testid="shelf-rules-panel">
      <h2 id="slr-title">{t('shelfRules.title')}</h2>
      <p className="hint">{t(canEdit ? 'shelfRules.hintManager' : 'shelfRules.hintInspector')}</p>
      <ErrorBanner error={settings.error} />
      <ErrorBanner error={skus.error} />

      <div className="card">
        <div className="row">
          <label htmlFor="slr-scope">{t('shelfRules.scope')}</label>
          <select
            id="slr-scope"
            value={currentKey}
            onChange={(e) => setScope(scopeFrom(e.target.value))}
          >
            <option value="">{t('shelfRules.defaultsScope')}</option>
            {categories.map((c) => {
              const s: Scope = { kind: 'category', category: c };
              return (
                <option key={c} value={scopeValue(s)}>
                  {ownSections(s).length > 0
                    ? t('shelfRules.categoryWithOverride', { name: categoryName(c) })
                    : categoryName(c)}
                </option>
              );
            })}
          </select>
        </div>
        <p className="hint" data-testid="shelf-rules-scope-summary">
          {scope.kind === 'defaults'
            ? t('shelfRules.defaultsSummary')
            : ownSections(scope).length === 0
              ? t('shelfRules.categoryInherits', { name: categoryName(scope.category) })
              : t('shelfRules.categoryOverrides', {
                  name: categoryName(scope.category),
                  sections: ownSections(scope).map(sectionName).join(t('shelfRules.listSeparator')),
                })}
        </p>
        {skuOverrides > 0 && (
          <p className="hint">{t('shelfRules.skuOverrides', { count: skuOverrides })}</p>
        )}
      </div>

      <section className="card" aria-labelledby="slr-bands-title" data-testid="shelf-rules-bands">
        {sectionHeader('bands', bands[0] ? bandInputId(bands[0].key, 'min') : ADD_BAND_ID)}
        <p className="hint">{t('shelfRules.bandsHint')}</p>
        <div className="slr-bands-layout">
          <div>
            <BandTable
              rows={bands}
              editable={bandsEditable}
              problemRows={problemRows}
              describedBy={PROBLEMS_ID}
              onChange={(i, change) =>
                edit((d) => ({ ...d, bands: updateBandRow(d.bands ?? [], i, change) }))
              }
              onAdd={() => {
                const rows = addBandRow(bands);
                const added = rows[rows.length - 1];
                edit((d) => ({ ...d, bands: rows }));
                if (added) focusOn(bandInputId(added.key, added.minDays ? 'window' : 'min'));
              }}
              onRemove={(i) => {
                const rows = removeBandRow(bands, i);
                edit((d) => ({ ...d, bands: rows }));
                const after = rows[Math.min(i, rows.length - 1)];
                focusOn(after ? bandInputId(after.key, 'min') : ADD_BAND_ID);
              }}
            />
            <RulePreview rules={resolved} />
          </div>
          <Problems
            problems={problems.map((p) => p.message)}
            limits={limits}
            elsewhere={elsewhere.map((s) => ({
              name: scopeName(s.scope),
              count: s.problems.length,
            }))}
          />
        </div>
      </section>

      <section className="card" aria-labelledby="slr-alert-title">
        {sectionHeader('alert', 'slr-alert-lead')}
        <div className="form-grid">
          <FieldLabel htmlFor="slr-alert-lead" inherited={isCategory && draft.lead === null}>
            {t('shelfRules.alertLead')}
          </FieldLabel>
          <input
            id="slr-alert-lead"
            type="number"
            inputMode="numeric"
            min={0}
            max={36_500}
            step={1}
            value={shown.lead ?? ''}
            disabled={!canEdit || draft.lead === null}
            onChange={(e) => edit((d) => ({ ...d, lead: e.target.value }))}
          />
          <FieldLabel htmlFor="slr-short-enabled" inherited={isCategory && draft.short === null}>
            {t('shelfRules.shortEnabled')}
          </FieldLabel>
          <input
            id="slr-short-enabled"
            type="checkbox"
            checked={shown.short?.enabled ?? false}
            disabled={!canEdit || draft.short === null}
            onChange={(e) => {
              const enabled = e.target.checked;
              edit((d) => ({ ...d, short: d.short ? toggleShort(d.short, enabled) : null }));
            }}
          />
          <FieldLabel htmlFor="slr-short-below" inherited={isCategory && draft.short === null}>
            {t('shelfRules.shortBelow')}
          </FieldLabel>
          <input
            id="slr-short-below"
            type="number"
            inputMode="numeric"
            min={1}
            max={36_500}
            step={1}
            value={shown.short?.enabled ? shown.short.belowTotalDays : ''}
            disabled={!canEdit || !draft.short?.enabled}
            onChange={(e) =>
              edit((d) => ({
                ...d,
                short: d.short ? { ...d.short, belowTotalDays: e.target.value } : null,
              }))
            }
          />
          <FieldLabel htmlFor="slr-short-lead" inherited={isCategory && draft.short === null}>
            {t('shelfRules.shortLead')}
          </FieldLabel>
          <input
            id="slr-short-lead"
            type="number"
            inputMode="numeric"
            min={0}
            max={36_500}
            step={1}
            value={shown.short?.enabled ? shown.short.daysBeforeRemoval : ''}
            disabled={!canEdit || !draft.short?.enabled}
            onChange={(e) =>
              edit((d) => ({
                ...d,
                short: d.short ? { ...d.short, daysBeforeRemoval: e.target.value } : null,
              }))
            }
          />
        </div>
      </section>

      <section className="card" aria-labelledby="slr-acceptance-title">
        {sectionHeader('acceptance', 'slr-fraction-num')}
        <div className="form-grid">
          <FieldLabel htmlFor="slr-fraction-num" inherited={isCategory && draft.fraction === null}>
            {t('shelfRules.fraction')}
          </FieldLabel>
          <div className="row tight slr-fraction">
            <input
              id="slr-fraction-num"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={shown.fraction?.num ?? ''}
              disabled={!canEdit || draft.fraction === null}
              onChange={(e) =>
                edit((d) => ({
                  ...d,
                  fraction: d.fraction ? { ...d.fraction, num: e.target.value } : null,
                }))
              }
            />
            <span aria-hidden="true">/</span>
            <label htmlFor="slr-fraction-den" className="visually-hidden">
              {t('shelfRules.fractionDen')}
            </label>
            <input
              id="slr-fraction-den"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={shown.fraction?.den ?? ''}
              disabled={!canEdit || draft.fraction === null}
              onChange={(e) =>
                edit((d) => ({
                  ...d,
                  fraction: d.fraction ? { ...d.fraction, den: e.target.value } : null,
                }))
              }
            />
          </div>
          <p className="hint span">{t('shelfRules.fractionHint')}</p>
          <FieldLabel htmlFor="slr-must-exceed" inherited={isCategory && draft.mustExceed === null}>
            {t('shelfRules.mustExceed')}
          </FieldLabel>
          <input
            id="slr-must-exceed"
            type="checkbox"
            checked={shown.mustExceed ?? false}
            disabled={!canEdit || draft.mustExceed === null}
            onChange={(e) => {
              const checked = e.target.checked;
              edit((d) => ({ ...d, mustExceed: d.mustExceed === null ? null : checked }));
            }}
          />
        </div>
      </section>

      {canEdit && (
        <div className="row slr-actions">
          <button
            type="button"
            className="primary"
            disabled={!canSave}
            onClick={() => void save()}
            data-testid="shelf-rules-save"
          >
            {busy ? t('shelfRules.saving') : t('shelfRules.save')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!dirty || busy}
            onClick={() => {
              setEdits(noEdits);
              setError(null);
              setStatus('discarded');
            }}
          >
            {t('shelfRules.discard')}
          </button>
          <span role="status" data-testid="shelf-rules-status">
            {status === 'saved'
              ? t('shelfRules.saved')
              : status === 'discarded'
                ? t('shelfRules.discarded')
                : dirty
                  ? t('shelfRules.unsaved')
                  : ''}
          </span>
        </div>
      )}
      <ErrorBanner error={error} />
    </section>
  );
}

/** A section's title, whether the category overrides it, and the buttons to change that. */
function SectionHeader({
  section,
  status,
  isCategory,
  canEdit,
  onOverride,
  onInherit,
}: {
  section: Section;
  status: SectionStatus;
  isCategory: boolean;
  canEdit: boolean;
  onOverride: () => void;
  onInherit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="slr-section-header">
      <h3 id={`slr-${section}-title`}>{t(`shelfRules.sections.${section}`)}</h3>
      {isCategory && (
        <span className={`pill slr-${status}`} data-testid={`shelf-rules-${section}-status`}>
          {t(`shelfRules.status.${status}`)}
        </span>
      )}
      {isCategory && canEdit && (
        <div className="row tight">
          {status !== 'own' && (
            <button
              id={`slr-${section}-override`}
              type="button"
              className="secondary"
              onClick={onOverride}
            >
              {t(status === 'partial' ? 'shelfRules.overrideAll' : 'shelfRules.override')}
            </button>
          )}
          {status !== 'inherited' && (
            <button
              id={`slr-${section}-inherit`}
              type="button"
              className="secondary"
              onClick={onInherit}
            >
              {t('shelfRules.useDefaults')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** A field's label; on a category, a field it inherits says so. */
function FieldLabel({
  htmlFor,
  inherited,
  children,
}: {
  htmlFor: string;
  inherited: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {children}
      {inherited && <span className="slr-inherited"> · {t('shelfRules.fromDefaults')}</span>}
    </label>
  );
}

/** The rule problems of the scope on screen, live, and where else something needs fixing. */
function Problems({
  problems,
  limits,
  elsewhere,
}: {
  problems: readonly string[];
  limits: readonly string[];
  elsewhere: readonly { name: string; count: number }[];
}) {
  const { t } = useTranslation();
  const none = problems.length === 0 && limits.length === 0;
  return (
    <div
      id={PROBLEMS_ID}
      className={`slr-problems ${none ? 'ok' : 'bad'}`}
      aria-live="polite"
      data-testid="shelf-rules-problems"
    >
      <h4>{t('shelfRules.problemsTitle')}</h4>
      {none ? (
        <p>{t('shelfRules.noProblems')}</p>
      ) : (
        <ul>
          {[...problems, ...limits].map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      {elsewhere.length > 0 && (
        <p className="hint">
          {t('shelfRules.problemsElsewhere', {
            scopes: elsewhere
              .map((s) => t('shelfRules.scopeProblemCount', { name: s.name, count: s.count }))
              .join(t('shelfRules.listSeparator')),
          })}
        </p>
      )}
    </div>
  );
}
