#!/usr/bin/env python3
"""Writes the sample CSV files in www/samples/ (generated, so free to use: CC0).
Deterministic: the same files every run."""
import math
import random
from pathlib import Path

out = Path(__file__).resolve().parent.parent / "www" / "samples"
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(20261129)

# Regression: house prices from area, rooms, age and distance to the centre.
rows = ["area_m2,rooms,age_years,distance_km,price_keur"]
for _ in range(300):
    area = rng.uniform(35, 220)
    rooms = max(1, round(area / 30 + rng.gauss(0, 0.7)))
    age = rng.randint(0, 90)
    dist = rng.uniform(0.5, 30)
    price = 1.9 * area + 12 * rooms - 0.6 * age - 4.5 * dist + 90 + rng.gauss(0, 18)
    rows.append(f"{area:.1f},{rooms},{age},{dist:.2f},{price:.1f}")
(out / "houses.csv").write_text("\n".join(rows) + "\n")

# Two classes: interleaved half moons.
rows = ["x,y,class"]
for i in range(300):
    t = rng.uniform(0, math.pi)
    if i % 2 == 0:
        x, y, c = math.cos(t), math.sin(t), "upper"
    else:
        x, y, c = 1 - math.cos(t), 0.5 - math.sin(t), "lower"
    rows.append(f"{x + rng.gauss(0, 0.12):.3f},{y + rng.gauss(0, 0.12):.3f},{c}")
(out / "moons.csv").write_text("\n".join(rows) + "\n")

# Several classes, categorical columns and missing values (semicolon-free, quoted names).
fruits = {
    "apple": (150, 25, 7.5, 1.0, ["red", "green", "yellow"]),
    "banana": (120, 15, 3.5, 0.5, ["yellow", "green"]),
    "orange": (180, 30, 8.0, 1.0, ["orange"]),
    "lemon": (90, 12, 6.0, 0.6, ["yellow"]),
}
origins = ["Spain", "Italy", "Costa Rica", "Ecuador", "\"Chile, Maule\""]
rows = ["weight_g,diameter_cm,colour,origin,sweetness,fruit"]
for i in range(240):
    name = list(fruits)[i % 4]
    w, ws, d, ds, colours = fruits[name]
    weight = f"{rng.gauss(w, ws):.0f}" if rng.random() > 0.05 else "NA"
    diameter = f"{rng.gauss(d, ds):.1f}" if rng.random() > 0.05 else ""
    colour = rng.choice(colours) if rng.random() > 0.04 else ""
    origin = rng.choice(origins)
    sweet = {"apple": 6, "banana": 8, "orange": 6, "lemon": 2}[name] + rng.gauss(0, 1)
    rows.append(f"{weight},{diameter},{colour},{origin},{sweet:.1f},{name}")
(out / "fruit.csv").write_text("\n".join(rows) + "\n")
print(f"wrote {out}/houses.csv, moons.csv, fruit.csv")
