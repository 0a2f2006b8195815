import { cornerRing, labelAnchor, svgPoints, toPreview, type Size } from './overlay-geometry';
import type { Outline } from './useLiveScan';

/**
 * Outlines over the preview: a polygon round each code the last frame read (its corners as
 * the reader found them, scaled into the letterboxed preview) with what it says beside it.
 */
export function CodeOverlay({ outline, box }: { outline: Outline | null; box: Size }) {
  const codes = outline?.codes ?? [];
  return (
    <svg
      className="camera-overlay"
      width={box.width}
      height={box.height}
      viewBox={`0 0 ${Math.max(1, box.width)} ${Math.max(1, box.height)}`}
      aria-hidden="true"
      data-testid="camera-overlay"
      data-codes={codes.length}
    >
      {outline &&
        codes.map((code, i) => {
          const points = toPreview(cornerRing(code.corners), outline.frame, box);
          if (points.length === 0) return null;
          const anchor = labelAnchor(points, box);
          return (
            <g
              key={`${code.data}-${i}`}
              className={code.confirmed ? 'camera-code' : 'camera-code unconfirmed'}
            >
              <polygon points={svgPoints(points)} />
              <text x={anchor.x} y={anchor.y}>
                {code.text.length > 48 ? `${code.text.slice(0, 47)}…` : code.text}
              </text>
            </g>
          );
        })}
    </svg>
  );
}
