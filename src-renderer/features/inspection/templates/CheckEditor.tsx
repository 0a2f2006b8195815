import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_KINDS, DEFECT_CLASSES } from '../../../../src-shared/events/schemas-inspection';
import {
  moveItem,
  newChoice,
  removeItem,
  replaceItem,
  type CheckDraft,
  type CheckKind,
  type ChoiceDraft,
} from './template-draft';

const PHOTO_RULES = ['none', 'optional', 'required-on-fail'] as const;

export type MoveDirection = 'up' | 'down';

interface Props {
  check: CheckDraft;
  index: number;
  count: number;
  onChange: (check: CheckDraft) => void;
  onMove: (direction: MoveDirection) => void;
  onRemove: () => void;
  /** Set right after this check was moved (seq changes on every move), to keep the focus in it. */
  focusMove: { direction: MoveDirection; seq: number } | null;
}

function isKind(value: string): value is CheckKind {
  return (CHECK_KINDS as readonly string[]).includes(value);
}

/** One check of a template: common fields, then the fields of its kind. */
export function CheckEditor({ check, index, count, onChange, onMove, onRemove, focusMove }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLFieldSetElement>(null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const id = `check-${check.key}`;
  const set = <K extends keyof CheckDraft>(key: K, value: CheckDraft[K]) =>
    onChange({ ...check, [key]: value });

  useEffect(() => {
    // Reordering moves DOM nodes, which can drop the focus; a field still focused stays so.
    // A button that was just disabled (↑ on the first check) is about to lose it, though.
    const active = document.activeElement;
    const stillUsable = !(active instanceof HTMLButtonElement && active.disabled);
    if (focusMove === null || (box.current?.contains(active) && stillUsable)) return;
    // At either end one button is disabled: hand the focus to the other.
    const wanted = focusMove.direction === 'up' ? up.current : down.current;
    const other = focusMove.direction === 'up' ? down.current : up.current;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [focusMove]);

  // Alt+↑ / Alt+↓ anywhere in the check moves it, without leaving the field being edited.
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(e.key === 'ArrowUp' ? 'up' : 'down');
  };

  return (
    <fieldset ref={box} className="check-editor" onKeyDown={onKeyDown}>
      <legend>
        {t('templates.checkNo', { n: index + 1 })} · {t(`templates.kinds.${check.kind}`)}
      </legend>
      <div className="check-actions">
        <button
          ref={up}
          type="button"
          className="secondary"
          disabled={index === 0}
          aria-label={t('templates.moveUp', { n: index + 1 })}
          onClick={() => onMove('up')}
        >
          ↑
        </button>
        <button
          ref={down}
          type="button"
          className="secondary"
          disabled={index === count - 1}
          aria-label={t('templates.moveDown', { n: index + 1 })}
          onClick={() => onMove('down')}
        >
          ↓
        </button>
        <button
          type="button"
          className="secondary danger"
          disabled={count === 1}
          onClick={onRemove}
        >
          {t('templates.removeCheck')}
        </button>
      </div>
      <div className="check-grid">
        <label htmlFor={`${id}-id`}>{t('templates.checkId')}</label>
        <input
          id={`${id}-id`}
          required
          maxLength={40}
          value={check.checkId}
          onChange={(e) => set('checkId', e.target.value)}
        />
        <label htmlFor={`${id}-kind`}>{t('templates.kind')}</label>
        <select
          id={`${id}-kind`}
          value={check.kind}
          onChange={(e) => {
            const kind = e.target.value;
            if (!isKind(kind)) return;
            // A choice needs options to be valid: give it the two a new choice check starts with.
            const choices =
              kind === 'choice' && check.choices.length === 0
                ? [newChoice(true), newChoice(false)]
                : check.choices;
            onChange({ ...check, kind, choices });
          }}
        >
          {CHECK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`templates.kinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-label`}>{t('templates.label')}</label>
        <input
          id={`${id}-label`}
          required
          maxLength={200}
          value={check.label}
          onChange={(e) => set('label', e.target.value)}
        />
        <label htmlFor={`${id}-label-zh`}>{t('templates.labelZh')}</label>
        <input
          id={`${id}-label-zh`}
          lang="zh-CN"
          maxLength={200}
          value={check.labelZh}
          onChange={(e) => set('labelZh', e.target.value)}
        />
        <label htmlFor={`${id}-class`}>{t('templates.defectClass')}</label>
        <select
          id={`${id}-class`}
          value={check.defectClass}
          onChange={(e) => {
            const found = DEFECT_CLASSES.find((c) => c === e.target.value);
            if (found) set('defectClass', found);
          }}
        >
          {DEFECT_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`templates.class.${c}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-photo`}>{t('templates.photo')}</label>
        <select
          id={`${id}-photo`}
          value={check.photo}
          onChange={(e) => {
            const found = PHOTO_RULES.find((p) => p === e.target.value);
            if (found) set('photo', found);
          }}
        >
          {PHOTO_RULES.map((p) => (
            <option key={p} value={p}>
              {t(`templates.photoRules.${p}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-counterfeit`}>{t('templates.counterfeitSignal')}</label>
        <input
          id={`${id}-counterfeit`}
          type="checkbox"
          checked={check.counterfeitSignal}
          onChange={(e) => set('counterfeitSignal', e.target.checked)}
        />
        {check.kind === 'numeric' && <NumericFields id={id} check={check} set={set} />}
      </div>
      {check.kind === 'choice' && (
        <ChoicesEditor
          id={id}
          choices={check.choices}
          onChange={(choices) => set('choices', choices)}
        />
      )}
    </fieldset>
  );
}

function NumericFields({
  id,
  check,
  set,
}: {
  id: string;
  check: CheckDraft;
  set: <K extends keyof CheckDraft>(key: K, value: CheckDraft[K]) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={`${id}-unit`}>{t('templates.unit')}</label>
      <input
        id={`${id}-unit`}
        required
        maxLength={20}
        placeholder="°C, g, mm"
        value={check.unit}
        onChange={(e) => set('unit', e.target.value)}
      />
      <label htmlFor={`${id}-lower`}>{t('templates.lower')}</label>
      <input
        id={`${id}-lower`}
        type="number"
        step="any"
        value={check.lower}
        onChange={(e) => set('lower', e.target.value)}
      />
      <label htmlFor={`${id}-upper`}>{t('templates.upper')}</label>
      <input
        id={`${id}-upper`}
        type="number"
        step="any"
        value={check.upper}
        onChange={(e) => set('upper', e.target.value)}
      />
      <label htmlFor={`${id}-readings`}>{t('templates.readingsPerUnit')}</label>
      <input
        id={`${id}-readings`}
        type="number"
        min={1}
        max={10}
        value={check.readingsPerUnit}
        onChange={(e) => set('readingsPerUnit', e.target.value)}
      />
      <p className="hint span">{t('templates.limitsHint')}</p>
    </>
  );
}

function ChoicesEditor({
  id,
  choices,
  onChange,
}: {
  id: string;
  choices: ChoiceDraft[];
  onChange: (choices: ChoiceDraft[]) => void;
}) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<ChoiceDraft>) => {
    const current = choices[index];
    if (current) onChange(replaceItem(choices, index, { ...current, ...change }));
  };
  return (
    <div className="choices" role="group" aria-label={t('templates.choices')}>
      <p className="hint">{t('templates.choicesHint')}</p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('templates.choiceValue')}</th>
            <th scope="col">{t('templates.label')}</th>
            <th scope="col">{t('templates.labelZh')}</th>
            <th scope="col">{t('templates.choicePasses')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('templates.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {choices.map((c, i) => (
            <tr key={c.key}>
              <td>
                <input
                  aria-label={`${t('templates.choiceValue')} ${i + 1}`}
                  id={`${id}-choice-${c.key}`}
                  required
                  maxLength={40}
                  value={c.value}
                  onChange={(e) => update(i, { value: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('templates.label')} ${i + 1}`}
                  maxLength={100}
                  value={c.label}
                  onChange={(e) => update(i, { label: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t('templates.labelZh')} ${i + 1}`}
                  lang="zh-CN"
                  maxLength={100}
                  value={c.labelZh}
                  onChange={(e) => update(i, { labelZh: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${t('templates.choicePasses')} ${i + 1}`}
                  checked={c.pass}
                  onChange={(e) => update(i, { pass: e.target.checked })}
                />
              </td>
              <td className="choice-actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('templates.moveChoiceUp', { n: i + 1 })}
                  disabled={i === 0}
                  onClick={() => onChange(moveItem(choices, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('templates.removeChoice', { n: i + 1 })}
                  disabled={choices.length <= 2}
                  onClick={() => onChange(removeItem(choices, i))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...choices, newChoice(false)])}
      >
        {t('templates.addChoice')}
      </button>
    </div>
  );
}
