"""Optuna's TPE on the Branin function: the reference for nnplay's TPE (src/search/tests.rs).

Branin on x1 in [-5, 10], x2 in [0, 15] (global minimum 0.397887), seeds
1..=20, 50 trials each. Prints as JSON, for each sampler, each seed's best
value after 40 and after 50 trials and their means:
  "independent":      TPESampler(seed=s, multivariate=False), one trial at a
                      time: the per-dimension TPE nnplay implements (Optuna's
                      default before 5.0);
  "default":          TPESampler(seed=s), one trial at a time: Optuna's default
                      (multivariate since 5.0);
  "independent_lag8": the independent TPE with 8 trials in flight as on the
                      page: trial k is asked once trials 0 .. k - 8 are told
                      (running trials count as bad, Optuna's constant_liar);
  "random":           RandomSampler(seed=s);
and how often "independent_lag8" beats "random" after 40 trials. All other
settings are Optuna's defaults (10 startup trials, 24 candidates,
gamma(n) = min(ceil(0.1 n), 25), prior weight 1, magic clip).

    scripts/search-reference.sh       # sets up the venv and runs this
"""

import json
import math

import optuna

SEEDS = range(1, 21)
TRIALS = 50
LAG = 8


def branin(x1, x2):
    b = 5.1 / (4 * math.pi**2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1**2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def values(sampler, lag):
    """Each trial's objective, in trial order; trial k is asked once trials 0 .. k - lag are told."""
    study = optuna.create_study(sampler=sampler)
    running = []
    for k in range(TRIALS):
        while running and running[0][0].number <= k - lag:
            study.tell(*running.pop(0))
        trial = study.ask()
        running.append((trial, branin(trial.suggest_float("x1", -5, 10), trial.suggest_float("x2", 0, 15))))
    for trial, value in running:
        study.tell(trial, value)
    return [trial.value for trial in study.trials]


def bests(make_sampler, lag=1):
    runs = [values(make_sampler(seed), lag) for seed in SEEDS]
    out = {}
    for n in (40, TRIALS):
        best = [min(run[:n]) for run in runs]
        out[f"mean_{n}"] = sum(best) / len(best)
        out[f"best_{n}"] = best
    return out


optuna.logging.set_verbosity(optuna.logging.WARNING)
figures = {
    "independent": bests(lambda s: optuna.samplers.TPESampler(seed=s, multivariate=False)),
    "default": bests(lambda s: optuna.samplers.TPESampler(seed=s)),
    "independent_lag8": bests(lambda s: optuna.samplers.TPESampler(seed=s, multivariate=False), LAG),
    "random": bests(lambda s: optuna.samplers.RandomSampler(seed=s)),
}
wins = sum(a < b for a, b in zip(figures["independent_lag8"]["best_40"], figures["random"]["best_40"]))
print(json.dumps({"optuna": optuna.__version__, "seeds": [1, 20], "lag8_wins_over_random_40": wins, **figures}, indent=1))
