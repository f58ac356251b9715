"""Hand-writing-like strokes for the digits 0-9 in a few styles, for the classify tests and bench.

Each digit is a list of strokes, each stroke a polyline in a unit box (x to the
right, y down, the digit about 0.6 wide and 1 tall). A :class:`Style` places it on
the canvas: size, slant, width, pen width and a little wobble, as different people
write.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

Point = tuple[float, float]
Stroke = list[Point]


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, steps: int = 24) -> Stroke:
    """Points on an ellipse from angle ``start`` to ``end`` (degrees, screen coordinates: 90 is down)."""
    return [
        (cx + rx * math.cos(math.radians(start + (end - start) * i / steps)),
         cy + ry * math.sin(math.radians(start + (end - start) * i / steps)))
        for i in range(steps + 1)
    ]


def line(*points: Point, steps: int = 6) -> Stroke:
    """A polyline through ``points``, each segment split into ``steps`` pieces (as a mouse reports it)."""
    out: Stroke = [points[0]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        out.extend((x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps) for i in range(1, steps + 1))
    return out


def glyph(digit: int, variant: int = 0) -> list[Stroke]:
    """The strokes of ``digit``; ``variant`` picks another common way to write it."""
    v = variant % 2
    if digit == 0:
        return [arc(0.5, 0.5, 0.27 if v == 0 else 0.22, 0.45, -100, 265)]
    if digit == 1:
        if v == 0:
            return [line((0.5, 0.05), (0.5, 0.95))]
        return [line((0.32, 0.22), (0.55, 0.05), (0.55, 0.95))]
    if digit == 2:
        top = arc(0.5, 0.3, 0.27, 0.25, 190, 380)
        return [top + line(top[-1], (0.18, 0.95), (0.85, 0.95))[1:]]
    if digit == 3:
        upper = arc(0.48, 0.28, 0.25, 0.22, 200, 450)
        lower = arc(0.48, 0.72, 0.29, 0.23, -90, 160)
        return [upper + lower[1:]]
    if digit == 4:
        if v == 0:
            return [line((0.62, 0.05), (0.15, 0.65), (0.85, 0.65)), line((0.62, 0.3), (0.62, 0.95))]
        return [line((0.22, 0.05), (0.18, 0.55), (0.82, 0.55)), line((0.68, 0.08), (0.68, 0.95))]
    if digit == 5:
        bowl = arc(0.47, 0.66, 0.3, 0.28, -150, 155)
        if v == 0:
            return [line((0.8, 0.05), (0.3, 0.05), (0.25, 0.45)) + bowl[1:]]
        return [line((0.3, 0.05), (0.25, 0.45)) + bowl[1:], line((0.3, 0.05), (0.8, 0.05))]
    if digit == 6:
        stem = line((0.72, 0.05), (0.42, 0.3), (0.25, 0.62), steps=5)
        loop = arc(0.5, 0.7, 0.26, 0.25, 180, 540)
        return [stem + loop]
    if digit == 7:
        strokes = [line((0.15, 0.05), (0.85, 0.05), (0.4, 0.95))]
        if v == 1:
            strokes.append(line((0.35, 0.5), (0.75, 0.5)))
        return strokes
    if digit == 8:
        if v == 0:
            return [arc(0.5, 0.27, 0.22, 0.22, 90, 450), arc(0.5, 0.72, 0.27, 0.23, -90, 270)]
        # One continuous figure of eight: S down, then back up.
        s_down = arc(0.5, 0.27, 0.22, 0.22, 0, -270)[::-1] + arc(0.5, 0.72, 0.26, 0.23, -90, 180)[1:]
        back_up = line((0.24, 0.72), (0.5, 0.49), (0.72, 0.27), steps=4)
        return [s_down + back_up[1:]]
    if digit == 9:
        head = arc(0.48, 0.3, 0.25, 0.25, 0, 360)
        if v == 0:
            return [head + line((0.73, 0.3), (0.7, 0.95))[1:]]
        return [head + [(0.73, 0.45), (0.72, 0.65), (0.66, 0.85), (0.55, 0.95)]]
    raise ValueError(f"no glyph for {digit!r}")


@dataclass(frozen=True)
class Style:
    """How one person writes: size (fraction of the canvas), slant, width, pen width, wobble."""

    name: str
    height: float = 0.72
    slant: float = 0.0  # shear: x += slant * (0.5 - y)
    width: float = 1.0  # horizontal stretch
    pen: int = 18
    wobble: float = 0.0  # pixels of random jitter per point
    dx: float = 0.0  # offset from the centre, fraction of the canvas
    dy: float = 0.0
    variant: int = 0


STYLES: tuple[Style, ...] = (
    Style("neat"),
    Style("slanted", slant=0.25, pen=16, wobble=1.0, variant=1),
    Style("small, off-centre, thick pen", height=0.42, pen=14, dx=-0.15, dy=0.12, wobble=0.8),
    Style("wide and shaky", width=1.25, height=0.65, pen=22, wobble=2.0, slant=-0.1, variant=1),
)


def digit_strokes(digit: int, style: Style, canvas: int = 280, seed: int = 0) -> list[Stroke]:
    """The strokes of ``digit`` in ``style``, in canvas pixels."""
    rng = random.Random(seed * 100 + digit)
    size = style.height * canvas
    cx = canvas * (0.5 + style.dx)
    cy = canvas * (0.5 + style.dy)
    strokes = []
    for stroke in glyph(digit, style.variant):
        points = []
        for x, y in stroke:
            x = (x - 0.5 + style.slant * (0.5 - y)) * style.width
            px = cx + x * size + rng.uniform(-style.wobble, style.wobble)
            py = cy + (y - 0.5) * size + rng.uniform(-style.wobble, style.wobble)
            points.append((px, py))
        strokes.append(points)
    return strokes
