/**
 * The golden-case registry of @sliderule/ml: scikit-learn's and SciPy's names, as in
 * cases/ml.json (cases/FORMAT.md, "The ml family"), mapped to our estimators and functions.
 * An estimator op fits a new estimator built from the case's keyword arguments and returns
 * what the case's `expected` lists, in that order.
 */
import type { OpRegistry } from "../../../ndarray/test/golden/harness.js";
import { mlModelOps } from "./ops-models.js";
import { mlNetworkOps } from "./ops-networks.js";

export const mlOps: OpRegistry = { ...mlModelOps, ...mlNetworkOps };
