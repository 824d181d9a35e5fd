"""nnplay next to scikit-learn's MLPClassifier on public tabular datasets, as distributed.

The files are the CSV files scikit-learn ships (sklearn/datasets/data): iris,
wine and breast cancer with their metadata first line ("150,4,setosa,..."),
and the 8 x 8 digits. nnplay reads each file as its import panel does
(examples/tabular.rs: detection of the leading line, the proposed target, the
page's split and z-scores), trains, and reports its test accuracy and the file
rows of its training and test splits. MLPClassifier then trains on exactly
those rows, with the same hidden sizes, activation, optimizer, learning rate,
batch size, epochs and z-scores fitted on the training rows. Five seeds each;
the table shows mean [min-max] test accuracy.

    scripts/tabular.sh            # sets up the venv, builds, runs this
"""

import json
import os
import subprocess
import sys
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "data")
EXAMPLE = os.path.join(ROOT, "target", "release", "examples", "tabular")

HIDDEN = (16, 16)
EPOCHS = 200
LEARNING_RATE = 0.003
BATCH = 16
SEEDS = [1, 2, 3, 4, 5]
DATASETS = [
    ("iris", "iris.csv"),
    ("wine", "wine_data.csv"),
    ("breast cancer", "breast_cancer.csv"),
    ("digits", "digits.csv.gz"),
]


def as_distributed(name):
    """The file as scikit-learn ships it (digits unzipped: the import panel reads CSV text)."""
    path = os.path.join(DATA, name)
    if not name.endswith(".gz"):
        return path
    import gzip

    out = os.path.join(ROOT, "target", "tabular", name[:-3])
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with gzip.open(path, "rb") as src, open(out, "wb") as dst:
        dst.write(src.read())
    return out


def nnplay(path, seed):
    setup = "net={}&act=relu&opt=adam&lr={}&batch={}&seed={}".format(
        ",".join(map(str, HIDDEN)), LEARNING_RATE, BATCH, seed
    )
    out = subprocess.run([EXAMPLE, path, str(EPOCHS), setup], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def sklearn_on_same_rows(path, run, seed):
    first = run["skipped"] + (1 if run["header"] else 0)
    table = np.loadtxt(path, delimiter=",", skiprows=first)
    target = int(run["target"].split()[-1]) - 1  # "column 5" (no header) -> index 4
    x = np.delete(table, target, axis=1)
    y = table[:, target].astype(int)
    # File rows (1-based, counting skipped lines and the header) -> data rows.
    index = lambda rows: np.array(rows) - 1 - first
    tr, te = index(run["train_rows"]), index(run["test_rows"])
    mean, std = x[tr].mean(axis=0), x[tr].std(axis=0)
    std[std == 0] = 1.0
    z = (x - mean) / std
    mlp = MLPClassifier(
        hidden_layer_sizes=HIDDEN,
        activation="relu",
        solver="adam",
        learning_rate_init=LEARNING_RATE,
        batch_size=BATCH,
        max_iter=EPOCHS,
        n_iter_no_change=EPOCHS,  # no early end: the same number of epochs as nnplay
        random_state=seed,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        mlp.fit(z[tr], y[tr])
    return float((mlp.predict(z[te]) == y[te]).mean())


def summary(values):
    v = np.array(values) * 100
    return "{:.1f} % [{:.1f}–{:.1f}]".format(v.mean(), v.min(), v.max())


def main():
    rows = []
    for label, name in DATASETS:
        path = as_distributed(name)
        ours, theirs, shape = [], [], None
        for seed in SEEDS:
            run = nnplay(path, seed)
            ours.append(run["accuracy"])
            theirs.append(sklearn_on_same_rows(path, run, seed))
            shape = (len(run["train_rows"]), len(run["test_rows"]), run["features"], run["classes"], run["skipped"])
        rows.append((label, name, shape, summary(ours), summary(theirs)))
        print(label, rows[-1][3], rows[-1][4], file=sys.stderr)
    print(
        "| dataset (file as shipped) | train / test rows | features | classes | leading lines skipped | nnplay | scikit-learn MLPClassifier |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, name, (n_train, n_test, n_features, n_classes, skipped), ours, theirs in rows:
        print(f"| {label} (`{name}`) | {n_train} / {n_test} | {n_features} | {n_classes} | {skipped} | {ours} | {theirs} |")
    print()
    print(
        f"Hidden layers {HIDDEN}, ReLU, Adam (lr {LEARNING_RATE}), batch {BATCH}, {EPOCHS} epochs, "
        f"z-scores fitted on the training rows, nnplay's split (50 % training, stratified) for both; "
        f"seeds {SEEDS[0]}–{SEEDS[-1]}; scikit-learn {sklearn.__version__}, NumPy {np.__version__}."
    )


if __name__ == "__main__":
    main()
