import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { PCA, type PCAOptions } from "./pca.js";

const eps = Number.EPSILON;
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
}

// X = np.round(np.random.RandomState(1).randn(12, 4) @ [[3,1,0,0],[0,2,0.5,0],[0,0,1,0.2],[0,0,0,0.3]], 3)
const X = [
  [4.873, 0.401, -0.834, -0.428],
  [2.596, -3.738, 0.594, 0.121],
  [0.957, -0.18, 1.337, -0.326],
  [-0.967, -1.091, 0.942, -0.103],
  [-0.517, -1.928, -0.397, 0.183],
  [-3.302, 1.189, 1.474, 0.331],
  [2.703, -0.467, -0.465, -0.305],
  [-0.804, 0.793, -0.426, -0.257],
  [-2.062, -2.378, -1.094, -0.138],
  [-3.352, -0.648, 1.777, 0.555],
  [-0.576, -1.967, -1.191, 0.358],
  [0.152, -1.223, -0.128, 0.668],
];

// PCA(svd_solver="full", n_components=…).fit(X) in scikit-learn 1.2.1, components re-signed by the
// ≥ 1.5 rule (largest |entry| of each row positive; the columns of transform(X) likewise)
const SK = {
  components: [
    0.9745864218396008, -0.09379591769302033, -0.18769549349615797, -0.07844765076942299, 0.12861616012389382, 0.9626903419044748, 0.22233631154340255,
    -0.08515722827867155, 0.16608777529769692, -0.23730888467560926, 0.9551304612126776, 0.061847766445831884,
  ],
  explainedVariance: [6.379947365675256, 2.0703585291470703, 0.8400081828775599],
  explainedVarianceRatio: [0.6809696696966897, 0.22098166065321226, 0.08965906175247979],
  singularValues: [8.377315860251887, 4.772205341413734, 3.0397516365080155],
  noise2: 0.45930485561914247, // noise_variance_ with 2 components
  noise3: 0.07860152836072505, // with "mle" (3 components)
  Z0: [4.867274586237584, 1.7437236701177365, -0.4568180885228111], // transform(X)[0]
  Z0whiten: [1.9269804103694155, 1.2118667865471038],
};

describe.each(["full", "covarianceEigh"] as const)("PCA svdSolver %s", (svdSolver) => {
  const tol = 1e-12;
  it.each<[PCAOptions["nComponents"], number, number]>([
    [2, 2, SK.noise2],
    ["mle", 3, SK.noise3],
    [0.9, 2, SK.noise2],
  ])("matches scikit-learn with nComponents %s", (nComponents, k, noise) => {
    const p = new PCA({ nComponents, svdSolver }).fit(X);
    expect(p.nComponents).toBe(k);
    expectClose(p.components!.data, SK.components.slice(0, 4 * k), tol);
    expectClose(p.explainedVariance!.data, SK.explainedVariance.slice(0, k), tol * 10);
    expectClose(p.explainedVarianceRatio!.data, SK.explainedVarianceRatio.slice(0, k), tol);
    expectClose(p.singularValues!.data, SK.singularValues.slice(0, k), tol * 10);
    expect(Math.abs(p.noiseVariance! - noise)).toBeLessThan(tol * 10);
    expectClose(p.transform(X).slice(0).toArray() as number[], SK.Z0.slice(0, k), tol * 10);
  });

  it("whitens like scikit-learn and inverts", () => {
    const p = new PCA({ nComponents: 2, whiten: true, svdSolver }).fit(X);
    const Z = p.transform(X);
    expectClose(Z.slice(0).toArray() as number[], SK.Z0whiten, 1e-12);
    // whitened scores have unit sample variance (ddof 1)
    expectClose((Z.var({ axis: 0, ddof: 1 } as never) as unknown as np.NDArray).data, [1, 1], 1e-12);
    // with all components, inverseTransform(transform(X)) = X
    const full = new PCA({ whiten: true, svdSolver });
    const back = full.inverseTransform(full.fitTransform(X));
    expectClose(back.data, np.array(X).data, 12 * 4 * 10 * eps * 5);
  });

  it("has orthonormal components, each with its largest entry positive", () => {
    const p = new PCA({ svdSolver }).fit(X);
    const V = p.components!;
    const I = np.matmul(V, V.T).data as Float64Array;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(Math.abs(I[i * 4 + j] - (i === j ? 1 : 0))).toBeLessThan(4 * 10 * eps);
    const v = V.data as Float64Array;
    for (let r = 0; r < 4; r++) {
      const row = Array.from(v.subarray(r * 4, r * 4 + 4));
      const big = row.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
      expect(big).toBeGreaterThan(0);
    }
    expect(p.noiseVariance).toBe(0);
  });
});

describe("PCA", () => {
  it("randomized finds the leading components of a low-rank-plus-noise matrix", () => {
    const rng = np.random.defaultRng(3);
    const A = np
      .matmul(rng.standardNormal([300, 5]) as np.NDArray, rng.standardNormal([5, 40]) as np.NDArray)
      .add(np.multiply(rng.standardNormal([300, 40]) as np.NDArray, 0.01));
    const full = new PCA({ nComponents: 4 }).fit(A);
    const rand = new PCA({ nComponents: 4, svdSolver: "randomized", randomState: 0 }).fit(A);
    expectClose(rand.singularValues!.data, full.singularValues!.data, 1e-10 * (full.singularValues!.data[0] as number));
    expectClose(rand.components!.data, full.components!.data, 1e-8);
    expect(Math.abs(rand.noiseVariance! - full.noiseVariance!)).toBeLessThan(1e-3 * full.noiseVariance!);
    // the same seed gives the same answer
    const again = new PCA({ nComponents: 4, svdSolver: "randomized", randomState: 0 }).fit(A);
    expect(Array.from(again.components!.data)).toEqual(Array.from(rand.components!.data));
  });

  it("randomized stays accurate on a fast-decaying spectrum (σ from 1 to 1e-6) with many power iterations", () => {
    const rng = np.random.defaultRng(9);
    const U = linalg.qr(rng.standardNormal([400, 30]) as np.NDArray).Q;
    const V = linalg.qr(rng.standardNormal([60, 30]) as np.NDArray).Q;
    const sigma = Float64Array.from({ length: 30 }, (_, i) => 10 ** ((-6 * i) / 29));
    const A = np.matmul(np.multiply(U, np.fromTypedArray(sigma)), V.T);
    const full = new PCA({ nComponents: 8 }).fit(A);
    const rand = new PCA({ nComponents: 8, svdSolver: "randomized", nIter: 12, randomState: 1 }).fit(A);
    const s0 = full.singularValues!.data[0] as number;
    expectClose(rand.singularValues!.data, full.singularValues!.data, 1e-12 * s0);
    // the 8th component (σ ≈ 0.03) is still found to high accuracy
    expectClose(rand.components!.data, full.components!.data, 1e-8);
  });

  // scikit-learn 1.2.1 (/usr/bin/python3), whose randomized_svd draws as today's:
  //   A = np.random.RandomState(data_seed).standard_normal((n, d)) * np.linspace(1, 3, d)
  //   pca = PCA(n_components=k, svd_solver="randomized", n_oversamples=p, iterated_power=it,
  //             random_state=seed).fit(A)
  //   pca.singular_values_, pca.components_ re-signed by the ≥ 1.5 rule (svd_flip with
  //   u_based_decision=False: each row's largest |entry| positive; 1.2.1 flips on U)
  // l = k + p < min(n, d) and few power iterations, so the result is far from the exact SVD
  // (|components − exact| up to 1.4) and depends on Ω: it matches only with scikit-learn's draws.
  it.each([
    // tall, no power iteration; wide (scikit-learn works on Aᵀ), one; tall, "auto" (7, LU-normalised there)
    [
      60,
      20,
      5,
      3,
      2,
      0,
      0,
      [25.361497952523106, 20.79473004905072, 18.37064340478367],
      [
        0.020596411371285463, -0.08370532009707728, -0.015155392466217896, -0.017690132934627394, -0.04865121902150098, 0.05464517243510938,
        0.03687183607209617, -0.12188042075594586, -0.012350588434875865, 0.15248267343206695, -0.0851159645291712, -0.09256902933794528, -0.10893057012568826,
        -0.07801212902522177, 0.0012194370351234654, 0.15236108497087925, -0.21664992490667018, 0.776308126850225, -0.4347634268874423, -0.22685686271414,
        0.1181035924046195, 0.15364360277738337, 0.0531636313459749, -0.03669976119729779, 0.2370280866801942, 0.17127806044243796, -0.0010292751268780036,
        -0.16874288055185008, -0.2651727299268593, 0.06040608243761378, 0.1515499233732265, -0.023527254359264862, -0.20046186666943816, -0.2702378639301992,
        0.014402413634048462, -0.20551300861822147, 0.616060258257982, 0.29970101160602464, 0.1028057129163471, 0.3334897435503291, 0.1274689352124065,
        -0.08563897146181193, 0.13465049941654939, 0.21478086793762197, 0.03829196093537922, 0.04276374836883743, -0.17437336457968855, 0.012266808464425823,
        0.13499007477542327, -0.3457636029577472, -0.1927943408303229, -0.20846621253691308, -0.42190190741259215, -0.3495094643244738, -0.040626642828179224,
        -0.15083519957777763, -0.36895825775842517, 0.10858169266764665, 0.43252758142870135, 0.018486136020625144,
      ],
    ],
    [
      15,
      40,
      6,
      2,
      3,
      1,
      1,
      [20.133264292419092, 17.75094354169252],
      [
        -0.05157546620306444, 0.03168046547241953, -0.12452861955473601, 0.06457895614947136, 0.10516912498167588, -0.02956664977935277, -0.159238203952877,
        -0.010665788284595553, 0.04202451986094264, 0.03261756768275762, -0.05847265402774728, -0.08675032552392979, 0.12452562742979274, -0.11823033109668635,
        -0.031822466195600405, 0.0007596413448692798, -0.05852833456133566, 0.19906875863771156, 0.048071541312084104, -0.04737169510404275,
        0.07560899952437763, -0.23523463012960838, -0.2610543499551395, 0.1426717857026903, 0.11894132490311754, 0.09192961553714493, -0.25673118100957026,
        0.11832703475537637, 0.21698277940995214, -0.2293815250151157, 0.01934876857499992, 0.06542665386661257, 0.2271754959083059, -0.165748257825797,
        0.17780250452315283, 0.15948098368065802, 0.3814194347892544, 0.3918937450336131, 0.1954317660546036, -0.1325437363907293, 0.024622249792997614,
        -0.07772247949341621, -0.025822804725687733, -0.03536416956588498, 0.02083789334818979, -0.08771518360137374, 0.03543905940036363,
        -0.0002443197210097792, 0.008709587512246816, -0.00567024390275885, -0.018560193747229996, 0.026195511014531683, 0.024208783872466794,
        0.029555628283880617, -0.02831506856915904, -0.12697656554633904, -0.002529124681417067, -0.2444498363990791, -0.024118872669046887,
        -0.13234058091066775, 0.06003201173023882, 0.08466595473850601, -0.30193458190181, 0.019546396852076237, 0.05066550009834338, 0.10319925608480167,
        -0.2622196845277805, -0.09104025729564294, -0.2669050444762433, 0.06700354884582897, 0.018084506340900825, 0.21029616089153183, 0.3763350691256092,
        0.4271931727734806, 0.19439314158461066, -0.21395935628914348, -0.04351356619191545, -0.2605031653071193, 0.2700843187195748, -0.14634737508807394,
      ],
    ],
    [
      100,
      30,
      7,
      2,
      10,
      "auto",
      3,
      [36.4917459004943, 34.60992894647871],
      [
        -0.008913122610325452, -0.012689311129535533, -0.006912397672812478, 0.015303120277028012, -0.03779019012225642, -0.007286418640072492,
        -0.03387464364849123, 0.041562890263901295, 0.04621855411165261, -0.06306165351140681, 0.002764279745806798, 0.1231689170739915, 0.12222064973651509,
        -0.0774779211175506, -0.006381102084714648, -0.012478737451646842, 0.010349021425599838, 0.00031811204490531477, -0.07661966646063836,
        0.01926275525682034, -0.18081771781476577, -0.22327387989182404, 0.02848926522678983, 0.29023894002095396, 0.49537102832019175, 0.015411731783113995,
        -0.1067378275512213, -0.21614914133691113, -0.13961079191142664, 0.6749171527338053, -0.016220164828816174, 0.05327686183916153, -0.02536993652553578,
        0.05087616926629743, -0.05705914334234743, 0.012672626041463464, -0.03582785246429943, -0.027769756357771357, 0.008738460570747725,
        -0.08232466433034512, -0.12062379745568051, 0.008510446156706248, 0.0007239041797905186, -0.008951764485443428, 0.09159995966667248,
        -0.22695201314603583, 0.1927081495293853, -0.04943564176974033, -0.01112240903591261, -0.06014270416935117, -0.2600930503365277, -0.1524674138304126,
        0.10328740477673883, 0.23746039162658375, -0.1194182650488097, -0.5070426262589132, 0.2354063792856082, -0.16318384072388564, 0.5920039061114856,
        -0.040029513105733515,
      ],
    ],
  ] as const)("randomized with a seed gives scikit-learn's result: %i×%i, k = %i…", (n, d, dataSeed, k, p, nIter, seed, S, V) => {
    const A = np.multiply(new np.random.RandomState(dataSeed).standardNormal([n, d]), np.linspace(1, 3, d));
    const opts = { nComponents: k, svdSolver: "randomized", nOversamples: p, nIter } as const;
    const pca = new PCA({ ...opts, randomState: seed }).fit(A);
    // the draws are scikit-learn's, the arithmetic (QR, not LU, between power iterations) ours: rounding apart
    const tol = 64 * Math.max(n, d) * eps;
    expectClose(pca.singularValues!.data, S, tol * S[0]);
    expectClose(pca.components!.data, V, tol);
    // a RandomState(seed) passed in draws the same; a Generator draws other numbers, another sketch
    const viaState = new PCA({ ...opts, randomState: new np.random.RandomState(seed) }).fit(A);
    expect(Array.from(viaState.components!.data)).toEqual(Array.from(pca.components!.data));
    const viaGenerator = new PCA({ ...opts, randomState: np.random.defaultRng(seed) }).fit(A);
    expect(viaGenerator.components!.shape).toEqual([k, d]);
    if (nIter !== "auto") expect(Math.abs((viaGenerator.singularValues!.data[0] as number) - S[0])).toBeGreaterThan(1e-6);
  });

  it("randomized: a stream object is written to JSON as null, a seed as itself", () => {
    const A = new np.random.RandomState(0).standardNormal([30, 6]);
    const seeded = new PCA({ nComponents: 2, svdSolver: "randomized", randomState: 5 }).fit(A);
    expect(JSON.parse(JSON.stringify(seeded)).options.randomState).toBe(5);
    const back = PCA.fromJSON(JSON.parse(JSON.stringify(seeded)));
    expect(Array.from(back.fit(A).components!.data)).toEqual(Array.from(seeded.components!.data));
    for (const rs of [new np.random.RandomState(5), np.random.defaultRng(5)]) {
      const j = JSON.parse(JSON.stringify(new PCA({ nComponents: 2, svdSolver: "randomized", randomState: rs }).fit(A)));
      expect(j.options.randomState).toBeNull();
      expect(PCA.fromJSON(j).options.randomState).toBeNull();
    }
    expect(() => new PCA({ randomState: -1 })).toThrow(/^PCA: option randomState: .*got -1/);
    expect(() => new PCA({ randomState: 1.5 })).toThrow(/^PCA: option randomState: .*got 1.5/);
    expect(() => new PCA({ randomState: "0" as never })).toThrow(/^PCA: option randomState: .*got "0"/);
  });

  it("handles wide data (n < d)", () => {
    const rng = np.random.defaultRng(5);
    const W = rng.standardNormal([5, 9]) as np.NDArray;
    const p = new PCA().fit(W);
    expect(p.nComponents).toBe(5);
    expect(p.explainedVariance!.data[4]).toBeLessThan(1e-28 + 1e-14 * (p.explainedVariance!.data[0] as number)); // centred rank is 4
    const q = new PCA({ svdSolver: "covarianceEigh" }).fit(W);
    expectClose(q.explainedVariance!.data.subarray(0, 4), p.explainedVariance!.data.subarray(0, 4), 1e-12);
  });

  it("rejects bad options and data with clear errors", () => {
    expect(() => new PCA({ nComponents: 2.5 })).toThrow(/PCA: option nComponents must be an integer ≥ 0, a fraction in \(0, 1\), "mle" or null, got 2.5/);
    expect(() => new PCA({ nComponents: -1 })).toThrow(/PCA: option nComponents/);
    expect(() => new PCA({ nComponents: "all" as never })).toThrow(/PCA: option nComponents/);
    expect(() => new PCA({ svdSolver: "arpack" as never })).toThrow(/PCA: option svdSolver/);
    expect(() => new PCA({ n_components: 2 } as never)).toThrow(/unknown option 'n_components' \(did you mean 'nComponents'\?\)/);
    expect(() => new PCA({ nComponents: 0.5, svdSolver: "randomized" })).toThrow(/integer ≥ 1 for svdSolver "randomized"/);
    expect(() => new PCA({ nComponents: 5 }).fit(X)).toThrow(/PCA: nComponents=5 must be between 0 and min\(nSamples, nFeatures\)=4/);
    expect(() =>
      new PCA({ nComponents: "mle" }).fit([
        [1, 2, 3],
        [4, 5, 7],
      ]),
    ).toThrow(/"mle" is only supported if nSamples >= nFeatures/);
    expect(() =>
      new PCA().fit([
        [1, NaN],
        [2, 3],
      ]),
    ).toThrow(/PCA: X contains NaN at row 0, column 1/);
    expect(() => new PCA().fit([[1, 2]])).toThrow(/PCA: X has 1 sample\(s\).*at least 2 required/);
    expect(() => new PCA().transform(X)).toThrow(NotFittedError);
    expect(() => new PCA().fit(X).transform([[1, 2]])).toThrow(/X has 2 features, but PCA was fitted with 4 features/);
    expect(() => new PCA({ nComponents: 2 }).fit(X).inverseTransform([[1, 2, 3]])).toThrow(/Z has 3 columns, but PCA has 2 components/);
  });

  it("does not modify its input", () => {
    const A = np.array(X);
    const before = Array.from(A.data);
    new PCA({ nComponents: 2 }).fitTransform(A);
    expect(Array.from(A.data)).toEqual(before);
  });

  it("round-trips through JSON with the same transform bit for bit", () => {
    const p = new PCA({ nComponents: 2, whiten: true }).fit(X);
    const r = PCA.fromJSON(JSON.parse(JSON.stringify(p)));
    expect(Array.from(r.transform(X).data)).toEqual(Array.from(p.transform(X).data));
    expect(Array.from(r.inverseTransform(p.transform(X)).data)).toEqual(Array.from(p.inverseTransform(p.transform(X)).data));
    expect(r.noiseVariance).toBe(p.noiseVariance);
  });
});
