#!/usr/bin/env python3
"""Cover photograph for the fictional Valdoria profile: "Harbour of Port Aldren at dawn".

Made for mgi-press, CC0 (public domain dedication). Purely procedural: a dawn sky, sun, clouds,
layered hills, a harbour town, a breakwater with a lighthouse, moored boats and rippled water
with reflections, finished with a little film grain.
Requires Pillow and NumPy. Run: python3 cover-source.py  (writes cover.jpg next to this file)
"""
import os
import numpy as np
from PIL import Image, ImageFilter

W, H = 2640, 1760            # 223.5 mm at 300 dpi: US Letter (215.9 mm) plus 3 mm bleed each side, 3:2
HORIZON = int(H * 0.60)      # sea level, in pixels from the top
rng = np.random.default_rng(2025)
ys, xs = np.mgrid[0:H, 0:W].astype(np.float32)


def noise(scale, octaves=5, w=W, h=H):
    """Fractal value noise in [0, 1]: random grids upscaled smoothly and summed."""
    out = np.zeros((h, w), np.float32)
    amp, total = 1.0, 0.0
    for o in range(octaves):
        gw, gh = max(2, int(w / scale * 2 ** o)), max(2, int(h / scale * 2 ** o))
        grid = Image.fromarray((rng.random((gh, gw)) * 255).astype(np.uint8))
        out += amp * np.asarray(grid.resize((w, h), Image.BICUBIC), np.float32) / 255
        total += amp
        amp *= 0.5
    return out / total


def ramp(t, stops):
    """Colour ramp: stops = [(position, (r, g, b)), ...] with positions increasing in [0, 1]."""
    t = np.clip(t, 0, 1)
    pos = np.array([p for p, _ in stops], np.float32)
    cols = np.array([c for _, c in stops], np.float32)
    return np.stack([np.interp(t, pos, cols[:, i]) for i in range(3)], -1)


def ridge(base, amp, scale, seed_octaves=4):
    """A hill line: height in pixels above the horizon for every column."""
    n = noise(scale, seed_octaves, W, 8)[4]
    return (base + amp * (n - 0.5) * 2).astype(np.float32)


# --- sky: deep blue at the top to apricot at the horizon ---------------------------------
t = ys / HORIZON
img = ramp(t, [(0.0, (38, 52, 96)), (0.35, (92, 98, 150)), (0.62, (206, 146, 150)),
               (0.85, (246, 186, 140)), (1.0, (252, 214, 160))])

# sun just above the horizon, with a wide glow
SX, SY = W * 0.63, HORIZON - 300
d = np.hypot(xs - SX, (ys - SY) * 1.15)
glow = (np.exp(-d / 240) * 0.6 + np.exp(-d / 900) * 0.25)[..., None] * np.array([255, 190, 120], np.float32)
img = img + glow

# soft, stretched clouds lit from below
c = noise(520, 6)
c = np.asarray(Image.fromarray((c * 255).astype(np.uint8)).resize((W, H // 3)).resize((W, H)), np.float32) / 255
cloud = np.clip((c - 0.52) * 3.2, 0, 1) * (ys < HORIZON - 40) * np.clip(1 - ys / HORIZON, 0.15, 1)
lit = ramp(ys / HORIZON, [(0, (120, 110, 150)), (0.6, (236, 160, 150)), (1, (255, 205, 170))])
img = img * (1 - 0.65 * cloud[..., None]) + lit * 0.65 * cloud[..., None]
# the sun disc itself, drawn over the clouds with a soft edge
sun = np.clip((62 - d) / 6, 0, 1)[..., None]
img = img * (1 - sun) + np.array([255, 250, 232], np.float32) * sun

# --- hills: three hazy layers, lighter with distance -----------------------------------
for base, amp, scale, col, haze in [(260, 90, 900, (122, 104, 138), 0.55),
                                    (170, 70, 600, (84, 70, 104), 0.35),
                                    (90, 45, 380, (48, 42, 70), 0.15)]:
    top = HORIZON - ridge(base, amp, scale)[None, :]
    mask = (ys >= top) & (ys < HORIZON)
    layer = np.array(col, np.float32) * (1 - haze) + np.array([240, 180, 150], np.float32) * haze
    img = np.where(mask[..., None], layer, img)

# --- harbour town: small lit houses along the shore on the left --------------------------
town = np.zeros((H, W), bool)
x = 40
while x < W * 0.42:
    bw, bh = rng.integers(30, 64), rng.integers(14, 40)
    town[HORIZON - bh:HORIZON, x:x + bw] = True
    if rng.random() < 0.6:  # a warm window
        wy, wx = HORIZON - bh + rng.integers(5, max(6, bh - 8)), x + rng.integers(4, max(5, bw - 10))
        img[wy:wy + 5, wx:wx + 5] = (255, 200, 120)
        town[wy:wy + 5, wx:wx + 5] = False
    for k in range(bw // 2 + 6):  # pitched roof
        town[HORIZON - bh - k // 2 - 1, max(0, x + k - 3):x + bw - k + 3] = k < bw // 2 + 3
    x += bw + rng.integers(0, 12)
img = np.where(town[..., None], np.array([40, 34, 56], np.float32), img)

# breakwater and lighthouse on the right
bw_top = HORIZON - 14
img[bw_top:HORIZON, int(W * 0.70):W] = (36, 32, 50)
LX = int(W * 0.86)
img[HORIZON - 190:bw_top, LX - 14:LX + 14] = (236, 226, 214)
for k in range(3):  # red bands
    y0 = HORIZON - 170 + k * 50
    img[y0:y0 + 20, LX - 14:LX + 14] = (176, 60, 58)
img[HORIZON - 214:HORIZON - 190, LX - 20:LX + 20] = (44, 38, 56)
lamp = np.exp(-np.hypot(xs - LX, ys - (HORIZON - 202)) / 22)[..., None]
img = img + lamp * np.array([255, 230, 170], np.float32) * 0.9

# --- water: mirrored sky, darker and bluer, broken by horizontal ripples ------------------
sky = img[:HORIZON].copy()
depth = (ys[HORIZON:] - HORIZON) / (H - HORIZON)
# ripples: noise that is long horizontally and thin vertically, compressed towards the
# horizon for perspective
rows = noise(1, 3, W // 60, 260)
persp = (depth[:, 0] ** 0.55 * 259).astype(int)
ripple = np.asarray(Image.fromarray((rows[persp] * 255).astype(np.uint8)).resize((W, H - HORIZON), Image.BICUBIC), np.float32) / 255
offset = ((ripple - 0.5) * 40 * (0.2 + depth)).astype(int)
src_y = np.clip(HORIZON - 1 - (ys[HORIZON:] - HORIZON).astype(int) + offset, 0, HORIZON - 1)
src_x = np.clip(xs[HORIZON:].astype(int) + 3 * offset, 0, W - 1)  # ripples also shift sideways
refl = sky[src_y, src_x]
water = refl * (0.78 - 0.25 * depth[..., None]) + np.array([20, 40, 70], np.float32) * (0.2 + 0.3 * depth[..., None])
# glitter path under the sun
path = np.exp(-np.abs(xs[HORIZON:] - SX) / (40 + 220 * depth)) * np.clip((ripple - 0.5) * 6, 0, 1)
water = water + path[..., None] * np.array([255, 215, 160], np.float32) * 0.75
img[HORIZON:] = water

# moored boats: dark hulls and masts with faint reflections
for bx in rng.integers(int(W * 0.1), int(W * 0.6), 7):
    by = HORIZON + rng.integers(40, 180)
    L = rng.integers(70, 140)
    img[by - 14:by, bx:bx + L] = (30, 28, 44)
    img[by - 14 - L:by - 14, bx + L // 2:bx + L // 2 + 4] = (50, 44, 62)
    img[by:by + 16, bx:bx + L] = img[by:by + 16, bx:bx + L] * 0.7

# --- finish: slight blur for softness, vignette, grain ---------------------------------
img = np.asarray(Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2)), np.float32)
vig = 1 - 0.28 * (((xs - W / 2) / (W / 2)) ** 2 + ((ys - H / 2) / (H / 2)) ** 2)
img = img * vig[..., None] + rng.normal(0, 4.0, (H, W, 1))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cover.jpg")
Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(out, quality=85, dpi=(300, 300), optimize=True)
print(out, os.path.getsize(out), "bytes")
