def _print(out):
    """One line per row: the prediction (class or value), then each class's probability."""
    w = csv.writer(sys.stdout, lineterminator="\n")
    if CLASSES:
        w.writerow(["prediction"] + ["p(%s)" % c for c in CLASSES])
        for p in out:
            w.writerow([CLASSES[int(np.argmax(p))]] + [format(float(q), ".9g") for q in p])
    else:
        w.writerow(["prediction"])
        for v in out:
            w.writerow([format(float(v), ".9g")])


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
