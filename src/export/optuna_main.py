

# ------------------------------------------------------------------ the study --

import optuna  # noqa: E402

SETTING_ORDER = ["lr", "batch", "layers", "neurons", "net", "act", "opt", "reg", "rr", "drop",
                 "init", "in", "sched"]


def suggest(trial):
    """The trial's values: {setting: value}, input features as the list switched on."""
    values = {}
    for d in SPACE:
        if d["type"] == "float":
            v = trial.suggest_float(d["name"], d["low"], d["high"], log=d["log"])
        elif d["type"] == "int":
            v = trial.suggest_int(d["name"], d["low"], d["high"], log=d["log"])
        else:
            v = trial.suggest_categorical(d["name"], d["choices"])
        if d["setting"] == "in":
            values.setdefault("in", {})[d["feature"]] = v
        else:
            values[d["setting"]] = v
    return values


def apply(base, values):
    """The setup with a trial's values, as nnplay's search::space::Space::config; None when
    no input feature is left."""
    s = copy.deepcopy(base)
    if "in" in values:
        listed = values["in"]
        on = [f for f in s["features"] if f not in listed] + [f for f, v in listed.items() if v]
        s["features"] = [f for f in FEATURE_ORDER if f in on]
        if not s["features"]:
            return None
    layers, neurons = values.get("layers"), values.get("neurons")
    if layers is not None or neurons is not None:
        n = len(s["hidden"]) if layers is None else int(layers)
        last = s["hidden"][-1] if s["hidden"] else 4
        hidden = [s["hidden"][l] if l < len(s["hidden"]) else last for l in range(n)]
        if neurons is not None:
            hidden = [int(neurons)] * n
        s["hidden"] = hidden
    for key in SETTING_ORDER:
        if key not in values:
            continue
        v = values[key]
        if key == "lr":
            s["learning_rate"] = float(v)
        elif key == "batch":
            s["batch_size"] = int(v)
        elif key == "net":
            s["hidden"] = [int(n) for n in v.split(",")]
        elif key == "act":
            s["activation"], s["layer_activations"] = v, []
        elif key == "opt":
            s["optimizer"], s["optimizer_params"] = v, {}
        elif key == "reg":
            s["regularization"] = v
        elif key == "rr":
            s["regularization_rate"] = float(v)
        elif key == "drop":
            s["dropout"] = [float(v)] * len(s["hidden"])
        elif key == "init":
            s["init"] = v
        elif key == "sched":
            s["schedule"] = dict(SCHEDULE_DEFAULTS[v])
    return s


def objective_value(scores):
    return {"val": scores.get("validation_loss"), "test": scores.get("test_loss"),
            "acc": scores.get("test_accuracy"), "f1": scores.get("test_f1"),
            "r2": scores.get("test_r2")}[OBJECTIVE]


def objective(trial, epochs):
    s = apply(SETUP, suggest(trial))
    if s is None:
        raise ValueError("no input feature is switched on")
    values = []
    for r in range(REPEATS):
        def report(epoch, scores, first=(r == 0)):
            # The first repeat reports at the check epochs; the pruner compares it there.
            if first and epoch in CHECKS:
                trial.report(objective_value(scores), epoch)
                if trial.should_prune():
                    raise optuna.TrialPruned()
        scores = train(s, epochs, None, seed=s["seed"] + r, log=lambda *a, **k: None, report=report)
        values.append(objective_value(scores))
    return sum(values) / len(values)


def sampler_of(seed):
    if STRATEGY == "grid":
        return optuna.samplers.GridSampler(GRID, seed=seed)
    if STRATEGY == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    return optuna.samplers.TPESampler(n_startup_trials=10, n_ei_candidates=24, seed=seed, constant_liar=True)


def pruner_of():
    if PRUNER == "median":
        return optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=0)
    if PRUNER == "halving":
        return optuna.pruners.SuccessiveHalvingPruner(
            min_resource=CHECKS[0] if CHECKS else 1, reduction_factor=3, min_early_stopping_rate=0)
    return optuna.pruners.NopPruner()


def main():
    ap = argparse.ArgumentParser(description="Run (or join) nnplay's search as an Optuna study.")
    ap.add_argument("--storage", default="sqlite:///nnplay-study.db",
                    help="the study's storage: an RDB URL (default %(default)s); processes and "
                         "machines given the same storage and study name share one study")
    ap.add_argument("--study-name", default=STUDY_NAME, help="default %(default)s")
    ap.add_argument("--trials", type=int, default=TRIALS,
                    help="the study's trials in all (default %(default)s); this process stops when "
                         "the study has that many finished or pruned trials")
    ap.add_argument("--epochs", type=int, default=TRIAL_EPOCHS, help="epochs per trial (default %(default)s)")
    ap.add_argument("--seed", type=int, default=SEARCH_SEED,
                    help="the sampler's seed (default %(default)s): give each process its own")
    args = ap.parse_args()
    study = optuna.create_study(storage=args.storage, study_name=args.study_name, load_if_exists=True,
                                direction=DIRECTION, sampler=sampler_of(args.seed), pruner=pruner_of())
    done = optuna.study.MaxTrialsCallback(
        args.trials, states=(optuna.trial.TrialState.COMPLETE, optuna.trial.TrialState.PRUNED))
    study.optimize(lambda trial: objective(trial, args.epochs), n_trials=args.trials,
                   callbacks=[done], catch=(ValueError,))
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    print(f"study {args.study_name}: {len(study.trials)} trials, {len(complete)} complete")
    if complete:
        print(f"best {OBJECTIVE} {study.best_value:.6f} with {study.best_params}")


if __name__ == "__main__":
    main()
