import { useTranslation } from 'react-i18next';
import { REVIEW_KINDS, type ReviewKind } from '../../../src-shared/api/domain-review';

/** The filters as the form holds them: an empty string is "any". */
export interface FilterState {
  supplierId: string;
  category: string;
  kind: ReviewKind | '';
  since: string;
  until: string;
}

export const NO_FILTERS: FilterState = {
  supplierId: '',
  category: '',
  kind: '',
  since: '',
  until: '',
};

/** The call's input: only the filters that are set. */
export function queueInput(f: FilterState) {
  return {
    ...(f.supplierId ? { supplierId: f.supplierId } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.since ? { since: f.since } : {}),
    ...(f.until ? { until: f.until } : {}),
  };
}

/** Supplier, category, kind and date range; supplier and category narrow the dashboards too. */
export function ReviewFilters({
  value,
  onChange,
  suppliers,
  categories,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  suppliers: readonly { supplierId: string; name: string }[];
  categories: readonly string[];
}) {
  const { t } = useTranslation();
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <form
      className="row review-filters"
      role="search"
      aria-label={t('review.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label htmlFor="review-supplier">{t('review.filters.supplier')}</label>
      <select
        id="review-supplier"
        value={value.supplierId}
        onChange={(e) => set('supplierId', e.target.value)}
      >
        <option value="">{t('review.filters.any')}</option>
        {suppliers.map((s) => (
          <option key={s.supplierId} value={s.supplierId}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor="review-category">{t('review.filters.category')}</label>
      <select
        id="review-category"
        value={value.category}
        onChange={(e) => set('category', e.target.value)}
      >
        <option value="">{t('review.filters.any')}</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label htmlFor="review-kind">{t('review.filters.kind')}</label>
      <select
        id="review-kind"
        value={value.kind}
        onChange={(e) => set('kind', e.target.value as FilterState['kind'])}
      >
        <option value="">{t('review.filters.any')}</option>
        {REVIEW_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`review.kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="review-since">{t('review.filters.since')}</label>
      <input
        id="review-since"
        type="date"
        value={value.since}
        onChange={(e) => set('since', e.target.value)}
      />
      <label htmlFor="review-until">{t('review.filters.until')}</label>
      <input
        id="review-until"
        type="date"
        value={value.until}
        onChange={(e) => set('until', e.target.value)}
      />
      <button
        type="button"
        className="secondary"
        data-testid="review-filters-clear"
        onClick={() => onChange(NO_FILTERS)}
      >
        {t('review.filters.clear')}
      </button>
    </form>
  );
}
