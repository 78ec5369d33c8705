/**
 * The machine constants of IEEE 754 binary64 (and binary32), each defined once and named for
 * what it is (LAPACK dlamch, slamch). Every linalg routine that needs a rounding unit or an
 * underflow threshold imports it from here, so that "eps" never means two things.
 *
 * Binary64 has a 53-bit significand (52 stored bits) and exponents −1022..1023, so
 *
 *   UNIT_ROUNDOFF = 2⁻⁵³     the relative error of rounding to nearest: fl(x) = x·(1 + δ), |δ| ≤ u
 *   ULP           = 2⁻⁵²     the spacing of the doubles at 1 (the next double after 1 is 1 + ULP)
 *   SAFMIN        = 2⁻¹⁰²²   the smallest normal double; 1/SAFMIN = 2¹⁰²² does not overflow
 *
 * and the thresholds LAPACK's routines derive from them (all exact powers of two):
 *
 * | LAPACK                             | here            | value  | used by                          |
 * | ---------------------------------- | --------------- | ------ | -------------------------------- |
 * | dlamch('E') "eps" (round to nearest) | UNIT_ROUNDOFF | 2⁻⁵³   | steqr, bdsqr, stedc, bdsdc, lasd4 |
 * | dlamch('P') "precision" = eps·base | ULP             | 2⁻⁵²   | lahqr, laqr0–5, trevc, lanv2, laexc |
 * | dlamch('S') "safe minimum"         | SAFMIN          | 2⁻¹⁰²² | lahqr, laqr0–5, steqr, bdsqr, lacn2 |
 * | dlamch('S') / dlamch('P')          | SMLNUM          | 2⁻⁹⁷⁰  | gebal (SFMIN1), laexc, larfg     |
 * | 1 / SMLNUM                         | BIGNUM          | 2⁹⁷⁰   | gebal (SFMAX1)                   |
 * | √dlamch('S') / dlamch('P')         | SMLNUM_DRIVER   | 2⁻⁴⁵⁹  | geev, gees, gesdd, gesvd: scale A |
 * | 1 / SMLNUM_DRIVER                  | BIGNUM_DRIVER   | 2⁴⁵⁹   | the same drivers                 |
 * | √(dlamch('S') / dlamch('P'))       | RMIN            | 2⁻⁴⁸⁵  | syev/syevd (rmin), lanv2 (SAFMN2) |
 * | 1 / RMIN                           | RMAX            | 2⁴⁸⁵   | syev/syevd (rmax), lanv2 (SAFMX2) |
 * | slamch('E')                        | UNIT_ROUNDOFF_FLOAT32 | 2⁻²⁴ | float32 tolerances           |
 * | slamch('P')                        | ULP_FLOAT32     | 2⁻²³   | float32 tolerances               |
 *
 * ULP is NumPy's finfo(float64).eps and JavaScript's Number.EPSILON; NumPy's default rcond and
 * tolerances (pinv, matrixRank, lstsq) are multiples of it.
 *
 * LAPACK's names collide, so "EPS" is not used at all: it is dlamch('E') in dsteqr and dbdsqr
 * but dlamch('P') in dlaexc and dlanv2. "SMLNUM" is SAFMIN/ULP in dgebal and dlaexc (kept here),
 * √SAFMIN/ULP in dgeev (here SMLNUM_DRIVER), and SAFMIN·(n/ULP) in dlahqr: thresholds that
 * depend on the matrix order are computed where they are used, from SAFMIN and ULP.
 *
 * One deviation from LAPACK, kept so that results stay as they were: larfg's threshold is
 * SAFMIN/ULP = 2⁻⁹⁷⁰ where dlarfg has dlamch('S')/dlamch('E') = 2⁻⁹⁶⁹ (only the point where it
 * starts rescaling a tiny β moves, by a factor 2).
 *
 * Not here: ndarray (which cannot import linalg) and the AssemblyScript kernels
 * (packages/ndarray/src/kernels/wasm/factor.as.ts), which keep their own copies and point here.
 *
 * Reference: LAPACK dlamch.f (3.x: eps = epsilon(0d0)·0.5 when rounding to nearest), dgeev.f,
 * dgebal.f, dlaexc.f, dlanv2.f, dsyev.f; Higham, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., §2.1 (unit roundoff); Golub & Van Loan, 4th ed., §2.7.
 */

/** u = 2⁻⁵³: the unit roundoff, |fl(x) − x| ≤ u·|x| (LAPACK dlamch('E')); 1 + u rounds to 1 (ties to even). */
export const UNIT_ROUNDOFF = 2 ** -53;

/** 2⁻⁵² = 2u: the distance from 1 to the next double (LAPACK dlamch('P'), NumPy finfo(float64).eps, Number.EPSILON). */
export const ULP = 2 ** -52;

/** 2⁻¹⁰²²: the smallest normal double, whose reciprocal does not overflow (LAPACK dlamch('S'), NumPy finfo.smallest_normal). */
export const SAFMIN = 2 ** -1022;

/** SAFMIN/ULP = 2⁻⁹⁷⁰: below it a quantity is rescaled before it is squared or divided by (dgebal's SFMIN1, dlaexc's SMLNUM, larfg). */
export const SMLNUM = SAFMIN / ULP;

/** 1/SMLNUM = 2⁹⁷⁰ (dgebal's SFMAX1). */
export const BIGNUM = 1 / SMLNUM;

/** √SAFMIN/ULP = 2⁻⁴⁵⁹: the drivers (dgeev, dgees, dgesdd, dgesvd) scale A so that max|a_ij| ≥ this. */
export const SMLNUM_DRIVER = Math.sqrt(SAFMIN) / ULP;

/** 1/SMLNUM_DRIVER = 2⁴⁵⁹: the drivers scale A so that max|a_ij| ≤ this. */
export const BIGNUM_DRIVER = 1 / SMLNUM_DRIVER;

/** √(SAFMIN/ULP) = 2⁻⁴⁸⁵ (dsyev's rmin; dlanv2's SAFMN2 = base^⌊log_base(SAFMIN/ULP)/2⌋, the same in binary64). */
export const RMIN = Math.sqrt(SMLNUM);

/** 1/RMIN = 2⁴⁸⁵ (dsyev's rmax; dlanv2's SAFMX2). */
export const RMAX = 1 / RMIN;

/** 2⁻²⁴: the unit roundoff of float32 (LAPACK slamch('E')). */
export const UNIT_ROUNDOFF_FLOAT32 = 2 ** -24;

/** 2⁻²³: the spacing of float32 at 1 (LAPACK slamch('P'), NumPy finfo(float32).eps). */
export const ULP_FLOAT32 = 2 ** -23;
