"""The Python peer of nnplay's search benchmark: one fixed 48-trial grid with
Optuna's GridSampler driving scikit-learn's MLPClassifier.

The grid is the benchmark's (bench/search/run.mjs): learning rate
{0.003, 0.01, 0.03, 0.1} x batch size {1, 10, 30} x hidden layers
{[4], [8,8], [8,8,8], [6,6,6,6]}, tanh, plain SGD (no momentum, no L2, constant
rate), 500 epochs each, on the spiral points nnplay trains on
(examples/spiral_csv.rs writes them: 250 training and 250 test points, x1, x2).
The objective is the test log-loss; the test accuracy is recorded too.

The grid is run with 1 job, then with N jobs (N = os.cpu_count()) three ways,
and the fastest N-job way is the peer's figure:
  threads  Optuna's own study.optimize(n_jobs=N) (threads: the GIL serializes
           most of the Python-side work);
  journal  N processes, each running study.optimize on one study kept in a
           JournalStorage(JournalFileBackend) file (Optuna's documented way to
           run one study from several processes); GridSampler hands out the grid
           points through the storage (a race can give a point twice: counted);
  pool     one study in this process asking for all 48 trials up front (the
           GridSampler gives each running trial another grid point, in the
           sampler's order), a multiprocessing pool of N processes fitting them,
           and the results told back as they come.
Every process is limited to one BLAS thread (threadpoolctl), so N processes use
N cores. The clock runs from the first trial's start to the last trial's end
(imports and reading the CSV files are outside it).

Prints one JSON object. Usage (scripts/bench-search.sh sets it all up):

    python bench/search/peer_sklearn.py TRAIN.csv TEST.csv [--jobs N]
        [--variants threads,journal,pool] [--epochs 500] [--skip-one]
"""

import argparse
import json
import multiprocessing
import os
import platform
import resource
import sys
import tempfile
import time
import warnings

import numpy as np
import optuna
import sklearn
import threadpoolctl
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import accuracy_score, log_loss
from sklearn.neural_network import MLPClassifier

# Process-wide (threads share it; forked processes inherit it).
warnings.filterwarnings("ignore", category=ConvergenceWarning)
optuna.logging.set_verbosity(optuna.logging.WARNING)

LEARNING_RATES = [0.003, 0.01, 0.03, 0.1]
BATCH_SIZES = [1, 10, 30]
# Optuna's grid values must be plain scalars: the shapes go in as text.
NETWORKS = ["4", "8,8", "8,8,8", "6,6,6,6"]
SEARCH_SPACE = {"lr": LEARNING_RATES, "batch": BATCH_SIZES, "net": NETWORKS}
TRIALS = len(LEARNING_RATES) * len(BATCH_SIZES) * len(NETWORKS)
SAMPLER_SEED = 0

# Set in each process before the first trial (fork: inherited from the parent).
DATA = {}
EPOCHS = 500


def load(path):
    raw = np.loadtxt(path, delimiter=",", skiprows=1)
    return raw[:, :2].copy(), raw[:, 2].astype(int)


def fit(lr, batch, net, seed):
    """One trial: (test log-loss, test accuracy, epochs run, (wall seconds, this thread's CPU seconds))."""
    x, y = DATA["train"]
    xt, yt = DATA["test"]
    start, cpu = time.perf_counter(), time.thread_time()
    model = MLPClassifier(
        hidden_layer_sizes=tuple(int(s) for s in net.split(",")),
        activation="tanh",
        solver="sgd",
        learning_rate_init=lr,
        batch_size=batch,
        max_iter=EPOCHS,
        momentum=0.0,
        nesterovs_momentum=False,
        alpha=0.0,
        learning_rate="constant",
        shuffle=True,
        early_stopping=False,
        # Stops after more than n_iter_no_change epochs without improvement: never within EPOCHS.
        n_iter_no_change=EPOCHS,
        tol=0.0,
        random_state=seed,
    )
    model.fit(x, y)
    proba = model.predict_proba(xt)
    if np.all(np.isfinite(proba)):
        loss = float(log_loss(yt, proba, labels=[0, 1]))
        accuracy = float(accuracy_score(yt, model.classes_[np.argmax(proba, axis=1)]))
    else:
        loss, accuracy = float("inf"), float("nan")
    return loss, accuracy, int(model.n_iter_), (time.perf_counter() - start, time.thread_time() - cpu)


def objective(trial):
    lr = trial.suggest_categorical("lr", LEARNING_RATES)
    batch = trial.suggest_categorical("batch", BATCH_SIZES)
    net = trial.suggest_categorical("net", NETWORKS)
    loss, accuracy, epochs, seconds = fit(lr, batch, net, trial.number)
    trial.set_user_attr("accuracy", accuracy)
    trial.set_user_attr("epochs", epochs)
    trial.set_user_attr("fit_seconds", seconds[0])
    trial.set_user_attr("fit_cpu_seconds", seconds[1])
    return loss


def sampler():
    return optuna.samplers.GridSampler(SEARCH_SPACE, seed=SAMPLER_SEED)


def one_blas_thread():
    threadpoolctl.threadpool_limits(limits=1)


def cpu_seconds():
    """User + system CPU time of this process and its reaped children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Wall and CPU seconds of a run, and the machine's load average around it
    (other programs on the same cores show there)."""

    def __enter__(self):
        self.load_before = os.getloadavg()[0]
        self.cpu = cpu_seconds()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self.cpu = cpu_seconds() - self.cpu
        self.load_after = os.getloadavg()[0]


def summary(trials, clock):
    """The figures of one run from its finished trials."""
    seconds = clock.seconds
    done = [t for t in trials if t.state == optuna.trial.TrialState.COMPLETE]
    points = {(t.params["lr"], t.params["batch"], t.params["net"]) for t in done}
    best = min(done, key=lambda t: t.value)
    fit_seconds = [t.user_attrs["fit_seconds"] for t in done]
    fit_cpu = [t.user_attrs["fit_cpu_seconds"] for t in done]
    def mean_by_batch(key):
        out = {}
        for b in BATCH_SIZES:
            s = [t.user_attrs[key] for t in done if t.params["batch"] == b]
            out[str(b)] = round(sum(s) / len(s), 4) if s else None
        return out

    return {
        "trials": len(points),
        "trials_run": len(trials),
        "trials_complete": len(done),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(clock.cpu, 3),
        "load_average_1min": [round(clock.load_before, 2), round(clock.load_after, 2)],
        "trials_per_second": round(len(points) / seconds, 4),
        "fit_seconds_total": round(sum(fit_seconds), 3),
        "fit_cpu_seconds_total": round(sum(fit_cpu), 3),
        "fit_seconds_mean_by_batch": mean_by_batch("fit_seconds"),
        "fit_cpu_seconds_mean_by_batch": mean_by_batch("fit_cpu_seconds"),
        "epochs_run": sorted({t.user_attrs["epochs"] for t in done}),
        "diverged": sum(1 for t in done if t.value == float("inf")),
        "best": {
            "number": best.number,
            "params": best.params,
            "test_log_loss": round(best.value, 5),
            "test_accuracy": best.user_attrs["accuracy"],
        },
        "trial_list": [
            {
                "number": t.number,
                "lr": t.params["lr"],
                "batch": t.params["batch"],
                "net": t.params["net"],
                "test_log_loss": round(t.value, 5),
                "test_accuracy": t.user_attrs["accuracy"],
                "fit_seconds": round(t.user_attrs["fit_seconds"], 3),
                "fit_cpu_seconds": round(t.user_attrs["fit_cpu_seconds"], 3),
            }
            for t in done
        ],
    }


def run_in_process(jobs):
    """Optuna's own way: study.optimize with n_jobs (threads when > 1)."""
    study = optuna.create_study(direction="minimize", sampler=sampler())
    with Clock() as clock:
        study.optimize(objective, n_trials=TRIALS, n_jobs=jobs)
    return summary(study.trials, clock)


def journal_worker(path, name):
    one_blas_thread()
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(path))
    study = optuna.load_study(study_name=name, storage=storage, sampler=sampler())
    # No trial count: the GridSampler stops the study once every grid point is taken.
    study.optimize(objective)


def run_journal(jobs):
    """N processes on one study in a journal file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "journal.log")
        storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(path))
        name = "search"
        optuna.create_study(study_name=name, storage=storage, direction="minimize", sampler=sampler())
        ctx = multiprocessing.get_context("fork")
        procs = [ctx.Process(target=journal_worker, args=(path, name)) for _ in range(jobs)]
        with Clock() as clock:
            for p in procs:
                p.start()
            for p in procs:
                p.join()
        if any(p.exitcode != 0 for p in procs):
            raise RuntimeError("a journal worker failed: exit codes %s" % [p.exitcode for p in procs])
        study = optuna.load_study(study_name=name, storage=storage)
        return summary(study.trials, clock)


def pool_fit(args):
    number, lr, batch, net = args
    return (number,) + fit(lr, batch, net, number)


def run_pool(jobs):
    """All 48 trials asked of one study up front, fitted by a pool of N processes."""
    study = optuna.create_study(direction="minimize", sampler=sampler())
    ctx = multiprocessing.get_context("fork")
    with Clock() as clock, ctx.Pool(jobs, initializer=one_blas_thread) as pool:
        asked = {}
        for _ in range(TRIALS):
            trial = study.ask()
            lr = trial.suggest_categorical("lr", LEARNING_RATES)
            batch = trial.suggest_categorical("batch", BATCH_SIZES)
            net = trial.suggest_categorical("net", NETWORKS)
            asked[trial.number] = (trial, (trial.number, lr, batch, net))
        work = [a for _, a in asked.values()]
        for number, loss, accuracy, epochs, seconds in pool.imap_unordered(pool_fit, work, chunksize=1):
            trial = asked[number][0]
            trial.set_user_attr("accuracy", accuracy)
            trial.set_user_attr("epochs", epochs)
            trial.set_user_attr("fit_seconds", seconds[0])
            trial.set_user_attr("fit_cpu_seconds", seconds[1])
            try:
                study.tell(trial, loss)
            except RuntimeError as e:
                # The GridSampler calls study.stop() once the grid is done, which is
                # only allowed inside study.optimize; the trial is stored before that.
                if "Study.stop" not in str(e):
                    raise
        pool.close()
        pool.join()  # reaped: their CPU time counts
    return summary(study.trials, clock)


def main():
    global EPOCHS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train")
    ap.add_argument("test")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--variants", default="threads,journal,pool")
    ap.add_argument("--epochs", type=int, default=EPOCHS, help="500 for the benchmark; fewer only to try the script")
    ap.add_argument("--skip-one", action="store_true", help="leave out the 1-job run")
    args = ap.parse_args()
    EPOCHS = args.epochs
    DATA["train"] = load(args.train)
    DATA["test"] = load(args.test)
    one_blas_thread()
    variants = [v for v in args.variants.split(",") if v]
    runners = {"threads": lambda: run_in_process(args.jobs), "journal": lambda: run_journal(args.jobs), "pool": lambda: run_pool(args.jobs)}
    for v in variants:
        if v not in runners:
            ap.error("unknown variant %r (threads, journal, pool)" % v)

    out = {
        "peer": "optuna GridSampler + scikit-learn MLPClassifier (sgd)",
        "grid": {"lr": LEARNING_RATES, "batch": BATCH_SIZES, "net": NETWORKS, "epochs": EPOCHS, "activation": "tanh"},
        "data": {"train": len(DATA["train"][1]), "test": len(DATA["test"][1])},
        "cpu_count": os.cpu_count(),
        "jobs": args.jobs,
        "versions": {
            "python": platform.python_version(),
            "optuna": optuna.__version__,
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
            "threadpools": sorted(
                {"%s %s" % (i.get("internal_api"), i.get("version") or "") for i in threadpoolctl.threadpool_info()}
            ),
        },
    }
    if not args.skip_one:
        print("peer: 1 job ...", file=sys.stderr, flush=True)
        out["one_job"] = run_in_process(1)
        print("peer: 1 job: %.2f trials/s" % out["one_job"]["trials_per_second"], file=sys.stderr, flush=True)
    out["n_jobs"] = {}
    for v in variants:
        print("peer: %d jobs (%s) ..." % (args.jobs, v), file=sys.stderr, flush=True)
        out["n_jobs"][v] = runners[v]()
        print("peer: %d jobs (%s): %.2f trials/s" % (args.jobs, v, out["n_jobs"][v]["trials_per_second"]), file=sys.stderr, flush=True)
    if out["n_jobs"]:
        fastest = max(out["n_jobs"], key=lambda v: out["n_jobs"][v]["trials_per_second"])
        out["peer_figure"] = {
            "variant": fastest,
            "jobs": args.jobs,
            "trials_per_second": out["n_jobs"][fastest]["trials_per_second"],
        }
        if "one_job" in out:
            out["peer_figure"]["scaling"] = round(
                out["peer_figure"]["trials_per_second"] / (args.jobs * out["one_job"]["trials_per_second"]), 3
            )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
