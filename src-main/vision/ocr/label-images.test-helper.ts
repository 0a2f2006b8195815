/**
 * Generated label photos with known contents, for the OCR tests and the benchmark. Text is
 * rendered by librsvg through sharp (fonts found by fontconfig: DejaVu, Liberation, Noto CJK),
 * then turned a few degrees, blurred, sprinkled with sensor noise and saved as a lossy JPEG:
 * the things a phone photo of a carton label does to it. Everything comes from a seeded
 * generator, so a seed always draws the same labels.
 */
import sharp from 'sharp';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const int = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const LATIN_FONTS = [
  'DejaVu Sans',
  'DejaVu Serif',
  'DejaVu Sans Mono',
  'Liberation Sans',
  'Liberation Serif',
  'Liberation Mono',
  'Noto Sans CJK SC',
] as const;
const CJK_FONTS = ['Noto Sans CJK SC', 'Noto Serif CJK SC'] as const;

/** The dates and lot a label prints, and the lines it prints them in. */
export interface LabelSpec {
  readonly id: string;
  /** Which of the formats this label exercises. */
  readonly format: string;
  readonly lines: readonly string[];
  readonly font: string;
  /** What the label reader must find. */
  readonly expiry: string;
  readonly production: string | null;
  readonly lot: string;
  /** The SKU's GTIN: its GS1 prefix tells the reader the label's market (day/month order). */
  readonly gtin: string;
}

/** GTINs whose GS1 prefix names the market: 690–699 China, 400–440 Germany, 000–139 USA. */
export const GTIN_CN = '6920001000012';
export const GTIN_DE = '4000001000015';
export const GTIN_US = '0012345000065';

interface Dated {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const iso = ({ y, m, d }: Dated) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function lotCode(random: Random): string {
  const letters = 'ABCDEFGHJKMNPRSTUVWXYZ';
  const prefix = Array.from({ length: int(random, 1, 2) }, () => pick(random, [...letters])).join(
    '',
  );
  return `${prefix}${pad(int(random, 0, 9999), 4)}${random() < 0.3 ? pick(random, [...letters]) : ''}`;
}

const LATIN_PRODUCTS = [
  'ORGANIC OAT DRINK 1L',
  'Dark Chocolate 70% Cocoa',
  'Whole Wheat Crackers',
  'Sparkling Water Lemon',
  'Greek Style Yogurt 500g',
  'Roasted Almonds Salted',
  'Instant Coffee Classic',
] as const;
const LATIN_EXTRAS = [
  'Net wt 500g',
  'Store in a cool dry place',
  'Keep refrigerated 0-4°C',
  'Made in Germany',
  'Ingredients: oats, water, salt',
  'Net Wt. 12 oz (340 g)',
] as const;
const CJK_PRODUCTS = [
  '纯牛奶',
  '全麦苏打饼干',
  '黑巧克力 70%',
  '原味酸奶',
  '冻干草莓',
  '乌龙茶饮料',
] as const;
const CJK_EXTRAS = [
  '净含量：500克',
  '贮存条件：常温、阴凉干燥处',
  '产地：上海市',
  '配料：生牛乳',
  '净含量：250mL',
  '生产商：上海食品有限公司',
] as const;

type Builder = (random: Random) => Omit<LabelSpec, 'id' | 'font'> & { cjk: boolean };

function future(random: Random, dayMin = 1): Dated {
  const y = int(random, 2027, 2028);
  const m = int(random, 1, 12);
  return { y, m, d: int(random, dayMin, 28) };
}

const latinKeyword = (random: Random) =>
  pick(random, ['EXP', 'EXP:', 'Best before', 'BB', 'Use by', 'BBE', 'Expiry date:', 'USE BY']);
const latinLot = (random: Random, lot: string) =>
  pick(random, [`LOT ${lot}`, `L: ${lot}`, `BATCH ${lot}`, `Lot: ${lot}`, `LOT NO. ${lot}`]);

/** One builder per format of the issue. */
const BUILDERS: Record<string, Builder> = {
  EXP20270630LOTSW0630: (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'glued EXPyyyymmddLOTxxx',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `EXP${e.y}${pad(e.m)}${pad(e.d)}LOT${lot}`,
        pick(r, LATIN_EXTRAS),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'yyyy-mm-dd': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'yyyy-mm-dd',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${latinKeyword(r)} ${iso(e)}`,
        latinLot(r, lot),
        pick(r, LATIN_EXTRAS),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'dd/mm/yyyy': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'dd/mm/yyyy',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${latinKeyword(r)} ${pad(e.d)}/${pad(e.m)}/${e.y}`,
        latinLot(r, lot),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'dd.mm.yy': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'dd.mm.yy',
      lines: [
        `${latinKeyword(r)} ${pad(e.d)}.${pad(e.m)}.${pad(e.y % 100)}`,
        latinLot(r, lot),
        pick(r, LATIN_EXTRAS),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'yyyy/mm/dd': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'yyyy/mm/dd',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${latinKeyword(r)} ${e.y}/${pad(e.m)}/${pad(e.d)}`,
        latinLot(r, lot),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_CN,
      cjk: false,
    };
  },
  yyyymmdd: (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'yyyymmdd',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${latinKeyword(r)} ${e.y}${pad(e.m)}${pad(e.d)}`,
        latinLot(r, lot),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'yyyy MON dd': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'yyyy MON dd',
      lines: [
        `${latinKeyword(r)} ${e.y} ${MONTHS[e.m - 1] ?? ''} ${pad(e.d)}`,
        latinLot(r, lot),
        pick(r, LATIN_EXTRAS),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'mm/yyyy': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'mm/yyyy',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${pick(r, ['Best before end', 'EXP', 'BBE'])} ${pad(e.m)}/${e.y}`,
        latinLot(r, lot),
      ],
      expiry: iso({ ...e, d: lastDay(e.y, e.m) }),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'mm yyyy': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'mm yyyy',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${pick(r, ['Use by', 'EXP', 'Best before'])} ${pad(e.m)} ${e.y}`,
        latinLot(r, lot),
      ],
      expiry: iso({ ...e, d: lastDay(e.y, e.m) }),
      production: null,
      lot,
      gtin: GTIN_DE,
      cjk: false,
    };
  },
  'mm/dd/yyyy (US)': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: 'mm/dd/yyyy (US)',
      lines: [
        pick(r, LATIN_PRODUCTS),
        `${pick(r, ['EXP', 'Best by', 'Use by'])} ${pad(e.m)}/${pad(e.d)}/${e.y}`,
        latinLot(r, lot),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_US,
      cjk: false,
    };
  },
  保质期至yyyy年mm月dd日: (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: '保质期至yyyy年mm月dd日',
      lines: [
        pick(r, CJK_PRODUCTS),
        `保质期至${e.y}年${pad(e.m)}月${pad(e.d)}日`,
        `批号：${lot}`,
        pick(r, CJK_EXTRAS),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_CN,
      cjk: true,
    };
  },
  '有效期至：yyyy.mm.dd': (r) => {
    const e = future(r);
    const lot = lotCode(r);
    return {
      format: '有效期至：yyyy.mm.dd',
      lines: [
        pick(r, CJK_PRODUCTS),
        pick(r, CJK_EXTRAS),
        `有效期至：${e.y}.${pad(e.m)}.${pad(e.d)}`,
        pick(r, [`批号：${lot}`, `LOT ${lot}`, `L: ${lot}`]),
      ],
      expiry: iso(e),
      production: null,
      lot,
      gtin: GTIN_CN,
      cjk: true,
    };
  },
  '生产日期 + 保质期：N个月': (r) => {
    const p = { y: 2026, m: int(r, 1, 10), d: int(r, 1, 28) };
    const months = pick(r, [6, 9, 12, 18, 24]);
    const endMonth = p.m - 1 + months;
    const e = { y: p.y + Math.floor(endMonth / 12), m: (endMonth % 12) + 1, d: p.d };
    const lot = lotCode(r);
    return {
      format: '生产日期：yyyy-mm-dd + 保质期：N个月',
      lines: [
        pick(r, CJK_PRODUCTS),
        `生产日期：${iso(p)}`,
        `保质期：${months}个月`,
        pick(r, [`批号：${lot}`, `BATCH ${lot}`]),
        pick(r, CJK_EXTRAS),
      ],
      expiry: iso(e),
      production: iso(p),
      lot,
      gtin: GTIN_CN,
      cjk: true,
    };
  },
};

export const LABEL_FORMATS = Object.keys(BUILDERS);

/** `count` labels, cycling through every format, fonts and content drawn from `seed`. */
export function labelSpecs(count: number, seed: number): LabelSpec[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const builder = BUILDERS[LABEL_FORMATS[i % LABEL_FORMATS.length] ?? ''];
    if (!builder) throw new Error('no builder');
    const { cjk, ...spec } = builder(random);
    const font = pick(random, cjk ? CJK_FONTS : LATIN_FONTS);
    return { ...spec, id: `label-${String(i + 1).padStart(3, '0')}`, font };
  });
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface RenderOptions {
  /** Degrees, clockwise. */
  readonly rotate: number;
  /** Gaussian blur sigma (0: none). */
  readonly blur: number;
  /** Standard deviation of the per-pixel noise, in grey levels. */
  readonly noise: number;
  readonly jpegQuality: number;
  readonly fontSize: number;
}

/** Photo conditions for a label, drawn from the seed: ±5°, some blur, noise, JPEG 45–85. */
export function renderOptions(random: Random): RenderOptions {
  return {
    rotate: Math.round((random() * 10 - 5) * 10) / 10,
    blur: random() < 0.3 ? 0 : Math.round((0.4 + random() * 0.8) * 100) / 100,
    noise: Math.round(random() * 8),
    jpegQuality: int(random, 45, 85),
    fontSize: int(random, 28, 40),
  };
}

/** The label as a JPEG photo. */
export async function renderLabel(spec: LabelSpec, options: RenderOptions): Promise<Buffer> {
  const lineHeight = Math.round(options.fontSize * 1.6);
  const margin = 48;
  const longest = Math.max(...spec.lines.map((l) => l.length));
  const width = Math.max(640, Math.round(longest * options.fontSize * 0.75) + 2 * margin);
  const height = spec.lines.length * lineHeight + 2 * margin;
  const text = spec.lines
    .map(
      (line, i) =>
        `<text x="${margin}" y="${margin + (i + 0.75) * lineHeight}">${escapeXml(line)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#fbfaf4"/>
<g font-family="${spec.font}" font-size="${options.fontSize}" fill="#1a1a1a">${text}</g>
</svg>`;
  let image = sharp(Buffer.from(svg)).flatten({ background: '#fbfaf4' });
  if (options.rotate !== 0) image = image.rotate(options.rotate, { background: '#d8d4c8' });
  if (options.blur > 0) image = image.blur(options.blur);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (options.noise > 0) {
    const random = seededRandom(data.length + options.noise);
    for (let i = 0; i < data.length; i += 1) {
      // Sum of three uniforms: close enough to Gaussian noise, cheap and seeded.
      const n = (random() + random() + random() - 1.5) * 2 * options.noise;
      data[i] = Math.max(0, Math.min(255, Math.round((data[i] ?? 0) + n)));
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: options.jpegQuality })
    .toBuffer();
}
