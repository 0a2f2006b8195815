/**
 * Messages between the station and its OCR process. Structured-clone serialisation ('advanced'
 * under child_process.fork, always under Electron's utilityProcess), so photos travel as bytes.
 */
import type { TextLine } from './reading-order';

/** Station → OCR process. */
export type OcrRequest = { readonly type: 'read'; readonly id: number; readonly image: Uint8Array };

/** OCR process → station. */
export type OcrReply =
  /** Models verified and loaded, one tiny inference done: requests are answered from now on. */
  | { readonly type: 'ready'; readonly ms: number }
  /** The process cannot work (a model file fails its checksum…); it exits after this. */
  | { readonly type: 'fatal'; readonly message: string }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly lines: TextLine[];
      readonly width: number;
      readonly height: number;
      readonly ms: number;
    }
  /** This photo could not be read (not an image…); the process carries on. */
  | { readonly type: 'error'; readonly id: number; readonly message: string };

export function isOcrReply(value: unknown): value is OcrReply {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return ['ready', 'fatal', 'result', 'error'].includes(String(value.type));
}

export function isOcrRequest(value: unknown): value is OcrRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'read' &&
    'id' in value &&
    typeof value.id === 'number' &&
    'image' in value &&
    value.image instanceof Uint8Array
  );
}
