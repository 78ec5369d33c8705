"""Generate print.fixtures.json: NumPy's repr and str of many arrays, for print.test.ts.

Regenerate (NumPy 1.24, as Debian 12's python3-numpy; other versions differ, e.g. NumPy >= 2.2
adds shape=... to the repr of summarised arrays):

    apt-get install -y python3-numpy
    cd packages/ndarray/src && /usr/bin/python3 print.fixtures.py

Each case stores an array and the options to print it with:
  dtype   float64 | float32 | int32 | bool | complex128 (NumPy's int64 is printed for int32:
          Sliderule's int32 stands in for NumPy's default integer, so both print without dtype;
          where NumPy does name it, for empty arrays, "dtype=int64" is replaced by "dtype=int32")
  shape   the C-order shape of `data` (or of the generated values)
  data    flat values; complex as [re, im]; "nan", "inf", "-inf" for non-finite floats
  arange  instead of data, [start, step]: value i is i * step + start (in float64, then cast)
  transpose  if true, the printed array is the transpose (a strided view) of the stored one
  options    print options (NumPy's names: precision, threshold, edgeitems, linewidth,
             suppress, floatmode, sign)
  repr, str  NumPy's output
"""
import json
import math

import numpy as np

assert np.__version__.startswith("1.24"), f"fixtures are for NumPy 1.24, got {np.__version__}"

NP_DTYPE = {"float64": np.float64, "float32": np.float32, "int32": np.int64, "bool": np.bool_, "complex128": np.complex128}
cases = []


def enc(x):
    if isinstance(x, (complex, np.complexfloating)):
        return [enc(x.real), enc(x.imag)]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def add(name, a, dtype=None, options=None, transpose=False, arange=None):
    """Record NumPy's repr and str of `a` (cast to `dtype`), printed with `options`."""
    dtype = dtype or {"f": "float64", "i": "int32", "b": "bool", "c": "complex128"}[np.asarray(a).dtype.kind]
    a = np.asarray(a, dtype=NP_DTYPE[dtype])
    shown = a.T if transpose else a
    with np.printoptions(**(options or {})):
        case = {"name": name, "dtype": dtype, "shape": list(a.shape)}
        if arange is not None:
            case["arange"] = arange
        else:
            case["data"] = [enc(v) for v in a.ravel()]
        if transpose:
            case["transpose"] = True
        if options:
            case["options"] = options
        # the one deliberate difference: an empty integer array names its dtype, ours is int32
        case["repr"] = repr(shown).replace("dtype=int64", "dtype=int32")
        case["str"] = str(shown)
    cases.append(case)


def add_arange(name, shape, start, step, dtype="float64", options=None):
    n = int(np.prod(shape))
    a = (np.arange(n, dtype=np.float64) * step + start).reshape(shape)
    add(name, a, dtype, options, arange=[start, step])


# ---------------------------------------------------------------- hand-picked cases
add("floats 2x2", [[1.0, 2.0], [3.0, 4.0]])
add("ints", [1, 2, 3])
add("negative ints of different widths", [[-100, 2, 35], [4, -5, 6000]])
add("bools", [True, False])
add("complex", [1 + 2j, -1j])
add("complex mixed widths", [1.5 + 2j, -0.25 - 100j, 3j])
add("float32", [1.0, 2.5, 0.1], "float32")
add("float32 exp", [1e-5, 1.2345678e-7], "float32")
add("float32 pi", [np.pi, -np.e], "float32")
add("0-d float", 5.0)
add("0-d float small", 1e-20)
add("0-d float big", 1e20)
add("0-d float 1e16", 1e16)
add("0-d float tenth", 0.1)
add("0-d negative zero", -0.0)
add("0-d nan", float("nan"))
add("0-d -inf", float("-inf"))
add("0-d int", 7)
add("0-d bool", True)
add("0-d complex", 1 + 2j)
add("0-d complex imaginary", 2j)
add("0-d complex negative real zero", complex(-0.0, 1.0))
add("0-d complex nan", complex(float("nan"), float("inf")))
add("0-d complex small", complex(1e-20, -3e17))
add("0-d float32", 0.1, "float32")
add("empty float", np.zeros(0))
add("empty 0x3", np.zeros((0, 3)))
add("empty 2x0 float32", np.zeros((2, 0)), "float32")
add("empty 3x0x2 int", np.zeros((3, 0, 2), dtype=np.int64))
add("empty bool", np.zeros(0, dtype=bool))
add("empty int", np.zeros(0, dtype=np.int64))
add("integral floats", [0.0, 1.0, -2.0, 100.0])
add("negative zero", [-0.0, 0.0])
add("nan and inf", [float("nan"), 1.5, float("-inf")])
add("only nan", [float("nan"), float("nan")])
add("inf only", [float("inf"), float("-inf")])
add("nan with ints-valued", [float("nan"), 1.0, 2.0])
add("scientific: max >= 1e8", [1e8, 1.0])
add("scientific: min < 1e-4", [1e-5, 1.0])
add("scientific: ratio > 1e3", [0.001, 1.5, 2000.0])
add("positional: ratio = 1e3", [0.001, 1.0])
add("scientific with 3-digit exponents", [1e-300, 1e200, -5.5])
add("scientific with nan and inf", [1e-10, float("nan"), float("-inf"), 1.0])
add("big integral float", [123456789.0])
add("precision cutoff", [1 / 3, 2 / 3, 1e-9 + 1])
add("rounding to 8 places", [0.123456785, 0.999999999, 9.9999999999])
add("float tenths", [0.1, 0.2, 0.30000000000000004])
add("subnormal", [5e-324, 1.0])
add("max float", [np.finfo(np.float64).max, -np.finfo(np.float64).tiny])
add("float32 extremes", [np.finfo(np.float32).max, np.finfo(np.float32).tiny, 1.0], "float32")
add("complex nan inf", [complex(1, float("inf")), complex(float("nan"), 2), complex(-1, float("nan"))])
add("complex scientific imag", [1 + 1e-9j, 2 + 3j])
add("complex integral", [complex(1, 0), complex(0, 0), complex(-3, 4)])
add("3-D", np.arange(24.0).reshape(2, 3, 4))
add("4-D", np.arange(16).reshape(2, 2, 2, 2))
add("3-D bool", np.arange(12).reshape(3, 2, 2) % 3 == 0)
add("long row wraps", np.arange(24.0) / 7)
add("long int row wraps", np.arange(40) * 12345)
add("long complex row", (np.arange(12) + 1j * np.arange(12)[::-1]) / 3)
add("wide matrix wraps", np.arange(30.0).reshape(2, 15) * 1.25)
add("float32 matrix dtype on new line", np.arange(14.0).reshape(2, 7) / 3, "float32")
add("float32 long row dtype", np.arange(11.0) / 3, "float32")
add("int transposed view", np.arange(12).reshape(3, 4), transpose=True)
add("float transposed view", np.arange(6.0).reshape(2, 3) / 4, transpose=True)
add_arange("summarised 1-D", [2000], 0.0, 1.0)
add_arange("summarised 2-D", [2, 1000], 0.0, 1.0)
add_arange("summarised 3-D", [10, 10, 11], -5.0, 0.01)
add_arange("summarised float32", [1001], 0.5, 0.25, "float32")
add_arange("not summarised at threshold 30", [30], 0.0, 1.0, options={"threshold": 30})
add_arange("summarised above threshold 30", [31], 0.0, 1.0, options={"threshold": 30})
add_arange("summarised int", [40, 30], -600.0, 1.0, "int32")
add_arange("summarised bool-ish complex", [1001], 0.0, 1.0, "complex128")

# options
add("precision 3", [1 / 3, 2 / 3, 10.0], options={"precision": 3})
add("precision 0", [1.5, 2.5, -0.4], options={"precision": 0})
add("suppress", [1e-10, 1.0, 123456.0], options={"suppress": True})
add("suppress big", [1e-10, 1e9], options={"suppress": True})
add("linewidth 20", np.arange(10.0), options={"linewidth": 20})
add("linewidth 1", [1, 2, 3], options={"linewidth": 1})
add("threshold 5 edgeitems 1", np.arange(20).reshape(4, 5), options={"threshold": 5, "edgeitems": 1})
add("threshold 10 edgeitems 2 3-D", np.arange(60.0).reshape(3, 4, 5), options={"threshold": 10, "edgeitems": 2})
add("threshold 0", [1.0, 2.0], options={"threshold": 0})
add("edgeitems 0", np.arange(10), options={"threshold": 3, "edgeitems": 0})
add("floatmode fixed", [1.0, 0.5, 1 / 3], options={"floatmode": "fixed", "precision": 4})
add("floatmode unique", [1 / 3, 0.5], options={"floatmode": "unique"})
add("floatmode maxprec_equal", [1.0, 0.5, 0.125], options={"floatmode": "maxprec_equal"})
add("floatmode fixed exp", [1e-9, 1.0], options={"floatmode": "fixed", "precision": 3})
add("sign +", [1.0, -2.5, 0.0], options={"sign": "+"})
add("sign space", [1.0, 2.5], options={"sign": " "})
add("sign space with negative", [1.0, -2.5], options={"sign": " "})
add("sign + nan inf", [float("nan"), float("inf"), 1.0], options={"sign": "+"})
add("sign + complex", [1 - 2j, 3j], options={"sign": "+"})

# ---------------------------------------------------------------- random cases
rng = np.random.default_rng(20240601)


def random_values(kind, n):
    if kind == "int32":
        return rng.integers(-10 ** int(rng.integers(1, 8)), 10 ** int(rng.integers(1, 8)), n)
    if kind == "bool":
        return rng.random(n) < 0.5
    scale = 10.0 ** rng.integers(-12, 12)
    style = rng.integers(0, 5)
    if style == 0:
        x = rng.standard_normal(n) * scale
    elif style == 1:
        x = np.round(rng.standard_normal(n) * 100, int(rng.integers(0, 4)))
    elif style == 2:
        x = rng.standard_normal(n) * 10.0 ** rng.integers(-6, 10, n)
    elif style == 3:
        x = rng.integers(-50, 50, n).astype(float)
    else:
        x = rng.random(n)
    if rng.random() < 0.2 and n > 0:
        x[rng.integers(0, n, 2)] = rng.choice([np.nan, np.inf, -np.inf, 0.0, -0.0], 2)
    if kind == "complex128":
        with np.errstate(invalid="ignore"):
            return x + 1j * random_values("float64", n)
    return x


for i in range(90):
    kind = rng.choice(["float64", "float64", "float32", "int32", "bool", "complex128"])
    ndim = int(rng.integers(0, 5))
    shape = [int(d) for d in rng.integers(1, 6 if ndim < 2 else 4 if ndim < 3 else 3, ndim)]
    n = int(np.prod(shape))
    a = np.asarray(random_values(kind, n)).reshape(shape)
    options = {}
    if rng.random() < 0.3:
        options["threshold"] = int(rng.integers(1, 40))
        options["edgeitems"] = int(rng.integers(1, 4))
    if rng.random() < 0.2:
        options["precision"] = int(rng.integers(0, 12))
    if rng.random() < 0.15:
        options["linewidth"] = int(rng.integers(10, 120))
    if rng.random() < 0.1:
        options["suppress"] = True
    add(f"random {i}", a, kind, options or None, transpose=bool(ndim >= 2 and rng.random() < 0.2))

with open("print.fixtures.json", "w") as f:
    f.write('{"numpy_version": "%s", "cases": [\n' % np.__version__)
    f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in cases))
    f.write("\n]}\n")
print(len(cases), "cases")
