import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-shared/api/result';
import { ErrorBanner } from '../../components/ErrorText';
import { fullPhoto, PhotoLoadError, thumbnails } from './photo-api';

type Loaded = { sha256: string; url: string } | { sha256: string; failed: true };

/** One thumbnail, loaded through the page-wide cache. */
function Thumb({ sha256, n, onView }: { sha256: string; n: number; onView: () => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    thumbnails.get(sha256).then(
      (url) => live && setLoaded({ sha256, url }),
      () => live && setLoaded({ sha256, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [sha256]);
  // A result for another photo (the list changed under it) counts as still loading.
  const current = loaded?.sha256 === sha256 ? loaded : null;
  return (
    <button
      type="button"
      className="photo-thumb"
      onClick={onView}
      aria-label={t('photos.view', { n })}
      title={sha256}
      data-testid="photo-thumb"
    >
      {current === null ? (
        <span className="photo-thumb-note">…</span>
      ) : 'url' in current ? (
        <img src={current.url} alt={t('photos.photoAlt', { n })} />
      ) : (
        <span className="photo-thumb-note">{t('photos.thumbFailed')}</span>
      )}
    </button>
  );
}

/** The full photo over the screen; Escape or the Close button (focused on open) closes it. */
function PhotoViewer({ sha256, n, onClose }: { sha256: string; n: number; onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    closeRef.current?.focus();
    let live = true;
    fullPhoto(sha256).then(
      (loaded) => live && setUrl(loaded),
      (err: unknown) =>
        live &&
        setError(
          err instanceof PhotoLoadError ? err.error : { code: 'unavailable', message: String(err) },
        ),
    );
    return () => {
      live = false;
    };
  }, [sha256]);
  return (
    <div
      className="photo-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={t('photos.photoAlt', { n })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="photo-viewer-bar">
        <span className="photo-viewer-hash">{sha256}</span>
        <button type="button" className="primary" ref={closeRef} onClick={onClose}>
          {t('photos.close')}
        </button>
      </div>
      <ErrorBanner error={error} />
      {url ? (
        <img src={url} alt={t('photos.photoAlt', { n })} />
      ) : (
        !error && <p className="loading">{t('photos.loading')}</p>
      )}
    </div>
  );
}

/**
 * The photos attached so far, as thumbnails (Enter or a tap shows the full photo), each with a
 * remove button when `onRemove` is given.
 */
export function PhotoThumbs({
  photos,
  onRemove,
  disabled = false,
}: {
  photos: readonly string[];
  onRemove?: (sha256: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<string | null>(null);
  if (photos.length === 0) return <p className="empty">{t('photos.none')}</p>;
  const viewingIndex = viewing === null ? -1 : photos.indexOf(viewing);
  return (
    <>
      <ul className="photo-thumbs" aria-label={t('photos.attached', { count: photos.length })}>
        {photos.map((sha256, i) => (
          <li key={sha256}>
            <Thumb sha256={sha256} n={i + 1} onView={() => setViewing(sha256)} />
            {onRemove && (
              <button
                type="button"
                className="photo-remove"
                onClick={() => onRemove(sha256)}
                disabled={disabled}
                aria-label={t('photos.remove', { n: i + 1 })}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {viewing !== null && viewingIndex >= 0 && (
        <PhotoViewer sha256={viewing} n={viewingIndex + 1} onClose={() => setViewing(null)} />
      )}
    </>
  );
}
