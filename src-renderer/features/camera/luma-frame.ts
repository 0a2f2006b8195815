/**
 * A camera frame's luma plane as a binary PGM image (P5). Webcams deliver YUV (I420 or NV12):
 * plane 0 is the grey picture a barcode reader wants. zxing-wasm reads PGM through its image
 * path as one grey channel, which skips both the YUV → RGBA conversion and its own RGBA → grey
 * loop over 3.7 MB per 720p frame. The planes are copied straight after the PGM header (the
 * chroma planes follow the luma; a PGM reader stops after width × height bytes).
 */

export function pgmHeader(width: number, height: number): Uint8Array {
  return new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
}

/** Where VideoFrame.copyTo puts each plane, luma first right after `offset`; null: no luma plane. */
export function lumaFirstLayout(
  format: string | null,
  width: number,
  height: number,
  offset: number,
): { layout: PlaneLayout[]; size: number } | null {
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const luma = width * height;
  if (format === 'I420')
    return {
      layout: [
        { offset, stride: width },
        { offset: offset + luma, stride: cw },
        { offset: offset + luma + cw * ch, stride: cw },
      ],
      size: offset + luma + 2 * cw * ch,
    };
  if (format === 'NV12')
    return {
      layout: [
        { offset, stride: width },
        { offset: offset + luma, stride: 2 * cw },
      ],
      size: offset + luma + 2 * cw * ch,
    };
  return null;
}
