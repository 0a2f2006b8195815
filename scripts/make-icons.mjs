// Draws the application icon (a barcode under a check mark on the station's slate blue) with
// sharp and writes resources/icon.png (512×512, the window icon) and resources/packaging/icon.png
// (1024×1024: electron-builder derives the .ico, .icns and Linux sizes from it). Run once when
// the design changes; the PNGs are committed.
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bars = [3, 1, 2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 1, 2];
let x = 300;
const rects = bars
  .map((w, i) => {
    const width = w * 14;
    const rect =
      i % 2 === 0 ? `<rect x="${x}" y="560" width="${width}" height="220" fill="#e2e8f0"/>` : '';
    x += width + 10;
    return rect;
  })
  .join('');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <rect x="32" y="32" width="960" height="960" rx="200" fill="#0f172a"/>
  <rect x="72" y="72" width="880" height="880" rx="170" fill="none" stroke="#334155" stroke-width="12"/>
  <path d="M300 360 L450 500 L730 220" fill="none" stroke="#22c55e" stroke-width="80" stroke-linecap="round" stroke-linejoin="round"/>
  ${rects}
</svg>`;

for (const [file, size] of [
  ['resources/icon.png', 512],
  ['resources/packaging/icon.png', 1024],
]) {
  const target = join(root, file);
  mkdirSync(dirname(target), { recursive: true });
  await sharp(Buffer.from(svg)).resize(size, size).png({ compressionLevel: 9 }).toFile(target);
  console.log(`${file}: ${size}×${size}`);
}
