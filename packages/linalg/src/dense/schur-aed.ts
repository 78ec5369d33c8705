/**
 * The real Schur form by the small-bulge multishift QR algorithm with aggressive early
 * deflation (LAPACK dlaqr0 with dlaqr3; the sweeps are schur-multishift.ts's laqr5, the
 * reordering schur-swap.ts's trexc). For large matrices it replaces hessenberg-qr.ts's lahqr,
 * which stays the reference and finishes every small active block.
 *
 *   H = Z·T·Zᵀ     H upper Hessenberg,  Z orthogonal,  T upper quasi-triangular (real Schur form)
 *
 * Aggressive early deflation (AED, Braman, Byers & Mathias part II). Plain deflation waits for
 * a subdiagonal entry to become negligible. AED looks at the trailing jw×jw window of the
 * active block H[ktop..kbot, ktop..kbot] (kwtop = kbot − jw + 1, s = h[kwtop, kwtop−1]):
 *
 *        ⎡ H11  H12  H13 ⎤                                   ⎡ H11  H12·V  H13   ⎤
 *   H =  ⎢ s·e  H22  H23 ⎥   H22 = V·T_w·Vᵀ (lahqr)  ⟹  ⎢ s·Vᵀe  T_w   Vᵀ·H23 ⎥  (similarity diag(I, V))
 *        ⎣  0    0   H33 ⎦                                   ⎣  0     0     H33   ⎦
 *
 * The single entry s of column kwtop−1 becomes the "spike" s·Vᵀe₁ = s·V[0, :]ᵀ. An eigenvalue
 * block λ at the bottom of T_w whose spike entries are negligible (|s·V[0, j]| ≤ ulp·|λ|) has
 * converged: setting them to zero perturbs H by an amount below its rounding errors, and λ
 * deflates — often many eigenvalues at once, long before any subdiagonal entry of H is small.
 * A block that fails the test is moved to the top of the window by swaps of adjacent blocks
 * (trexc), which brings the next candidate to the bottom; so every block of T_w is tested.
 * The undeflated part T_w[0..ns−1] is sorted (largest eigenvalues first, helps graded
 * matrices), its spike folded into one entry by a reflector, and the window returned to
 * Hessenberg form (gehd2Fast); the rows to the right, the columns above and Z are updated by gemm.
 * The undeflated eigenvalues of T_w are the shifts of the next sweep: they approximate the
 * eigenvalues that converge next, and there are plenty of them.
 *
 * The driver (dlaqr0's loop): split at zero subdiagonal entries (set by AED and by laqr5's
 * vigilant deflation); an active block below `minOrder` is finished by lahqr (in place when
 * nothing lies outside it, else on a copy: an AED window covering the whole block, so that
 * gemm carries its transformations to the rest of H and to Z); otherwise AED on a window of
 * about ns+1 rows, and unless AED deflated more than `nibble` percent of its window,
 * one multishift sweep with ns of its undeflated eigenvalues (the smallest in modulus; from a
 * small trailing Schur problem when AED left too few). Without deflations the window grows
 * (every KEXNW iterations) and every KEXSH-th sweep uses exceptional shifts. The iteration cap
 * scales with the order, 30·max(10, nh) sweeps; a failure returns its index (LinAlgError at
 * the caller).
 *
 * On exit: as lahqr — with wantt, T in H (2×2 blocks in standard form); wr, wi the
 * eigenvalues (a pair in (i, i+1) with wi[i] > 0); with wantz, Z[iloz..ihiz, :] := Z·(all
 * transformations). Entries below the subdiagonal may hold garbage (hseqr zeroes them).
 * Invariant: ‖H − Z·T·Zᵀ‖ ≤ c·n·eps·‖H‖, ZᵀZ = I to c·n·eps; the same eigenvalues as lahqr,
 * to within their condition numbers.
 * Cost: AED saves sweeps (a random 200×200 matrix takes 12 sweeps of 22 shifts, about 1.3
 * shifts per eigenvalue against lahqr's 4), and most of the sweeps' flops run in gemm; about
 * 40% of the sweeps' time is the gemm with U, 25% the AED (lahqr on the window and the swaps).
 * Measured (tuning.ts): the Schur form of a 200×200 matrix in ~70% of lahqr's time, 300×300
 * in ~65%; below order ~150 lahqr is faster, hence SCHUR_MULTISHIFT.minOrder.
 * Reference: Braman, Byers & Mathias, "The multishift QR algorithm. Part I: Maintaining
 * well-focused shifts and level 3 performance", "Part II: Aggressive early deflation", SIAM J.
 * Matrix Anal. Appl. 23(4), 929–947 and 948–973, 2002; Kressner, "Numerical Methods for
 * General and Structured Eigenvalue Problems" (2005), §1.5–1.6; LAPACK dlaqr0, dlaqr3, iparmq.
 * Siblings: hessenberg-qr.ts lahqr (small matrices, and the spec); hessenberg-qr-complex.ts
 * zlahqr for complex input; hseqr.ts hseqr chooses between laqr0 and lahqr.
 */
import { ValueError } from "@sliderule/ndarray";
import { larfg, larfLeft, larfRight } from "../primitives/householder.js";
import { SCHUR_MULTISHIFT, type SchurMultishiftTuning } from "../tuning.js";
import { colMajor, gemm, sub } from "@sliderule/ndarray/kernels";
import { show } from "../util/options.js";
import { gehd2Fast, orghr } from "./hessenberg.js";
import { laqr5, multiplyInPlace } from "./schur-multishift.js";
import { trexc } from "./schur-swap.js";
import { lahqr } from "./hessenberg-qr.js";
import { lanv2 } from "./schur-2x2.js";
import { SAFMIN, ULP } from "../machine.js";

/** Below this order laqr0 always defers to lahqr (LAPACK's NTINY). */
const NTINY = 15;
/** Exceptional shifts after KEXSH iterations without a deflation; the window grows after KEXNW. */
const KEXSH = 6;
const KEXNW = 5;
/** The exceptional shifts: the eigenvalues of [a b; c a] with a = h[i,i] + WILK1·s, b = s, c = WILK2·s. */
const WILK1 = 0.75;
const WILK2 = -0.4375;

/** Overrides of {@link SCHUR_MULTISHIFT} (tests, tuning); `{ minOrder: Infinity }` forces lahqr. */
export interface MultishiftOptions {
  /** Blocks of lower order go to lahqr. */
  minOrder?: number;
  /** Skip the sweep when AED deflated more than this percentage of its window. */
  nibble?: number;
  /** The number of simultaneous shifts (even; default by the table of SCHUR_MULTISHIFT). */
  shifts?: number;
  /** The AED window's order (default: the number of shifts). */
  windowSize?: number;
  /** Accumulate each chase step's reflectors and update the far parts by gemm (default: shifts ≥ accumulateMinShifts). */
  accumulate?: boolean;
}

/** The fields of {@link MultishiftOptions}. */
const MULTISHIFT_FIELDS = ["minOrder", "nibble", "shifts", "windowSize", "accumulate"];

/**
 * Check a caller's {@link MultishiftOptions} (a caller's mistake throws ValueError naming `fn`):
 * a plain object of known fields; minOrder, nibble numbers ≥ 0 (minOrder may be Infinity),
 * shifts an even integer ≥ 2, windowSize an integer ≥ 2, accumulate a boolean. Returns them
 * unchanged, or {} for undefined.
 */
export function multishiftOptionsOf(options: { multishift?: MultishiftOptions } | undefined, fn: string): MultishiftOptions {
  const o: unknown = options?.multishift;
  if (o === undefined) return {};
  const proto = o !== null && typeof o === "object" ? Object.getPrototypeOf(o) : undefined;
  if (proto !== Object.prototype && proto !== null) throw new ValueError(`${fn}: option multishift must be an object, got ${show(o)}`);
  const m = o as Record<string, unknown>;
  for (const key of Object.keys(m)) {
    if (!MULTISHIFT_FIELDS.includes(key))
      throw new ValueError(`${fn}: option multishift: unknown field ${show(key)}; its fields are ${MULTISHIFT_FIELDS.join(", ")}`);
  }
  const bad = (what: string, v: unknown): never => {
    throw new ValueError(`${fn}: multishift.${what}, got ${show(v)}`);
  };
  const isNumber = (v: unknown): v is number => typeof v === "number";
  if (m.minOrder !== undefined && !(isNumber(m.minOrder) && m.minOrder >= 0)) bad("minOrder must be a number >= 0", m.minOrder);
  if (m.nibble !== undefined && !(isNumber(m.nibble) && m.nibble >= 0 && Number.isFinite(m.nibble))) bad("nibble must be a finite number >= 0", m.nibble);
  if (m.shifts !== undefined && !(Number.isInteger(m.shifts) && (m.shifts as number) >= 2 && (m.shifts as number) % 2 === 0))
    bad("shifts must be an even integer >= 2", m.shifts);
  if (m.windowSize !== undefined && !(Number.isInteger(m.windowSize) && (m.windowSize as number) >= 2)) bad("windowSize must be an integer >= 2", m.windowSize);
  if (m.accumulate !== undefined && typeof m.accumulate !== "boolean") bad("accumulate must be a boolean", m.accumulate);
  return m as MultishiftOptions;
}

/** The number of simultaneous shifts for a block of order nh (LAPACK iparmq, ISPEC 15). */
export function shiftCount(nh: number, tuning: Readonly<SchurMultishiftTuning> = SCHUR_MULTISHIFT): number {
  let ns = 2;
  for (const { minSize, count } of tuning.shifts) {
    if (nh >= minSize) ns = count > 0 ? count : Math.max(10, Math.floor(nh / Math.round(Math.log2(nh))));
  }
  return Math.max(2, ns - (ns % 2));
}

/**
 * Aggressive early deflation on the trailing window of the active block H[ktop..kbot, ...]
 * (LAPACK dlaqr3; the window's Schur form by lahqr). Returns nd, the number of deflated
 * eigenvalues (now final in wr, wi at kbot−nd+1..kbot, and H split above them), and ns, the
 * number of undeflated window eigenvalues (the shift candidates, in wr, wi at
 * kbot−nd−ns+1..kbot−nd).
 */
export function aed(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ktop: number,
  kbot: number,
  nw: number,
  H: Float64Array,
  ldh: number,
  iloz: number,
  ihiz: number,
  Z: Float64Array,
  ldz: number,
  wr: Float64Array,
  wi: Float64Array,
): { ns: number; nd: number } {
  const jw = Math.min(nw, kbot - ktop + 1);
  const kwtop = kbot - jw + 1;
  const smlnum = SAFMIN * (n / ULP);
  // s: the entry that couples the window to the rest (none when the window is the whole block)
  let s = kwtop === ktop ? 0 : H[kwtop + (kwtop - 1) * ldh];
  if (jw === 1) {
    // a 1×1 window: it deflates if s is negligible against its entry
    wr[kwtop] = H[kwtop + kwtop * ldh];
    wi[kwtop] = 0;
    if (Math.abs(s) <= Math.max(smlnum, ULP * Math.abs(wr[kwtop]))) {
      if (kwtop > ktop) H[kwtop + (kwtop - 1) * ldh] = 0;
      return { ns: 0, nd: 1 };
    }
    return { ns: 1, nd: 0 };
  }

  // 1. T_w = Vᵀ·H22·V: the window's real Schur form by lahqr (V starts as I). If lahqr fails,
  //    rows 0..infqr−1 of T_w are not triangular; they stay undeflated and unsorted.
  const T = new Float64Array(jw * jw);
  const V = new Float64Array(jw * jw);
  for (let j = 0; j < jw; j++) {
    for (let i = 0; i <= Math.min(j + 1, jw - 1); i++) T[i + j * jw] = H[kwtop + i + (kwtop + j) * ldh];
    V[j + j * jw] = 1;
  }
  const infqr = lahqr(true, true, jw, 0, jw - 1, T, jw, wr.subarray(kwtop, kbot + 1), wi.subarray(kwtop, kbot + 1), 0, jw - 1, V, jw);
  for (let j = 0; j < jw; j++) for (let i = j + 2; i < jw; i++) T[i + j * jw] = 0; // trexc needs a clean margin

  // 2. deflation checks from the bottom of T_w; 3. sort the undeflated blocks;
  // 4. the eigenvalues of T_w, from the bottom: deflated ones are final, the rest are shifts
  const ns = deflateWindow(jw, T, V, s, smlnum, infqr);
  if (ns === 0) s = 0;
  if (ns < jw) sortWindow(jw, T, V, infqr, ns);
  windowEigenvalues(jw, T, infqr, kwtop, wr, wi);

  // 5. something deflated (or there is no spike): write the window back. Otherwise H stays as
  //    it was, and T_w served only for the shifts.
  if (ns < jw || s === 0) {
    const tauH = ns > 1 && s !== 0 ? foldSpike(jw, ns, T, V) : null;
    // the window back into H: the new spike s·V[0, 0] (zero over the deflated part), T_w
    if (kwtop > 0) H[kwtop + (kwtop - 1) * ldh] = s * V[0];
    for (let j = 0; j < jw; j++) {
      for (let i = 0; i <= Math.min(j + 1, jw - 1); i++) H[kwtop + i + (kwtop + j) * ldh] = T[i + j * jw];
    }
    if (tauH) {
      // V[:, 1..ns−1] := V[:, 1..ns−1]·Q, Q = gehd2Fast's reflectors (orghr; Q[0, 0] = 1)
      const Q = T.slice();
      orghr(jw, 0, ns - 1, Q, jw, tauH);
      const VQ = new Float64Array(jw * (ns - 1));
      gemm(1, sub(colMajor(V, jw, jw), 0, 1, jw, ns - 1), sub(colMajor(Q, jw, jw), 1, 1, ns - 1, ns - 1), 0, colMajor(VQ, jw, ns - 1));
      V.set(VQ, jw);
    }
    applyWindowOutside(wantt, wantz, n, ktop, kbot, kwtop, jw, V, H, ldh, iloz, ihiz, Z, ldz);
  }
  // (a failed lahqr leaves its top infqr eigenvalues unusable as shifts)
  return { nd: jw - ns, ns: ns - infqr };
}

/**
 * AED stage 2: the deflation checks from the bottom of the window's Schur form T_w (jw×jw,
 * with Schur vectors V): block T_w[ns−1] (or [ns−2..ns−1]) with spike s·V[0, ·]. A converged
 * block stays (ns shrinks); one that is not moves to row ilst, the top of the unexamined part
 * (trexc), bringing the next candidate to the bottom. Returns ns, the undeflated order.
 */
function deflateWindow(jw: number, T: Float64Array, V: Float64Array, s: number, smlnum: number, infqr: number): number {
  const t = (i: number, j: number): number => T[i + j * jw];
  let ns = jw;
  let ilst = infqr;
  while (ilst < ns) {
    const pair = ns > 1 && t(ns - 1, ns - 2) !== 0;
    if (!pair) {
      // a real eigenvalue λ = T_w[ns−1, ns−1]: |s·v| ≤ ulp·|λ|
      let foo = Math.abs(t(ns - 1, ns - 1));
      if (foo === 0) foo = Math.abs(s);
      if (Math.abs(s * V[(ns - 1) * jw]) <= Math.max(smlnum, ULP * foo)) {
        ns -= 1;
      } else {
        ilst = trexc(jw, T, jw, V, jw, ns - 1, ilst).ilst + 1;
      }
    } else {
      // a complex pair a ± ib: both spike entries small against |a| + |b|
      let foo = Math.abs(t(ns - 1, ns - 1)) + Math.sqrt(Math.abs(t(ns - 1, ns - 2))) * Math.sqrt(Math.abs(t(ns - 2, ns - 1)));
      if (foo === 0) foo = Math.abs(s);
      if (Math.max(Math.abs(s * V[(ns - 1) * jw]), Math.abs(s * V[(ns - 2) * jw])) <= Math.max(smlnum, ULP * foo)) {
        ns -= 2;
      } else {
        ilst = trexc(jw, T, jw, V, jw, ns - 1, ilst).ilst + 2;
      }
    }
  }
  return ns;
}

/**
 * AED stage 3: sort the undeflated blocks T_w[infqr..ns−1] by decreasing |λ| (bubble sort by
 * swaps, which copes with a rejected swap by leaving that pair as it is); V follows.
 */
function sortWindow(jw: number, T: Float64Array, V: Float64Array, infqr: number, ns: number): void {
  const t = (i: number, j: number): number => T[i + j * jw];
  const magnitude = (i: number, size: number): number =>
    size === 1 ? Math.abs(t(i, i)) : Math.abs(t(i, i)) + Math.sqrt(Math.abs(t(i + 1, i))) * Math.sqrt(Math.abs(t(i, i + 1)));
  let sorted = false;
  let i = ns;
  while (!sorted) {
    sorted = true;
    const kend = i - 1;
    i = infqr;
    let k = i === ns - 1 || t(i + 1, i) === 0 ? i + 1 : i + 2;
    while (k <= kend) {
      const evi = magnitude(i, k - i);
      const evk = magnitude(k, k === kend || t(k + 1, k) === 0 ? 1 : 2);
      if (evi >= evk) {
        i = k;
      } else {
        sorted = false;
        const r = trexc(jw, T, jw, V, jw, i, k);
        i = r.ok ? r.ilst : k;
      }
      k = i === kend || t(i + 1, i) === 0 ? i + 1 : i + 2;
    }
  }
}

/** AED stage 4: the eigenvalues of T_w[infqr..jw−1] into wr, wi at kwtop + i, from the bottom (lanv2 for each 2×2 block). */
function windowEigenvalues(jw: number, T: Float64Array, infqr: number, kwtop: number, wr: Float64Array, wi: Float64Array): void {
  const t = (i: number, j: number): number => T[i + j * jw];
  for (let i = jw - 1; i >= infqr;) {
    if (i === infqr || t(i, i - 1) === 0) {
      wr[kwtop + i] = t(i, i);
      wi[kwtop + i] = 0;
      i -= 1;
    } else {
      const r = lanv2(t(i - 1, i - 1), t(i - 1, i), t(i, i - 1), t(i, i));
      wr[kwtop + i - 1] = r.rt1r;
      wi[kwtop + i - 1] = r.rt1i;
      wr[kwtop + i] = r.rt2r;
      wi[kwtop + i] = r.rt2i;
      i -= 2;
    }
  }
}

/**
 * AED stage 5a: the reflector P with P·V[0, 0..ns−1]ᵀ = beta·e₁ folds the spike into its
 * first entry: T_w[0..ns−1, :] := P·(…), T_w[:, 0..ns−1] := (…)·P, V := V·P; then
 * T_w[0..ns−1] back to Hessenberg form (gehd2Fast). Returns gehd2Fast's tau.
 */
function foldSpike(jw: number, ns: number, T: Float64Array, V: Float64Array): Float64Array {
  const w = new Float64Array(ns);
  for (let j = 0; j < ns; j++) w[j] = V[j * jw];
  const tau = larfg(ns, w, 0, 1, 1);
  w[0] = 1;
  for (let j = 0; j < jw; j++) for (let i = j + 2; i < jw; i++) T[i + j * jw] = 0;
  const work = new Float64Array(jw);
  larfLeft(ns, jw, w, 0, 1, tau, T, 0, jw);
  larfRight(ns, ns, w, 0, 1, tau, T, 0, jw, work);
  larfRight(jw, ns, w, 0, 1, tau, V, 0, jw, work);
  const tauH = new Float64Array(jw);
  gehd2Fast(jw, 0, ns - 1, T, jw, tauH);
  return tauH;
}

/**
 * AED stage 5b: carry the window's similarity V to the rest of H and to Z, by gemm:
 * H[ltop..kwtop−1, window] := (…)·V, H[window, kbot+1..n−1] := Vᵀ·(…) (with wantt),
 * Z[iloz..ihiz, window] := (…)·V (with wantz).
 */
function applyWindowOutside(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ktop: number,
  kbot: number,
  kwtop: number,
  jw: number,
  V: Float64Array,
  H: Float64Array,
  ldh: number,
  iloz: number,
  ihiz: number,
  Z: Float64Array,
  ldz: number,
): void {
  const Vb = colMajor(V, jw, jw);
  const Hb = colMajor(H, n, n, 0, ldh);
  // the off-window parts by gemm: H[ltop..kwtop−1, window] := (…)·V
  const ltop = wantt ? 0 : ktop;
  if (kwtop > ltop) multiplyInPlace(sub(Hb, ltop, kwtop, kwtop - ltop, jw), Vb, false);
  // H[window, kbot+1..n−1] := Vᵀ·(…)
  if (wantt && kbot < n - 1) multiplyInPlace(sub(Hb, kwtop, kbot + 1, jw, n - 1 - kbot), Vb, true);
  // Z[iloz..ihiz, window] := (…)·V
  if (wantz) multiplyInPlace(sub(colMajor(Z, n, n, 0, ldz), iloz, kwtop, ihiz - iloz + 1, jw), Vb, false);
}

/**
 * Exceptional shifts (dlaqr0's, after KEXSH iterations without a deflation): for each pair of
 * rows from the bottom, the eigenvalues of [a s; WILK2·s a] with s = |h[i,i−1]| + |h[i−1,i−2]|,
 * a = h[i,i] + WILK1·s. Written to wr, wi[ks..kbot]; returns ks = kbot − ns + 1.
 */
function exceptionalShifts(ktop: number, kbot: number, ns: number, H: Float64Array, ldh: number, wr: Float64Array, wi: Float64Array): number {
  const ks = kbot - ns + 1;
  for (let i = kbot; i >= Math.max(ks + 1, ktop + 2); i -= 2) {
    const ss = Math.abs(H[i + (i - 1) * ldh]) + Math.abs(H[i - 1 + (i - 2) * ldh]);
    const aa = WILK1 * ss + H[i + i * ldh];
    const r = lanv2(aa, ss, WILK2 * ss, aa);
    wr[i - 1] = r.rt1r;
    wi[i - 1] = r.rt1i;
    wr[i] = r.rt2r;
    wi[i] = r.rt2i;
  }
  if (ks === ktop) {
    wr[ks + 1] = H[ks + 1 + (ks + 1) * ldh];
    wi[ks + 1] = 0;
    wr[ks] = wr[ks + 1];
    wi[ks] = 0;
  }
  return ks;
}

/**
 * The shifts from AED's undeflated window eigenvalues wr, wi[ks..kbot] (dlaqr0): too few
 * (≤ ns/2) are replaced by the eigenvalues of the trailing ns×ns block (lahqr on a copy; its
 * trailing 2×2 block's if that fails); more than ns are sorted by decreasing modulus, so that
 * the ns smallest sit at the bottom; then they are shuffled into pairs (conjugate pairs
 * together, real shifts two by two). Returns the new ks.
 */
function aedShifts(kbot: number, ks: number, ns: number, H: Float64Array, ldh: number, wr: Float64Array, wi: Float64Array): number {
  if (kbot - ks + 1 <= ns / 2) {
    ks = kbot - ns + 1;
    const B = new Float64Array(ns * ns);
    for (let j = 0; j < ns; j++) for (let i = 0; i < ns; i++) B[i + j * ns] = H[ks + i + (ks + j) * ldh];
    ks += lahqr(false, false, ns, 0, ns - 1, B, ns, wr.subarray(ks, kbot + 1), wi.subarray(ks, kbot + 1), 0, 0, B, 1);
    if (ks >= kbot) {
      const r = lanv2(H[kbot - 1 + (kbot - 1) * ldh], H[kbot - 1 + kbot * ldh], H[kbot + (kbot - 1) * ldh], H[kbot + kbot * ldh]);
      wr[kbot - 1] = r.rt1r;
      wi[kbot - 1] = r.rt1i;
      wr[kbot] = r.rt2r;
      wi[kbot] = r.rt2i;
      ks = kbot - 1;
    }
  }
  if (kbot - ks + 1 > ns) {
    // bubble sort by decreasing |λ| (it keeps conjugate pairs together)
    for (let k = kbot; k >= ks + 1; k--) {
      let sorted = true;
      for (let i = ks; i < k; i++) {
        if (Math.abs(wr[i]) + Math.abs(wi[i]) < Math.abs(wr[i + 1]) + Math.abs(wi[i + 1])) {
          sorted = false;
          let t = wr[i];
          wr[i] = wr[i + 1];
          wr[i + 1] = t;
          t = wi[i];
          wi[i] = wi[i + 1];
          wi[i + 1] = t;
        }
      }
      if (sorted) break;
    }
  }
  for (let i = kbot; i >= ks + 2; i -= 2) {
    if (wi[i] !== -wi[i - 1]) {
      let t = wr[i];
      wr[i] = wr[i - 1];
      wr[i - 1] = wr[i - 2];
      wr[i - 2] = t;
      t = wi[i];
      wi[i] = wi[i - 1];
      wi[i - 1] = wi[i - 2];
      wi[i - 2] = t;
    }
  }
  return ks;
}

/**
 * The real Schur form of the Hessenberg block H[ilo..ihi, ilo..ihi] of the n×n column-major H
 * by the multishift QR algorithm with aggressive early deflation (LAPACK dlaqr0). Arguments
 * and result as {@link lahqr}: returns 0, or i + 1 when eigenvalue i failed to converge.
 */
export function laqr0(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ilo: number,
  ihi: number,
  H: Float64Array,
  ldh: number,
  wr: Float64Array,
  wi: Float64Array,
  iloz: number,
  ihiz: number,
  Z: Float64Array,
  ldz: number,
  options: MultishiftOptions = {},
): number {
  const minOrder = Math.max(NTINY, options.minOrder ?? SCHUR_MULTISHIFT.minOrder);
  const nibble = Math.max(0, options.nibble ?? SCHUR_MULTISHIFT.nibble);
  const nh = ihi - ilo + 1;
  if (nh < minOrder) return lahqr(wantt, wantz, n, ilo, ihi, H, ldh, wr, wi, iloz, ihiz, Z, ldz);

  // the shift count nsr and the window nwr (iparmq), capped so that windows and bulge chains fit
  let nsr = options.shifts ?? shiftCount(nh);
  let nwr = options.windowSize ?? (nh <= 500 ? nsr : Math.floor((3 * nsr) / 2));
  const nwmax = Math.floor((nh - 1) / 3);
  const nsmax = Math.max(2, Math.floor((nh + 6) / 9) - (Math.floor((nh + 6) / 9) % 2));
  nwr = Math.min(nwmax, Math.max(2, nwr));
  nsr = Math.min(nsr, nsmax, nh - 1);
  nsr = Math.max(2, nsr - (nsr % 2));
  const accumulateMin = SCHUR_MULTISHIFT.accumulateMinShifts;

  // clear out the trash below the subdiagonal
  for (let j = ilo; j <= ihi - 3; j++) {
    H[j + 2 + j * ldh] = 0;
    H[j + 3 + j * ldh] = 0;
  }
  if (ilo <= ihi - 2) H[ihi + (ihi - 2) * ldh] = 0;

  const itmax = 30 * Math.max(10, nh);
  let ndfl = 1; // iterations since the last deflation, plus one
  let ndec = -1; // the window's shrink step once it has grown to its maximum
  let nw = nwmax;
  let kbot = ihi;
  for (let it = 0; it < itmax; it++) {
    if (kbot < ilo) return 0;
    // 1. the active block H[ktop..kbot]: below the lowest zero subdiagonal entry
    let ktop = kbot;
    while (ktop > ilo && H[ktop + (ktop - 1) * ldh] !== 0) ktop--;
    const nhA = kbot - ktop + 1;
    if (nhA < minOrder) {
      // small: finish it with lahqr, the spec. In place when nothing lies outside the block;
      // otherwise as an AED whose window is the whole block (as dlaqr0 does): lahqr works on a
      // copy with its own small V, and gemm carries V to the rest of H and to Z, instead of
      // every rotation touching full rows and columns
      const alone = !wantz && (!wantt || (ktop === 0 && kbot === n - 1));
      if (alone) {
        const info = lahqr(wantt, wantz, n, ktop, kbot, H, ldh, wr, wi, iloz, ihiz, Z, ldz);
        if (info > 0) return info;
        kbot = ktop - 1;
      } else {
        const { nd } = aed(wantt, wantz, n, ktop, kbot, nhA, H, ldh, iloz, ihiz, Z, ldz, wr, wi);
        kbot -= nd;
      }
      ndfl = 1;
      continue;
    }

    // 2. the window: normally nwr (+1 when that puts the window's top at the smaller of two
    //    subdiagonal entries); without deflations for KEXNW iterations, grow it to the
    //    maximum, then shrink it step by step
    const nwupbd = Math.min(nhA, nwmax);
    nw = ndfl < KEXNW ? Math.min(nwupbd, nwr) : Math.min(nwupbd, 2 * nw);
    if (nw < nwmax) {
      if (nw >= nhA - 1) {
        nw = nhA;
      } else {
        const kwtop = kbot - nw + 1;
        if (Math.abs(H[kwtop + (kwtop - 1) * ldh]) > Math.abs(H[kwtop - 1 + (kwtop - 2) * ldh])) nw++;
      }
    }
    if (ndfl < KEXNW) {
      ndec = -1;
    } else if (ndec >= 0 || nw >= nwupbd) {
      ndec++;
      if (nw - ndec < 2) ndec = 0;
      nw -= ndec;
    }

    // 3. aggressive early deflation
    const { ns: ls, nd: ld } = aed(wantt, wantz, n, ktop, kbot, nw, H, ldh, iloz, ihiz, Z, ldz, wr, wi);
    kbot -= ld;
    const ks0 = kbot - ls + 1; // the shift candidates: wr, wi[ks0..kbot]

    // 4. a sweep, unless AED deflated a good share of its window (look again first)
    if (ld === 0 || (100 * ld <= nw * nibble && kbot - ktop + 1 > Math.min(minOrder, nwmax))) {
      let ns = Math.min(nsr, Math.max(2, kbot - ktop));
      ns -= ns % 2;
      let ks = ndfl % KEXSH === 0 ? exceptionalShifts(ktop, kbot, ns, H, ldh, wr, wi) : aedShifts(kbot, ks0, ns, H, ldh, wr, wi);
      // two real shifts: use the one nearer h[kbot, kbot] twice
      if (kbot - ks + 1 === 2 && wi[kbot] === 0) {
        const hbb = H[kbot + kbot * ldh];
        if (Math.abs(wr[kbot] - hbb) < Math.abs(wr[kbot - 1] - hbb)) wr[kbot - 1] = wr[kbot];
        else wr[kbot] = wr[kbot - 1];
      }
      // up to ns of them (an even count), from the bottom
      ns = Math.min(ns, kbot - ks + 1);
      ns -= ns % 2;
      ks = kbot - ns + 1;
      const accumulate = options.accumulate ?? ns >= accumulateMin;
      laqr5(wantt, wantz, accumulate, n, ktop, kbot, ns, wr, wi, ks, H, ldh, iloz, ihiz, Z, ldz);
    }
    ndfl = ld > 0 ? 1 : ndfl + 1;
  }
  return kbot + 1;
}
