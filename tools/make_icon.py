"""Draw the application icon (resources/icons/rasad.png and .ico) with the bundled font.

    python tools/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 256


def draw() -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=48, fill=(31, 59, 87, 255))
    # a rising bar chart with a target line: realization against target
    bars = [(52, 150), (98, 118), (144, 92), (190, 60)]
    for x, top in bars:
        d.rounded_rectangle((x, top, x + 30, 204), radius=6, fill=(88, 170, 108, 255))
    d.line((40, 104, 222, 104), fill=(246, 196, 83, 255), width=8)
    d.line((40, 212, 222, 212), fill=(220, 230, 240, 255), width=6)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw()
    img.save(OUT / "rasad.png")
    img.save(OUT / "rasad.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(OUT / "rasad.ico")


if __name__ == "__main__":
    main()
