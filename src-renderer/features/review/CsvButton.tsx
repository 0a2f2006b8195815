import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv, type CsvCell } from './csv';

/** "CSV": the rows a list or chart shows right now, as a spreadsheet file. */
export function CsvButton({
  fileName,
  header,
  rows,
  testId,
}: {
  fileName: string;
  header: readonly string[];
  rows: () => readonly (readonly CsvCell[])[];
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="secondary"
      data-testid={testId}
      title={t('review.csvHint')}
      onClick={() => downloadCsv(fileName, toCsv(header, rows()))}
    >
      {t('review.csv')}
    </button>
  );
}
