/**
 * Real pictures for tests, drawn with sharp: a coloured canvas with a blue square in its
 * top-left corner, so a test can tell which way up a stored photo is.
 */
import sharp, { type Sharp } from 'sharp';

export interface TestImageOptions {
  width?: number;
  height?: number;
  /** Background colour; the marker square is always pure blue. */
  background?: { r: number; g: number; b: number };
  /** Side of the blue marker square in the top-left corner. */
  marker?: number;
}

function canvas(options: TestImageOptions = {}): Sharp {
  const width = options.width ?? 600;
  const height = options.height ?? 400;
  const marker = options.marker ?? Math.round(Math.min(width, height) / 4);
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: options.background ?? { r: 200, g: 40, b: 30 },
    },
  }).composite([
    {
      input: {
        create: { width: marker, height: marker, channels: 3, background: { r: 0, g: 0, b: 255 } },
      },
      left: 0,
      top: 0,
    },
  ]);
}

export function testJpeg(options: TestImageOptions = {}): Promise<Buffer> {
  return canvas(options).jpeg({ quality: 90 }).toBuffer();
}

export function testPng(options: TestImageOptions = {}): Promise<Buffer> {
  return canvas(options).png().toBuffer();
}

/** A JPEG as a phone writes it: EXIF with camera, serial and GPS position, XMP, a P3 profile. */
export async function phoneJpeg(options: TestImageOptions & { orientation?: number } = {}) {
  const jpeg = await canvas(options)
    .jpeg({ quality: 90 })
    .withIccProfile('p3')
    .withMetadata({ orientation: options.orientation ?? 1 })
    .withExif({
      IFD0: { Make: 'DockCam', Model: 'QC-PHONE-7', Software: 'SERIAL-4711-SECRET' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 13/1 5/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 9/1',
      },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="31,13.08N"/></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
  return withJpegComment(jpeg, 'Taken at Dock 3 by inspector Li Wei');
}

/** Inserts a JPEG COM segment right after the SOI marker (sharp cannot write one). */
export function withJpegComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'latin1');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(text.length + 2, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** The RGB value of one pixel of a decoded picture. */
export async function pixel(
  image: Buffer,
  x: number,
  y: number,
): Promise<[number, number, number]> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}

/** True when a pixel is clearly the blue marker. */
export function isBlue([r, g, b]: readonly number[]): boolean {
  return (b ?? 0) > 200 && (r ?? 255) < 60 && (g ?? 255) < 60;
}
