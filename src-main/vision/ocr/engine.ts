/**
 * The OCR engine: PaddleOCR PP-OCRv4 detection + recognition on onnxruntime-node, CPU only.
 * It runs inside the OCR process (worker.ts), never in the station's own process: a native
 * crash in onnxruntime must cost a restart of that process, not the station.
 *
 * Pre- and post-processing are written here rather than taken from @gutenye/ocr-common:
 * that package needs @techstark/opencv-js (OpenCV compiled to JavaScript, about 10 MB to
 * parse at every worker start) and its Node backend, @gutenye/ocr-node, pins its own
 * onnxruntime-node 1.17 and sharp 0.33, a second copy of each native library beside ours.
 * What it does is small (resize + normalise, DB post-processing, rotated crops, CTC decoding);
 * here it runs on our onnxruntime-node, our sharp and the model files in native-models/.
 */
import ort from 'onnxruntime-node';
import { characterClasses, ctcGreedy } from './ctc';
import { recognitionBatches, REC_HEIGHT, type RecognitionBatch } from './crop';
import { boxesFromMap, DB_DEFAULTS, type DetectedBox, type ProbabilityMap } from './db-postprocess';
import {
  decodeRgb,
  DET_LIMIT_SIDE,
  detectionInput,
  type DetectionInput,
  type RgbImage,
} from './image';
import { loadOcrModelFiles, ModelFileError } from './models';
import { readingOrder, type RecognisedBox, type TextLine } from './reading-order';

/** PaddleOCR's drop_score: a box read with less mean confidence is noise, not text. */
const MIN_CONFIDENCE = 0.5;

export interface OcrTimings {
  decode: number;
  detect: number;
  recognise: number;
  total: number;
}

export interface OcrReading {
  readonly lines: TextLine[];
  /** Size of the decoded photo. */
  readonly width: number;
  readonly height: number;
  readonly timings: OcrTimings;
}

export interface OcrEngineOptions {
  /** Folder with manifest.json and the model files (default: native-models/). */
  readonly modelsDir?: string;
  /** Longest side of the detection input (default 960). */
  readonly detLimitSide?: number;
  /** onnxruntime intra-op threads (default: onnxruntime's choice, one per physical core). */
  readonly threads?: number;
}

export interface RecognitionOutput {
  readonly data: Float32Array;
  readonly steps: number;
}

export class OcrEngine {
  private constructor(
    private readonly det: ort.InferenceSession,
    private readonly rec: ort.InferenceSession,
    private readonly classes: readonly string[],
    private readonly detLimitSide: number,
  ) {}

  /** Verifies the model files against the manifest, then opens both sessions. */
  static async load(options: OcrEngineOptions = {}): Promise<OcrEngine> {
    const files = await loadOcrModelFiles(options.modelsDir);
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
    };
    const [det, rec] = await Promise.all([
      ort.InferenceSession.create(files.detection, sessionOptions),
      ort.InferenceSession.create(files.recognition, sessionOptions),
    ]);
    return new OcrEngine(
      det,
      rec,
      characterClasses(files.dictionary),
      options.detLimitSide ?? DET_LIMIT_SIDE,
    );
  }

  /**
   * One tiny inference through both models, so the first real photo does not pay for
   * onnxruntime's first-run allocations; also checks that the dictionary fits the model.
   */
  async warmUp(): Promise<void> {
    await this.runDetection({ tensor: new Float32Array(3 * 32 * 32), width: 32, height: 32 });
    const width = 320;
    const out = await this.runRecognition({
      indices: [0],
      widths: [width],
      tensor: new Float32Array(3 * REC_HEIGHT * width),
      count: 1,
      width,
    });
    if (out.data.length !== out.steps * (this.classes.length + 1)) {
      throw new ModelFileError(
        `The OCR dictionary has ${this.classes.length} characters, which does not fit the recognition model. Reinstall the station.`,
      );
    }
  }

  decode(bytes: Uint8Array): Promise<RgbImage> {
    return decodeRgb(bytes);
  }

  detectionInput(image: RgbImage): Promise<DetectionInput> {
    return detectionInput(image, this.detLimitSide);
  }

  async runDetection(input: DetectionInput): Promise<ProbabilityMap> {
    const feeds = {
      [this.det.inputNames[0] ?? 'x']: new ort.Tensor('float32', input.tensor, [
        1,
        3,
        input.height,
        input.width,
      ]),
    };
    const results = await this.det.run(feeds);
    const output = results[this.det.outputNames[0] ?? ''];
    if (!output || !(output.data instanceof Float32Array)) {
      throw new Error('The detection model answered no probability map');
    }
    const [, , height = 0, width = 0] = output.dims;
    return { data: output.data, width, height };
  }

  async runRecognition(batch: RecognitionBatch): Promise<RecognitionOutput> {
    const feeds = {
      [this.rec.inputNames[0] ?? 'x']: new ort.Tensor('float32', batch.tensor, [
        batch.count,
        3,
        REC_HEIGHT,
        batch.width,
      ]),
    };
    const results = await this.rec.run(feeds);
    const output = results[this.rec.outputNames[0] ?? ''];
    if (!output || !(output.data instanceof Float32Array)) {
      throw new Error('The recognition model answered no character probabilities');
    }
    return { data: output.data, steps: output.dims[1] ?? 0 };
  }

  /** Text boxes in the photo (unordered). */
  async detect(image: RgbImage): Promise<DetectedBox[]> {
    const map = await this.runDetection(await this.detectionInput(image));
    return boxesFromMap(map, image.width, image.height, DB_DEFAULTS);
  }

  /** The text of each box; boxes read with too little confidence are dropped. */
  async recognise(image: RgbImage, boxes: readonly DetectedBox[]): Promise<RecognisedBox[]> {
    const read: RecognisedBox[] = [];
    for (const batch of recognitionBatches(
      image,
      boxes.map((b) => b.quad),
    )) {
      const out = await this.runRecognition(batch);
      batch.indices.forEach((boxIndex, item) => {
        const box = boxes[boxIndex];
        const { text, confidence } = ctcGreedy(out.data, item, out.steps, this.classes);
        if (box && text.trim() !== '' && confidence >= MIN_CONFIDENCE) {
          read.push({ quad: box.quad, text, confidence });
        }
      });
    }
    return read;
  }

  /** A photo's text lines in reading order. */
  async read(bytes: Uint8Array): Promise<OcrReading> {
    const t0 = performance.now();
    const image = await this.decode(bytes);
    const t1 = performance.now();
    const boxes = await this.detect(image);
    const t2 = performance.now();
    const recognised = await this.recognise(image, boxes);
    const lines = readingOrder(recognised);
    const t3 = performance.now();
    return {
      lines,
      width: image.width,
      height: image.height,
      timings: { decode: t1 - t0, detect: t2 - t1, recognise: t3 - t2, total: t3 - t0 },
    };
  }

  async release(): Promise<void> {
    await Promise.all([this.det.release(), this.rec.release()]);
  }
}
