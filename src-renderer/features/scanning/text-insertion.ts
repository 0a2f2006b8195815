/**
 * Puts released characters where the person was typing. Held keys never reached the page, so
 * their text is inserted now, the way typing would have: at the caret, replacing a selection,
 * with the `input` event React listens to.
 */

/** Input types that take typed text (a checkbox or a date picker does not). */
const TYPED_INPUTS = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number']);

type TextField = HTMLInputElement | HTMLTextAreaElement;

function asTextField(element: Element): TextField | null {
  if (element instanceof HTMLTextAreaElement) return element;
  if (element instanceof HTMLInputElement && TYPED_INPUTS.has(element.type)) return element;
  return null;
}

/** Inserts `text` into `target` (the element a held key was aimed at), if it takes text. */
export function insertReleasedText(target: EventTarget | null, text: string): void {
  if (!(target instanceof HTMLElement) || !target.isConnected) return;
  const field = asTextField(target);
  if (field) {
    if (field.disabled || field.readOnly) return;
    // execCommand edits like typing does (caret, selection, maxlength, undo, input events),
    // but only in the focused element.
    if (document.activeElement !== field || !document.execCommand('insertText', false, text)) {
      setValueAtSelection(field, text);
    }
    revealCaret(field);
    return;
  }
  if (target.isContentEditable && document.activeElement === target) {
    document.execCommand('insertText', false, text);
  }
  // Anything else (a button, the page itself): a typed character would not have inserted
  // anything there either.
}

/** The focus moved on before the release: write the value and tell React, as typing would. */
function setValueAtSelection(field: TextField, text: string): void {
  const value = field.value;
  // Number inputs have no selection (null): add at the end.
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  let insert = text;
  if (field.maxLength >= 0) {
    const room = field.maxLength - (value.length - (end - start));
    insert = insert.slice(0, Math.max(0, room));
  }
  const next = value.slice(0, start) + insert + value.slice(end);
  // React tracks the value through the element's own property; the prototype's setter
  // changes it behind React's back so the input event below is seen as a change.
  const prototype =
    field instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, next);
  if (field.selectionStart !== null) {
    const caret = start + insert.length;
    field.setSelectionRange(caret, caret);
  }
  field.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertText', data: insert }),
  );
}

/**
 * Typing keeps the caret in view; inserting from script does not scroll a long value in a
 * narrow field. The usual case, typing at the end, is scrolled to the end.
 */
function revealCaret(field: TextField): void {
  if (field.selectionEnd === null || field.selectionEnd !== field.value.length) return;
  if (field instanceof HTMLTextAreaElement) field.scrollTop = field.scrollHeight;
  else field.scrollLeft = field.scrollWidth;
}
