/**
 * The GS1 syntax engine: every AI of the official GS1 Barcode Syntax Dictionary (read as data at
 * load), all its linters, association rules, and every form in which scan data arrives (element
 * strings raw or bracketed, AIM symbology identifiers, GS1 Digital Link URIs, EAN/UPC/ITF-14).
 * Pure: no I/O and no Node built-ins; it runs in the station, the renderer and head office.
 *
 * Written here rather than taken from npm because no maintained JavaScript library validates
 * against the official dictionary: the npm parsers carry hand-copied, incomplete AI tables and
 * none of the linters, association rules or Digital Link rules. Behaviour follows the GS1
 * reference engine (gs1-syntax-engine) unless a module's header says otherwise.
 */
export { GS1_ERROR_CODES, type Gs1Error, type Gs1ErrorCode } from './errors';
export {
  allAis,
  lookupAi,
  GS1_LINTER_NAMES,
  type AiComponent,
  type AiDefinition,
  type Gs1CharacterType,
  type Gs1LinterName,
} from './dictionary';
export { bracketed, gs1ElementString } from './element-string';
export { expandUpcE, gtinCheckDigit } from './retail';
export { parseGs1 } from './parse';
export { interpretGs1 } from './interpret';
export { resolveTwoDigitYear } from './dates';
export type {
  Gs1Field,
  Gs1InputForm,
  Gs1Interpretation,
  Gs1InterpretOptions,
  Gs1Measure,
  Gs1ParseOptions,
  Gs1ParseResult,
} from './types';
