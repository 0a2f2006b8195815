/**
 * Decoding passes: a pass is a short recipe of pre-processing steps (see preprocess.ts) plus the
 * zxing options to read the result with. The fast pass runs on every live camera frame; the hard
 * passes run on idle frames (when the fast pass found nothing) and in `qcs vision decode`.
 *
 * The hard list was chosen on the real photos in the barcode corpus: each pass is there because
 * it reads images that the passes before it do not (see the comments), and none of them
 * produced a wrong read that survived validation (barcode-reader.ts).
 */
import {
  adaptiveThreshold,
  axisBlur,
  boxBlur,
  clahe,
  composeAffine,
  gamma,
  greyToRgba,
  IDENTITY,
  normalizeLocal,
  resize,
  rgbaToGrey,
  rotate,
  rotate90,
  sharpen,
  stretchContrast,
  type Affine,
  type GreyImage,
  type RgbaImage,
  type RgbaPixels,
  type Transformed,
} from './preprocess';

export type Step =
  /** Shrinks so that the longer side is at most `maxSide` (no-op for smaller images). */
  | { op: 'fit'; maxSide: number }
  /** Enlarges so that the shorter side is at least `minSide`, by at most `maxFactor`. */
  | { op: 'grow'; minSide: number; maxFactor: number }
  | { op: 'scale'; factor: number }
  | { op: 'stretch' }
  | { op: 'gamma'; gamma: number }
  | { op: 'clahe'; tiles: number; clipLimit: number }
  /** `radius` as a fraction of the shorter side. */
  | { op: 'threshold'; radius: number; offset: number }
  | { op: 'sharpen'; radius: number; amount: number }
  | { op: 'blur'; radius: number }
  /** Blur along one axis; `radius` as a fraction of the image's extent on that axis. */
  | { op: 'axisBlur'; radius: number; axis: 'x' | 'y' }
  /** `radius` as a fraction of the shorter side. */
  | { op: 'normalize'; radius: number }
  | { op: 'rotate90'; quarterTurns: number }
  | { op: 'rotate'; degrees: number };

export type Binarizer = 'LocalAverage' | 'GlobalHistogram' | 'FixedThreshold' | 'BoolCast';

/** The zxing settings a pass may change; the formats and text mode are fixed by the reader. */
export interface PassReaderOptions {
  tryHarder: boolean;
  tryRotate: boolean;
  tryInvert: boolean;
  tryDownscale: boolean;
  tryDenoise: boolean;
  binarizer: Binarizer;
  isPure: boolean;
  /** Scan lines that must agree on a 1-D symbol (zxing's default is 2). */
  minLineCount: number;
}

export interface Pass {
  /** Short and unique: it is reported with every code the pass found. */
  name: string;
  steps: readonly Step[];
  reader: PassReaderOptions;
}

const FAST_READER: PassReaderOptions = {
  tryHarder: false,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: true,
  tryDenoise: false,
  binarizer: 'LocalAverage',
  isPure: false,
  minLineCount: 2,
};

const HARD_READER: PassReaderOptions = {
  ...FAST_READER,
  tryHarder: true,
  tryRotate: true,
  tryInvert: true,
};

/** Live frames: one quick zxing call on the frame, huge frames shrunk first. */
export const FAST_PASSES: readonly Pass[] = [
  { name: 'fast', steps: [{ op: 'fit', maxSide: 1600 }], reader: FAST_READER },
];

/** Working size for the pre-processed copies: bigger photos are shrunk to this first. */
const WORK = { op: 'fit', maxSide: 2560 } as const;
const SHARPEN = { op: 'sharpen', radius: 2, amount: 1.5 } as const;
const CLAHE = { op: 'clahe', tiles: 8, clipLimit: 2 } as const;

/**
 * Idle frames and files, after the fast pass. On the corpus the fast pass alone reads 57 of 89
 * photos and zxing's own hard mode 71; the copies below take it to 85 (see the corpus test).
 * Small crops are the commonest failure, so most copies enlarge first; the others answer blur
 * (sharpening), uneven light and glare (CLAHE, local normalisation) and defocused big symbols
 * (halving). Several copies read most symbols, which is what lets a 1-D read be confirmed.
 */
export const HARD_PASSES: readonly Pass[] = [
  // zxing's slow mode on the untouched frame, at full resolution.
  { name: 'hard', steps: [], reader: HARD_READER },
  // Small symbols: enough pixels per module for the detectors.
  {
    name: 'enlarge',
    steps: [WORK, { op: 'grow', minSide: 800, maxFactor: 4 }],
    reader: HARD_READER,
  },
  // Blurred and unevenly lit small symbols (crumpled film, shadows).
  {
    name: 'enlarge-sharpen-clahe',
    steps: [WORK, { op: 'grow', minSide: 480, maxFactor: 3 }, SHARPEN, CLAHE],
    reader: HARD_READER,
  },
  {
    name: 'double-sharpen-clahe',
    steps: [WORK, { op: 'grow', minSide: 1000, maxFactor: 2 }, SHARPEN, CLAHE],
    reader: HARD_READER,
  },
  // Defocus: strong unsharp masking.
  {
    name: 'enlarge-sharpen-strong',
    steps: [
      WORK,
      { op: 'grow', minSide: 480, maxFactor: 3 },
      { op: 'sharpen', radius: 3, amount: 3 },
    ],
    reader: HARD_READER,
  },
  // Curved 2-D symbols on small containers: much larger, with zxing's denoising.
  {
    name: 'enlarge-more',
    steps: [WORK, { op: 'grow', minSide: 1200, maxFactor: 6 }],
    reader: { ...HARD_READER, tryDenoise: true },
  },
  {
    name: 'enlarge-sharpen-clahe-denoise',
    steps: [WORK, { op: 'grow', minSide: 800, maxFactor: 4 }, SHARPEN, CLAHE],
    reader: { ...HARD_READER, tryDenoise: true },
  },
  // Glare: local contrast normalisation.
  { name: 'normalize', steps: [WORK, { op: 'normalize', radius: 0.04 }], reader: HARD_READER },
  { name: 'clahe', steps: [WORK, { op: 'clahe', tiles: 4, clipLimit: 4 }], reader: HARD_READER },
  // Big, soft symbols and textured paper: halving sharpens edges and averages out grain.
  { name: 'half-sharpen', steps: [{ op: 'scale', factor: 0.5 }, SHARPEN], reader: HARD_READER },
  // 1-D symbols held at an angle: zxing reads them up to about 20° off its scan lines and, with
  // tryRotate, off the vertical; a copy turned by 45° either way covers the angles between.
  // Two copies per turn, so that a straightened symbol can be confirmed.
  ...[45, -45].flatMap((degrees): Pass[] => [
    {
      name: `rotate${degrees}`,
      steps: [WORK, { op: 'rotate', degrees }],
      reader: HARD_READER,
    },
    {
      name: `enlarge-sharpen-clahe-rotate${degrees}`,
      steps: [
        WORK,
        { op: 'grow', minSide: 480, maxFactor: 3 },
        SHARPEN,
        CLAHE,
        { op: 'rotate', degrees },
      ],
      reader: HARD_READER,
    },
  ]),
];

/** The scale factor a size step would apply to a width × height image (1: none); null if not one. */
function sizeFactor(step: Step, width: number, height: number): number | null {
  if (step.op === 'fit') {
    const long = Math.max(width, height);
    return long <= step.maxSide ? 1 : step.maxSide / long;
  }
  if (step.op === 'grow') {
    const f = Math.min(step.maxFactor, step.minSide / Math.min(width, height));
    // Enlarging by a few percent adds nothing but resampling blur.
    return f <= 1.05 ? 1 : f;
  }
  if (step.op === 'scale') return step.factor;
  return null;
}

function applyStep(image: GreyImage, step: Step): Transformed {
  const factor = sizeFactor(step, image.width, image.height);
  if (factor !== null) {
    if (factor === 1) return { image, toSource: IDENTITY };
    return resize(image, image.width * factor, image.height * factor);
  }
  switch (step.op) {
    case 'fit':
    case 'grow':
    case 'scale':
      return { image, toSource: IDENTITY };
    case 'stretch':
      return { image: stretchContrast(image), toSource: IDENTITY };
    case 'gamma':
      return { image: gamma(image, step.gamma), toSource: IDENTITY };
    case 'clahe':
      return {
        image: clahe(image, { tiles: step.tiles, clipLimit: step.clipLimit }),
        toSource: IDENTITY,
      };
    case 'threshold':
      return {
        image: adaptiveThreshold(image, {
          radius: Math.max(3, Math.min(image.width, image.height) * step.radius),
          offset: step.offset,
        }),
        toSource: IDENTITY,
      };
    case 'sharpen':
      return { image: sharpen(image, step.radius, step.amount), toSource: IDENTITY };
    case 'blur':
      return { image: boxBlur(image, step.radius), toSource: IDENTITY };
    case 'axisBlur':
      return {
        image: axisBlur(
          image,
          (step.axis === 'y' ? image.height : image.width) * step.radius,
          step.axis,
        ),
        toSource: IDENTITY,
      };
    case 'normalize':
      return {
        image: normalizeLocal(image, Math.min(image.width, image.height) * step.radius),
        toSource: IDENTITY,
      };
    case 'rotate90':
      return rotate90(image, step.quarterTurns);
    case 'rotate':
      return rotate(image, step.degrees);
  }
}

/** A pre-processed copy of a frame. */
export interface PreparedImage {
  /** Names this copy: passes whose steps lead to the same pixels get the same name. */
  copy: string;
  /** True when the copy is the frame itself, untouched. */
  isSource: boolean;
  /** Maps the copy's pixel coordinates to the frame's. */
  toSource: Affine;
  /** The copy in grey (for the frame itself, made on first use). */
  grey: () => GreyImage;
}

/**
 * One frame's pre-processed copies, made on demand and kept for the frame: passes that share
 * leading steps (grow, then sharpen, then CLAHE…) compute the shared part once, and the grey
 * frame itself is only made when a pass needs it.
 */
export class PreparedFrame {
  private greySource: GreyImage | null = null;
  private readonly cache = new Map<string, Transformed>();
  private readonly names = new WeakMap<GreyImage, string>();

  constructor(private readonly source: RgbaImage) {}

  private sourceGrey(): GreyImage {
    if (!this.greySource) {
      this.greySource = rgbaToGrey(this.source);
      this.names.set(this.greySource, 'source');
    }
    return this.greySource;
  }

  private nameOf(image: GreyImage, key: string): string {
    let name = this.names.get(image);
    if (name === undefined) {
      name = key;
      this.names.set(image, name);
    }
    return name;
  }

  get(steps: readonly Step[]): PreparedImage {
    // Size steps that change nothing (a small frame under 'fit') need no grey copy.
    let first = 0;
    while (first < steps.length) {
      const step = steps[first];
      if (!step || sizeFactor(step, this.source.width, this.source.height) !== 1) break;
      first++;
    }
    if (first === steps.length) {
      return { copy: 'source', isSource: true, toSource: IDENTITY, grey: () => this.sourceGrey() };
    }
    let current: Transformed = { image: this.sourceGrey(), toSource: IDENTITY };
    let key = '';
    for (const step of steps.slice(first)) {
      key += `${JSON.stringify(step)};`;
      const cached = this.cache.get(key);
      if (cached) {
        current = cached;
        continue;
      }
      const next = applyStep(current.image, step);
      current = { image: next.image, toSource: composeAffine(current.toSource, next.toSource) };
      this.cache.set(key, current);
    }
    const image = current.image;
    const copy = this.nameOf(image, key);
    return { copy, isSource: copy === 'source', toSource: current.toSource, grey: () => image };
  }

  /** A copy as RGBA, the input zxing takes. */
  static rgba(prepared: PreparedImage): RgbaPixels {
    return greyToRgba(prepared.grey());
  }
}
