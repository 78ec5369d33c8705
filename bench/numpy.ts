/**
 * The `numpy` contender: each workload's NumpyTwin is timed inside one Python process, with
 * the same policy as the JS contenders (harness.ts TIMING), using time.perf_counter.
 *
 * NumPy runs single-threaded, as every JS contender does: OPENBLAS_NUM_THREADS,
 * OMP_NUM_THREADS and MKL_NUM_THREADS are 1 in the subprocess. OPENBLAS_CORETYPE and
 * OPENBLAS_L2_SIZE, which this workplace sets on some processors for old OpenBLAS builds and
 * which slow a current one, are removed together from that subprocess's environment only;
 * the BLAS kernel OpenBLAS then picks is reported (threadpoolctl when installed, otherwise
 * OpenBLAS's own openblas_get_corename through ctypes).
 *
 * The interpreter is $BENCH_PYTHON, else the first of python3, /usr/bin/python3 that imports
 * numpy. No interpreter with numpy: the contender is skipped with a note.
 */
import { spawnSync } from "node:child_process";
import type { Checksum, NumpyTwin, TimingOptions } from "./harness.js";

export interface NumpyJob {
  id: string;
  twin: NumpyTwin;
}

export interface NumpyInfo {
  python: string;
  pythonVersion: string;
  numpyVersion: string;
  /** threadpoolctl's view of the BLAS libraries loaded, or the ctypes fallback's. */
  blas: unknown;
  /** Environment changes made for the subprocess. */
  env: Record<string, string | null>;
}

export interface NumpyResult {
  id: string;
  medianMs?: number;
  minMs?: number;
  maxMs?: number;
  p10Ms?: number;
  p90Ms?: number;
  samples?: number;
  batch?: number;
  check?: Checksum;
  error?: string;
}

/** Python twin of harness.ts: same data, same timing policy, same checksum. */
const PY = String.raw`
import json, sys, time, os, platform
import numpy as np

def filled(shape, seed):
    """Twin of harness.ts filled(): x[i] = ((i*2654435761 + seed*40503) mod 2^32) / 2^32."""
    size = int(np.prod(shape))
    i = np.arange(size, dtype=np.int64)
    x = ((i * 2654435761 + seed * 40503) % 4294967296).astype(np.float64) / 4294967296.0
    return x.reshape(shape)

def checksum(r):
    v = np.asarray(r, dtype=np.float64).ravel()
    w = (np.arange(v.size) % 7 + 1).astype(np.float64)
    return {"count": int(v.size), "s": float(np.dot(v, w)), "scale": float(np.dot(np.abs(v), w))}

def blas_info():
    try:
        import threadpoolctl
        return {"source": "threadpoolctl", "libraries": threadpoolctl.threadpool_info()}
    except ImportError:
        pass
    # Fallback: find the loaded OpenBLAS and ask it (what threadpoolctl does underneath).
    import ctypes
    libs = set()
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                p = line.split()[-1]
                name = p.rsplit("/", 1)[-1].lower()
                if ("blas" in name or "lapack" in name or "mkl" in name) and ".so" in name:
                    libs.add(p)
    except OSError:
        pass
    out = []
    for p in sorted(libs):
        entry = {"filepath": p, "internal_api": "openblas" if "openblas" in p.lower() else p.rsplit("/", 1)[-1]}
        if "openblas" not in p.lower():
            out.append(entry)
            continue
        try:
            lib = ctypes.CDLL(p)
            for prefix in ("", "scipy_", "scipy_openblas64_", "scipy_openblas_"):
                for name in ("openblas_get_corename", prefix + "openblas_get_corename64_", prefix + "openblas_get_corename"):
                    fn = getattr(lib, name, None)
                    if fn is not None:
                        fn.restype = ctypes.c_char_p
                        entry["architecture"] = fn().decode()
                        break
                if "architecture" in entry:
                    break
        except OSError as e:
            entry["error"] = str(e)
        out.append(entry)
    return {"source": "ctypes (threadpoolctl not installed)", "libraries": out}

def measure(fn, t):
    now = time.perf_counter
    calls, first = 0, None
    w0 = now()
    def warming():
        e = now() - w0
        return calls == 0 or e < t["warmupSeconds"] or (calls < t["warmupMinCalls"] and e < t["maxSeconds"])
    while warming():
        r = fn()
        if calls == 0:
            first = checksum(r)
        calls += 1
    per_call = (now() - w0) / calls
    batch = max(1, int(np.ceil(t["minSampleSeconds"] / max(per_call, 1e-9))))
    times = []
    t0 = now()
    def sampling():
        e, k = now() - t0, len(times)
        return k == 0 or (k < t["maxSamples"] and (e < t["targetSeconds"] or (k < t["minSamples"] and e < t["maxSeconds"])))
    while sampling():
        s0 = now()
        for _ in range(batch):
            r = fn()
        times.append((now() - s0) / batch * 1e3)
    return {"medianMs": float(np.median(times)), "minMs": min(times), "maxMs": max(times),
            "p10Ms": float(np.quantile(times, 0.1)), "p90Ms": float(np.quantile(times, 0.9)),
            "samples": len(times), "batch": batch, "check": first}

def main():
    spec = json.load(sys.stdin)
    info = {"pythonVersion": platform.python_version(), "numpyVersion": np.__version__, "blas": blas_info()}
    results = []
    for job in spec["jobs"]:
        env = {"np": np, "filled": filled}
        try:
            exec(job["setup"], env)
            fn = eval("lambda: " + job["run"], env)
            res = measure(fn, spec["timing"])
            res["id"] = job["id"]
        except Exception as e:
            res = {"id": job["id"], "error": type(e).__name__ + ": " + str(e)}
        results.append(res)
        print("numpy: " + job["id"], file=sys.stderr, flush=True)
    json.dump({"info": info, "results": results}, sys.stdout)

main()
`;

/** The environment NumPy runs in: single-threaded, without this workplace's OpenBLAS overrides. */
function pythonEnv(): { env: NodeJS.ProcessEnv; changes: Record<string, string | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const changes: Record<string, string | null> = {};
  for (const k of ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"]) {
    if (k in env) changes[k] = null; // removed (both together, as the environment notes ask)
    delete env[k];
  }
  for (const k of ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"]) {
    env[k] = "1";
    changes[k] = "1";
  }
  return { env, changes };
}

/** The interpreters tried, in order. */
export const PYTHON_CANDIDATES = process.env.BENCH_PYTHON ? [process.env.BENCH_PYTHON] : ["python3", "/usr/bin/python3"];

/** The first interpreter that imports numpy, or undefined. */
export function findPython(): string | undefined {
  for (const py of PYTHON_CANDIDATES) {
    const r = spawnSync(py, ["-c", "import numpy"], { stdio: "ignore" });
    if (r.status === 0) return py;
  }
  return undefined;
}

/**
 * Time every job in one Python process (quiet: without its progress lines on stderr). Throws
 * only on a failure of the process itself.
 */
export function runNumpy(python: string, jobs: NumpyJob[], timing: TimingOptions, quiet = false): { info: NumpyInfo; results: NumpyResult[] } {
  const { env, changes } = pythonEnv();
  const input = JSON.stringify({ timing, jobs: jobs.map((j) => ({ id: j.id, setup: j.twin.setup, run: j.twin.run })) });
  const r = spawnSync(python, ["-c", PY], { input, env, encoding: "utf8", stdio: ["pipe", "pipe", quiet ? "ignore" : "inherit"], maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`numpy: ${python} exited with ${r.status ?? r.signal}`);
  const out = JSON.parse(r.stdout) as { info: Omit<NumpyInfo, "python" | "env">; results: NumpyResult[] };
  return { info: { python, ...out.info, env: changes }, results: out.results };
}
