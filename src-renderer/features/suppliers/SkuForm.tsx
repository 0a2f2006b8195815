import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkuInput } from '../../../src-shared/api/domain-supplier-quality';
import { CATEGORIES } from '../../../src-shared/events/schemas';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';

type Level = SkuInput['packaging'][number];
const LEVELS = ['inner', 'case', 'pallet'] as const;
const blank: SkuInput = {
  gtin: '',
  name: '',
  nameZh: '',
  brand: '',
  category: 'grocery',
  shelfLifeDays: null,
  packaging: [],
  templateId: null,
};

/** An SKU's master data: names, brand, category, shelf life, template, packaging GTINs. */
export function SkuForm({
  skuId,
  onSaved,
  onCancel,
}: {
  skuId: string | null;
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [sku, setSku] = useState<SkuInput | null>(skuId ? null : blank);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!skuId) return;
    void api.call('skus.get', { skuId }).then((r) => {
      if (!r.ok) {
        setError(r.error);
        return;
      }
      const k = r.value;
      setSku({
        skuId: k.skuId,
        gtin: k.gtin,
        name: k.name,
        nameZh: k.nameZh ?? '',
        brand: k.brand,
        category: k.category,
        shelfLifeDays: k.shelfLifeDays,
        templateId: k.templateId,
        packaging: k.packaging.map((p) => ({
          gtin: p.gtin,
          level: LEVELS.find((l) => l === p.level) ?? 'case',
          unitsPer: p.unitsPer,
        })),
      });
    });
  }, [skuId]);

  if (!sku) return <ErrorBanner error={error} />;
  const set = (change: Partial<SkuInput>) => setSku({ ...sku, ...change });
  const setLevel = (i: number, change: Partial<Level>) =>
    set({ packaging: sku.packaging.map((p, j) => (j === i ? { ...p, ...change } : p)) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.call('skus.save', sku);
    if (result.ok) onSaved(result.value.name);
    else setError(result.error);
  };

  return (
    <form
      className="card dialog sku-form"
      aria-labelledby="sku-form-title"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id="sku-form-title">
        {skuId ? t('suppliers.editSku', { name: sku.name }) : t('suppliers.newSku')}
      </h3>
      <div className="form-grid">
        <label htmlFor="sku-gtin">{t('suppliers.unitGtin')}</label>
        <input
          id="sku-gtin"
          required
          inputMode="numeric"
          value={sku.gtin}
          onChange={(e) => set({ gtin: e.target.value })}
        />
        <label htmlFor="sku-name">{t('suppliers.skuName')}</label>
        <input
          id="sku-name"
          required
          value={sku.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <label htmlFor="sku-name-zh">{t('suppliers.skuNameZh')}</label>
        <input
          id="sku-name-zh"
          value={sku.nameZh}
          onChange={(e) => set({ nameZh: e.target.value })}
        />
        <label htmlFor="sku-brand">{t('suppliers.brand')}</label>
        <input
          id="sku-brand"
          required
          value={sku.brand}
          onChange={(e) => set({ brand: e.target.value })}
        />
        <label htmlFor="sku-category">{t('suppliers.category')}</label>
        <input
          id="sku-category"
          required
          list="sku-categories"
          value={sku.category}
          onChange={(e) => set({ category: e.target.value })}
        />
        <datalist id="sku-categories">
          {CATEGORIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <label htmlFor="sku-life">{t('suppliers.shelfLifeDays')}</label>
        <input
          id="sku-life"
          type="number"
          min={1}
          value={sku.shelfLifeDays ?? ''}
          placeholder={t('suppliers.noShelfLife')}
          onChange={(e) => set({ shelfLifeDays: e.target.value ? Number(e.target.value) : null })}
        />
        <label htmlFor="sku-template">{t('suppliers.templateId')}</label>
        <input
          id="sku-template"
          value={sku.templateId ?? ''}
          placeholder={t('suppliers.templateByCategory')}
          onChange={(e) => set({ templateId: e.target.value.trim() || null })}
        />
      </div>
      <fieldset className="rows">
        <legend>{t('suppliers.packaging')}</legend>
        {sku.packaging.map((p, i) => (
          <div className="row edit-row" key={i}>
            <select
              aria-label={t('suppliers.level')}
              value={p.level}
              onChange={(e) =>
                setLevel(i, { level: LEVELS.find((l) => l === e.target.value) ?? 'case' })
              }
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`suppliers.levels.${l}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('inspection.gtin')}
              required
              inputMode="numeric"
              value={p.gtin}
              onChange={(e) => setLevel(i, { gtin: e.target.value })}
            />
            <input
              aria-label={t('suppliers.unitsPer')}
              type="number"
              min={1}
              required
              className="narrow"
              value={p.unitsPer}
              onChange={(e) => setLevel(i, { unitsPer: Number(e.target.value) })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => set({ packaging: sku.packaging.filter((_, j) => j !== i) })}
            >
              {t('suppliers.remove')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            set({ packaging: [...sku.packaging, { gtin: '', level: 'case', unitsPer: 12 }] })
          }
        >
          {t('suppliers.addLevel')}
        </button>
      </fieldset>
      <ErrorBanner error={error} />
      <div className="row">
        <button type="submit" className="primary">
          {t('suppliers.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
