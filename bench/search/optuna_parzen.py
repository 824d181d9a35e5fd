"""Optuna's Parzen estimator on a few fixed observations: the reference for
src/search/parzen.rs's tests. Prints ln l(x) at the tested points, with TPE's
default parameters (prior weight 1, magic clip, no endpoints, default_weights).

    scripts/search-reference.sh       # sets up the venv and runs this
"""

import json

import numpy as np
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

PARAMETERS = _ParzenEstimatorParameters(
    prior_weight=1.0,
    consider_magic_clip=True,
    consider_endpoints=False,
    weights=default_weights,
    multivariate=False,
)
CASES = {
    "real": (FloatDistribution(0, 1), [0.2, 0.5, 0.6], [0.1, 0.55, 0.9]),
    "real log": (FloatDistribution(1e-3, 1, log=True), [0.01, 0.02, 0.5], [0.005, 0.1]),
    "int": (IntDistribution(1, 10), [2, 3, 9], [1, 3, 10]),
    "int log": (IntDistribution(1, 100, log=True), [2, 30], [1, 25, 100]),
    "choice": (CategoricalDistribution([0, 1, 2]), [0, 0, 2], [0, 1, 2]),
    "no observation": (FloatDistribution(0, 1), [], [0.3]),
    "30 observations": (FloatDistribution(0, 1), [((i * 7) % 30 + 0.5) / 30 for i in range(30)], [0.05, 0.33]),
}


def log_density(distribution, observed, at):
    estimator = _ParzenEstimator({"x": np.array(observed, dtype=float)}, {"x": distribution}, PARAMETERS)
    return [float(v) for v in estimator.log_pdf({"x": np.array(at, dtype=float)})]


print(json.dumps({name: log_density(*case) for name, case in CASES.items()}, indent=1))
