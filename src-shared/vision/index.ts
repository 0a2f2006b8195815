/**
 * Barcodes from images, shared by the camera's Web Worker (renderer) and `qcs vision decode`
 * (Node): formats, pre-processing, decoding passes, the reader with its validation and
 * consensus, and confirmation over live frames. Pure TypeScript on typed arrays: no DOM, no
 * Node built-ins; zxing-wasm is passed in (see ReadBarcodes).
 */
export {
  BARCODE_FORMAT_NAMES,
  DEFAULT_BARCODE_FORMATS,
  LINEAR_FORMATS,
  RETAIL_FORMATS,
  ZXING_FORMAT,
  formatOfResult,
  parseBarcodeFormat,
  type BarcodeFormatName,
  type ZxingFormat,
} from './formats';
export {
  EVIDENCE_RATIO,
  MIN_AGREEING_COPIES,
  MIN_AGREEING_LINES,
  MIN_CODE128_LENGTH,
  MIN_ITF_LENGTH,
  MIN_ITF_SPAN,
  decodeFrame,
  rejectReason,
  resolveCandidates,
  type Candidate,
  type DecodedCode,
  type DecodeEffort,
  type DecodeOptions,
  type Quad,
  type ReadBarcodes,
  type ZxingReaderOptions,
  type ZxingReadResult,
} from './barcode-reader';
export {
  FAST_PASSES,
  HARD_PASSES,
  PreparedFrame,
  type Binarizer,
  type Pass,
  type PassReaderOptions,
  type PreparedImage,
  type Step,
} from './passes';
export {
  adaptiveThreshold,
  applyAffine,
  axisBlur,
  boxBlur,
  clahe,
  composeAffine,
  gamma,
  greyImage,
  greyToRgba,
  IDENTITY,
  normalizeLocal,
  resize,
  rgbaToGrey,
  rotate,
  rotate90,
  scale,
  sharpen,
  stretchContrast,
  type Affine,
  type ClaheOptions,
  type GreyImage,
  type Point,
  type RgbaImage,
  type RgbaPixels,
  type ThresholdOptions,
  type Transformed,
} from './preprocess';
export { ScanConfirmer, type ScanConfirmerOptions } from './confirm';
