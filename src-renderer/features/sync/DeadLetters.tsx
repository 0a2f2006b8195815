import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadLetter } from '../../../src-shared/api/domain-sync';
import type { ApiError } from '../../../src-shared/api/result';
import { api } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorText';

/** What head office refused for good: kept on screen until a manager says it is dealt with. */
export function DeadLetters(props: {
  letters: readonly DeadLetter[];
  canResolve: boolean;
  onResolved: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  if (props.letters.length === 0) return null;
  const kinds = [...new Set(props.letters.map((l) => l.kind))];
  const resolve = async (kind: DeadLetter['kind']) => {
    const r = await api.call('sync.resolve', { kind });
    setError(r.ok ? null : r.error);
    if (r.ok) props.onResolved();
  };
  return (
    <section aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">{t('sync.deadLetters')}</h2>
      <ErrorBanner error={error} />
      <table className="table" data-testid="dead-letters">
        <thead>
          <tr>
            <th>{t('sync.deadAt')}</th>
            <th>{t('sync.deadKind')}</th>
            <th>{t('sync.deadCode')}</th>
            <th>{t('sync.deadMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {props.letters.map((l) => (
            <tr key={l.id}>
              <td>{new Date(l.at).toLocaleString()}</td>
              <td>{t(`sync.kinds.${l.kind}`)}</td>
              <td>{l.code}</td>
              <td>{l.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canResolve && (
        <p>
          {kinds.map((kind) => (
            <button key={kind} type="button" onClick={() => void resolve(kind)}>
              {t('sync.resolve', { kind: t(`sync.kinds.${kind}`) })}
            </button>
          ))}
        </p>
      )}
    </section>
  );
}
