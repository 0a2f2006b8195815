import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../src-shared/api/result';

/** An API error in the user's language; the station's own message fills in the details. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`, { message: error.message, ...error.params });
}

export function ErrorBanner({ error }: { error: ApiError | null }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      {text(error)}
    </div>
  );
}
