#!/usr/bin/env bash
# Regenerates resources/fonts/NotoSansSC-Subset.otf, the font our PDF reports (refusal slips,
# evidence packs, certificates) embed for Chinese and Latin text. For maintainers: the output is
# committed, and neither CI nor the build runs this script.
#
# Why a subset: the full Noto Sans CJK collection is 19 MB and holds five regional faces; the
# station only prints Simplified Chinese and Latin text. GB2312 covers the 6,763 hanzi of everyday
# Simplified Chinese (supplier names, reasons, addresses), which keeps the file to a few MB.
# A character outside the subset would print as a blank box, so widen the set here (and commit the
# new file) if reports start carrying rarer characters.
#
# Source: Debian's fonts-noto-cjk (1:20220127+repack1-1 when this was made), Noto Sans CJK
# version 2.004, licensed under the SIL Open Font License 1.1 (resources/fonts/OFL.txt). The only
# Reserved Font Name is "Source", which the subset does not use.
#
# Needs Debian's python3-fonttools (bookworm ships the fontTools module without the `pyftsubset`
# command, so the module is run directly) and fonts-noto-cjk:
#   apt-get install -y python3-fonttools fonts-noto-cjk
#   scripts/make-cjk-font-subset.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-/usr/bin/python3}
SOURCE=${SOURCE:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
# Faces in the collection: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK, then the Mono faces in the same order.
# The face index is checked below, because SC glyph shapes differ from JP/TC/HK for many hanzi.
FACE=2
OUT=resources/fonts/NotoSansSC-Subset.otf

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$PYTHON" - "$SOURCE" "$FACE" <<'PY'
import sys
from fontTools.ttLib import TTFont
family = TTFont(sys.argv[1], fontNumber=int(sys.argv[2]), lazy=True)["name"].getDebugName(1)
if family != "Noto Sans CJK SC":
    sys.exit(f"face {sys.argv[2]} of {sys.argv[1]} is {family!r}, not 'Noto Sans CJK SC'")
PY

# The code points to keep, one U+XXXX per line.
"$PYTHON" - >"$work/unicodes.txt" <<'PY'
points = set()
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement (×, °, ±, accented Latin in names)
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203B),  # per mille, primes, reference mark
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 、。〈〉《》「」【】〔〕
    (0xFF01, 0xFF5E),  # full-width forms of ASCII: ，：；（）！？
    (0xFFE0, 0xFFE6),  # full-width currency signs: ￥
]
for lo, hi in ranges:
    points.update(range(lo, hi + 1))
points.update([0x20AC, 0x2103, 0x2116, 0x2122, 0x2190, 0x2191, 0x2192, 0x2193, 0x2212, 0x2264, 0x2265])
# Every character of GB 2312: its symbol rows 1-9 (punctuation, full-width forms, numerals,
# Greek, Cyrillic, box drawing) and its 6,763 hanzi in rows 16-87.
for row in range(0xA1, 0xF8):
    for cell in range(0xA1, 0xFF):
        try:
            points.update(ord(c) for c in bytes([row, cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for p in sorted(points):
    print(f"U+{p:04X}")
PY

# --name-IDs='*' keeps the copyright and licence records (name IDs 0, 13, 14) inside the font,
# as the OFL asks. Vertical writing (tables and features) is dropped: the reports set text
# horizontally. `locl` is dropped because in this collection it maps SC glyphs to their Japanese,
# Korean and Traditional forms; keeping it pulls ~6,000 of those glyphs into the closure and
# doubles the file, and PDFKit never asks for another language's forms.
"$PYTHON" -m fontTools.subset "$SOURCE" \
  --font-number="$FACE" \
  --unicodes-file="$work/unicodes.txt" \
  --name-IDs='*' \
  --name-languages='*' \
  --drop-tables+=VORG,vhea,vmtx \
  --layout-features-=locl,vert,vrt2,vkrn,vpal,vhal,valt \
  --output-file="$OUT"

echo "$OUT: $(wc -c <"$OUT") bytes, $(wc -l <"$work/unicodes.txt") code points requested"
