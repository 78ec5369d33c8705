/**
 * Copies and checks on float64 blocks in WebAssembly memory (AssemblyScript), for moving
 * matrices between the layouts of NDArrays (row-major, any strides) and linalg's column-major
 * resident workspaces. The bridge is copy.wasm.ts; the TypeScript equivalents (and the spec)
 * are linalg's loadMatrix/storeMatrix and ndarray's copyStrided.
 *
 *   dcopy2d     dst[i·dRs + j·dCs] = src[i·sRs + j·sCs] for an m×n block, in TILE×TILE tiles,
 *               so that a transposing copy reads and writes within a few cache lines
 *   dallFinite  1 when every one of count float64 values is finite, else 0
 */

/** Tile edge of dcopy2d, in elements (32×32 float64 = 8 KiB of each side: L1). */
const TILE: i32 = 32;

/** The m×n block at src (strides sRs, sCs) into the block at dst (dRs, dCs); byte addresses, element strides. */
export function dcopy2d(m: i32, n: i32, src: usize, sRs: i32, sCs: i32, dst: usize, dRs: i32, dCs: i32): void {
  for (let j0 = 0; j0 < n; j0 += TILE) {
    const j1 = min(n, j0 + TILE);
    for (let i0 = 0; i0 < m; i0 += TILE) {
      const i1 = min(m, i0 + TILE);
      for (let j = j0; j < j1; j++) {
        let s = src + (<usize>(i0 * sRs + j * sCs) << 3);
        let d = dst + (<usize>(i0 * dRs + j * dCs) << 3);
        const sStep = <usize>(sRs << 3);
        const dStep = <usize>(dRs << 3);
        for (let i = i0; i < i1; i++) {
          store<f64>(d, load<f64>(s));
          s += sStep;
          d += dStep;
        }
      }
    }
  }
}

/**
 * 1 when x[0:count] holds no NaN or ±Inf, else 0: v − v is 0 exactly for finite v and NaN
 * otherwise, so the sum of the differences is 0 exactly when all are finite. Two f64x2 sums.
 */
export function dallFinite(x: usize, count: i32): i32 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const a = v128.load(x + (<usize>i << 3)), b = v128.load(x + (<usize>i << 3), 16);
    s0 = f64x2.add(s0, f64x2.sub(a, a));
    s1 = f64x2.add(s1, f64x2.sub(b, b));
  }
  const s = f64x2.add(s0, s1);
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < count; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    t += v - v;
  }
  return t == 0 ? 1 : 0;
}
