import { useState } from 'react';
import type { ApiError, Result } from '../../src-shared/api/result';
import { downloadBase64 } from './download';
import { ErrorBanner } from './ErrorText';

/** What the station answers for a file: a PDF, a CSV… */
export interface StationFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * A button that asks the station for a file and saves it. The file is made in the station
 * (the UI never builds a PDF or a CSV itself); a refusal shows under the button.
 */
export function DownloadButton({
  label,
  fetchFile,
  className = 'secondary',
  testId,
}: {
  label: string;
  fetchFile: () => Promise<Result<StationFile>>;
  className?: string;
  testId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    setBusy(true);
    const r = await fetchFile();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64);
  };
  return (
    <span className="download-button">
      <button
        type="button"
        className={className}
        disabled={busy}
        data-testid={testId}
        onClick={() => void run()}
      >
        {label}
      </button>
      <ErrorBanner error={error} />
    </span>
  );
}
