/**
 * The JS peers, loaded once and set up the same way for every workload file.
 *
 *   ml-matrix        Matrix of rows of JS numbers (float64); row-vector ops work in place
 *   mathjs           DenseMatrix of nested JS arrays (float64); element-wise ops broadcast
 *   tfjs             @tensorflow/tfjs-core + the pure-JS cpu backend (never tfjs-node); tensors
 *                    are float32 only (tfjs has no float64), and must be disposed
 *   tfjs-wasm        the same core on @tensorflow/tfjs-backend-wasm (XNNPACK compiled to
 *                    WebAssembly SIMD, its .wasm files shipped inside the npm package), one
 *                    thread; switched to by `useTfWasm()` in a contender's setup
 *   numpy-ts         NumPy's API over typed arrays, with WebAssembly kernels compiled into the
 *                    package (no init call: the modules instantiate synchronously on import);
 *                    results live in WASM memory and are disposed after each sample
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setThreadsCount } from "@tensorflow/tfjs-backend-wasm";

export { Matrix } from "ml-matrix";
export * as math from "mathjs";
export * as nts from "numpy-ts";
export { tf };

// PROD silences tfjs's "install tfjs-node" banner and its debug checks, as a deployed app runs.
tf.env().set("PROD", true);
await tf.setBackend("cpu");
await tf.ready();

/** Switch tfjs to its WebAssembly backend, on one thread like every contender here (resolves when ready). */
export async function useTfWasm(): Promise<void> {
  setThreadsCount(1);
  if (!(await tf.setBackend("wasm"))) throw new Error("peers: tfjs's wasm backend failed to initialise");
  await tf.ready();
}

/** The installed version of each peer (from its package.json). */
export function peerVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const out: Record<string, string> = {};
  for (const name of ["ml-matrix", "mathjs", "@tensorflow/tfjs-core", "@tensorflow/tfjs-backend-cpu", "@tensorflow/tfjs-backend-wasm", "numpy-ts"]) {
    try {
      // the package.json path, found through the package's own main entry
      const main = require.resolve(name);
      const at = main.lastIndexOf(`node_modules/${name}/`);
      const pkg = JSON.parse(readFileSync(`${main.slice(0, at)}node_modules/${name}/package.json`, "utf8")) as { version: string };
      out[name] = pkg.version;
    } catch {
      out[name] = "not installed";
    }
  }
  return out;
}
