def _main(argv):
    if len(argv) != 2:
        print("usage: python %s points.csv   (x1,x2 pairs, a header line is optional)" % argv[0], file=sys.stderr)
        return 2
    points = []
    with open(argv[1], newline="", encoding="utf-8-sig") as f:
        for k, rec in enumerate(csv.reader(f)):
            if not rec or not "".join(rec).strip():
                continue
            try:
                points.append([float(rec[0]), float(rec[1])])
            except (ValueError, IndexError):
                if k == 0 and not points:
                    continue  # a header line
                raise
    _print(predict_points(points))
    return 0

