"""Runs MongoDB's reference E-Divisive (mongodb/signal-processing-algorithms) on synthetic series and
writes mongodb-e-divisive.json, the fixture EDivisiveReferenceTest checks counterbench's detector against.

How it was run (see the "how" field of the fixture for the exact versions):
  git archive <revision> src | tar -x -C /tmp/spa     # the reference implementation, unmodified
  (cd /tmp/spa/src/signal_processing_algorithms/energy_statistics && gcc -O3 -shared -fPIC e_divisive.c -o _e_divisive.so)
                                                       # its C extension, as its build.py compiles it (the module needs it)
  pip install numpy more-itertools structlog          # its runtime dependencies
  PYTHONPATH=/tmp/spa/src python3 mongodb_e_divisive.py REVISION GCC_VERSION > mongodb-e-divisive.json
The series are drawn here (numpy, fixed seeds) and stored in the fixture, so the Java test needs no RNG of its own.
"""
import json
import platform
import sys

import numpy as np
from signal_processing_algorithms.energy_statistics import energy_statistics as es

PVALUE = 0.01
PERMUTATIONS = 999
SE = 0.005  # per-run standard error of the log ratio: 0.5%


def steps(rng, n, levels):
    """n values of noise (sd SE) around a level that changes at the given indices: levels = [(index, log level), ...]."""
    base = np.zeros(n)
    for at, level in levels:
        base[at:] = level
    return base + rng.normal(0.0, SE, n)


def cases():
    out = []
    for k in range(5):
        rng = np.random.default_rng(100 + k)
        out.append(("step2pct-2after-%d" % k, steps(rng, 40, [(38, np.log1p(0.02))])))
    for k in range(5):
        rng = np.random.default_rng(200 + k)
        out.append(("step1pct-5after-%d" % k, steps(rng, 40, [(35, np.log1p(0.01))])))
    for k in range(5):
        rng = np.random.default_rng(300 + k)
        out.append(("noise-%d" % k, steps(rng, 40, [])))
    for k in range(3):
        rng = np.random.default_rng(400 + k)
        out.append(("three-steps-%d" % k, steps(rng, 40, [(10, np.log1p(0.03)), (25, np.log1p(-0.01)), (32, np.log1p(0.02))])))
    return out


def main():
    revision = sys.argv[1]
    result = []
    for i, (name, series) in enumerate(cases()):
        np.random.seed(1000 + i)  # the reference permutes with numpy's global generator
        cps = sorted(int(c) for c in es.e_divisive(series, pvalue=PVALUE, permutations=PERMUTATIONS))
        # the statistic of every split of the whole series, without any randomness: checked value by value
        q = es._calculate_t_stats(es._get_distance_matrix(es._get_valid_input(series)))
        result.append({"name": name, "series": [float(v) for v in series], "changePoints": cps,
                       "q": [float(v) for v in q]})
    how = {
        "implementation": "mongodb/signal-processing-algorithms, src/signal_processing_algorithms/energy_statistics/energy_statistics.py "
                          "e_divisive(series, pvalue=%s, permutations=%d), np.random.seed(1000 + case index) before each case" % (PVALUE, PERMUTATIONS),
        "revision": revision,
        "cExtensionLoaded": bool(es.C_EXTENSION_LOADED),
        "cExtensionBuild": "gcc -O3 -shared -fPIC e_divisive.c -o _e_divisive.so (gcc " + sys.argv[2] + ")",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "command": "PYTHONPATH=/tmp/spa/src python3 results/src/test/resources/trend/mongodb_e_divisive.py " + revision + " " + sys.argv[2],
    }
    json.dump({"how": how, "cases": result}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
