import { useTranslation } from 'react-i18next';
import { MAX_BANDS, type BandDraft } from './rules-draft';

/** DOM ids of a row's inputs, so the panel can move focus to a row it adds or removes. */
export const bandInputId = (key: string, field: 'min' | 'max' | 'window') =>
  `slr-band-${key}-${field}`;
export const ADD_BAND_ID = 'slr-band-add';

/**
 * The removal table: one row per shelf-life range and the days before expiry its products leave
 * sale. Editable rows have inputs (an empty maximum is "and more"); inherited or read-only rows
 * show the same inputs disabled. Rows named in a problem are marked.
 */
export function BandTable({
  rows,
  editable,
  problemRows,
  describedBy,
  onChange,
  onAdd,
  onRemove,
}: {
  rows: readonly BandDraft[];
  editable: boolean;
  /** 1-based rows that some problem names. */
  problemRows: ReadonlySet<number>;
  describedBy: string;
  onChange: (index: number, change: Partial<Omit<BandDraft, 'key'>>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <table className="data slr-bands" aria-label={t('shelfRules.bandsTitle')}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('shelfRules.rowNumber')}
            </th>
            <th scope="col">{t('shelfRules.minDays')}</th>
            <th scope="col">{t('shelfRules.maxDays')}</th>
            <th scope="col">{t('shelfRules.windowDays')}</th>
            {editable && (
              <th scope="col">
                <span className="visually-hidden">{t('shelfRules.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const n = i + 1;
            const invalid = problemRows.has(n);
            const cell = (field: 'min' | 'max' | 'window', value: string, label: string) => {
              const id = bandInputId(row.key, field);
              return (
                <td>
                  <label htmlFor={id} className="visually-hidden">
                    {label}
                  </label>
                  <input
                    id={id}
                    type="number"
                    inputMode="numeric"
                    min={field === 'window' ? 0 : 1}
                    max={36_500}
                    step={1}
                    value={value}
                    placeholder={field === 'max' ? t('shelfRules.andMore') : undefined}
                    disabled={!editable}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? describedBy : undefined}
                    onChange={(e) =>
                      onChange(
                        i,
                        field === 'min'
                          ? { minDays: e.target.value }
                          : field === 'max'
                            ? { maxDays: e.target.value }
                            : { removalWindowDays: e.target.value },
                      )
                    }
                  />
                </td>
              );
            };
            return (
              <tr
                key={row.key}
                className={invalid ? 'slr-problem-row' : undefined}
                data-testid={`shelf-rules-band-${n}`}
              >
                <th scope="row" className="num">
                  {n}
                </th>
                {cell('min', row.minDays, t('shelfRules.rowMin', { n }))}
                {cell('max', row.maxDays, t('shelfRules.rowMax', { n }))}
                {cell('window', row.removalWindowDays, t('shelfRules.rowWindow', { n }))}
                {editable && (
                  <td>
                    <button
                      type="button"
                      className="secondary danger"
                      onClick={() => onRemove(i)}
                      aria-label={t('shelfRules.removeRow', { n })}
                      title={t('shelfRules.removeRow', { n })}
                    >
                      ✕
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {editable && (
        <div className="row">
          <button
            id={ADD_BAND_ID}
            type="button"
            className="secondary"
            disabled={rows.length >= MAX_BANDS}
            onClick={onAdd}
          >
            + {t('shelfRules.addRow')}
          </button>
          {rows.length >= MAX_BANDS && (
            <span className="hint">{t('shelfRules.maxRows', { count: MAX_BANDS })}</span>
          )}
        </div>
      )}
    </>
  );
}
