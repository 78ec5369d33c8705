/**
 * KMeans against scikit-learn 1.2.1 (/usr/bin/python3, the versions of the golden cases):
 *
 *   iris = the four measurements of datasets/iris.csv; digits = the 64 pixels of datasets/digits.csv
 *   km = KMeans(n_clusters, init=…, n_init=1, max_iter=…, tol=…).fit(X, sample_weight=…)
 *   km.cluster_centers_, km.labels_, km.inertia_, km.n_iter_
 *
 * With a seed, KMeans(n_clusters, n_init, random_state=seed) of scikit-learn ≥ 1.3: its
 * initialisations differ from 1.2.1's (k-means++'s first centre by choice(n, p=w/Σw), not
 * randint(n); "random" by choice(n, k, replace=False, p=w/Σw), not permutation(n)[:k]), so the
 * initial rows of every run come from kmeans-plusplus.test.ts's transcription of the current
 * code (python3, NumPy 2.4), all runs from one stream, on the centred data, as fit does:
 *
 *   rs = np.random.RandomState(seed)          # or np.random.default_rng(seed)
 *   Xc = X - X.mean(axis=0)
 *   runs = [kpp(Xc, k, rs)[1] for _ in range(n_init)]                      # "k-means++"
 *   runs = [rs.choice(n, size=k, replace=False, p=w / w.sum()) for _ in range(n_init)]  # "random"
 *
 * then each run fitted by scikit-learn 1.2.1's KMeans(k, init=X[run], n_init=1) and the best
 * kept as fit keeps it: lower inertia and not _is_same_clustering(labels, best_labels, k).
 */
import { readFileSync } from "node:fs";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { Pipeline, makePipeline } from "../pipeline.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { KMeans } from "./kmeans.js";

const eps = 2.220446049250313e-16;
const load = (name: string, cols: number) =>
  readFileSync(new URL(`../../../../datasets/${name}.csv`, import.meta.url), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").slice(0, cols).map(Number));
const iris = load("iris", 4);
const digits = load("digits", 64);
const digitsOf = (s: string) => s.split("").map(Number);

const DIGITS_LABELS_SEED_7 = [
  "3118529012346857901234685794123277973212154008743311010341988088599951473274143340986405984881011581",
  "5370929407550611170275115231213468579012346857901234685790123877973212154008743366016346988088599912",
  "4732761633409864084824091584537092940715061667741152312131685290273168579010316857901232729232121510",
  "0871336602634698808859995017307626331098610598180109158153289091075506266204752254310834685790223468",
  "5790123468579722328792322225400874336602636698272259995242327616334798640498482479258453789214074576",
  "2617027511523222366257901236620290123666529012317292321215600829336609636692802259995297322616336092",
  "6605986226091581532892960755061667022041023121316857902431685790143168479024345797341425104871338601",
  "1312988088599954173478263310986105981841091581037894910750061667047521043241316857909231685730423168",
  "5790123277973222251008713366046366988088599952173276163310980105981821096581537892910755064067027542",
  "5231216685790223668529022366852902232229232221580082660263669880885999526232262633609866598682609258",
  "6537892960255062662022552322231685790083168579012316857902232779732221510087133016316988088599902173",
  "7768833109861059810210915815378929107550616670275685231213468579082346857901231685790123277973272751",
  "0007133660063169880885999521732767633109861059818210915815378929707550666670275115231213468529012316",
  "8579012348857901232779732121510087133880183489880885999521732961833409861059818210915815378929107550",
  "2166202751152313468579022346852902234685290223222923222254008243366046346988088599952423276263340986",
  "4059848240925845328929402550626670275275837223168574114318857943168579074547797371715100171333611831",
  "6910001599914173278131098610198180109158153789891075506870870573170316847908231615790123167579012327",
  "7973222151000713366016316911021599952173226163310986105981821091571532892910755061662022511523122",
].join("");
const DIGITS_LABELS_GENERATOR_7 = [
  "2996731503298674150329867415032344142303079556492209505299166566711170942349092295168959169639590769",
  "7245131954775800045347997320392386941503298674150323869415932344142303993556432288508298166566911193",
  "9423480822951689563639510969924513195499589884490093203029867315042986741505298674150323441323030795",
  "5649228853829816656671117594254808229516895716965951076972361510547758088353473073205623869415032986",
  "7415032986741503236413230307955649228853828816356371117393234808229516895716963951076972461309547758",
  "0894534700932030288374159328865315032888731503204313230307855631228850828813653371117314233808228513",
  "8857108338510769723613195477580884533509532030298674150329867415032986741503277414230307955349228850",
  "0790166566711173942340082295168057160639510769524617195475500084574700532090298674151329867425932986",
  "7415032344142333379556492288538288166566711173942348082295160957169639518769724613195477589584534730",
  "7320398867415032886731503288673150323331323030765563885082881665667111738323380822851688716863851376",
  "8724613185377580883533773233029867415062986741503298674150323441423030795564922508298166566711153942",
  "0480622951689571695395107697246131954775808845347807320302986741503298674150329867415032344142303479",
  "5554922885582981665667111739423480822951689571696395107697246131454775888845347007320302386731503298",
  "6741503238674150323441423030795564922635062331665667111739423180622951689571696395107697246131954775",
  "3088153470073202386741533238673153323867315332333132303073556332288538238166566711173332348382235168",
  "3571636335137637236131353775838845347007325302986749093293674132986749543734414240407955649222800629",
  "8105550711103942346029516895516965901076972461319547758845640742045298674150329807415032984771503234",
  "4142303079555492288508298100530711173942338082295168957169639510749723613195477580883533709732030",
].join("");
const DIGITS_LABELS_RANDOM_3 = [
  "2331010411213104044121310404312144042141301441412233444213011411000004342113342214013344011113404013",
  "0244010144004333344114330124132131040431213104043121310404312144042131301441412233433213011411000001",
  "1421433322140131411111401011024401014400433334403301211323310104142331040444233101044121110121111034",
  "4113223341321301141100000434241313223401334001314340401342110403410043133144401101244121310104112131",
  "0404412131040401211101211110144141223341323301141100000111211313223401334001111140101102410101440043",
  "1334414044012111233101043123314104312331010431241101210130344113223340323301141100004131211333223401",
  "3340013113403013021101034100434334411413412313233104041123310404112331040411200404213144444144223344",
  "3231011411400001302103132244013440013113403414421104044404434334444013412144233104043123310424012331",
  "0404412144042111103441432233413233011411000001342143332234013340013113403013024101044400431434414011",
  "0121133310104112331010411233101041121110121111014411334132330114110000013121131322340133001311340101",
  "3021101034100431331411401211123310404412331040431233101043121440421313034411322433233011411000041312",
  "4431122340133400134134030130241010341004343344100314123132331010411213101044123310404412114042141403",
  "4440322334432330114110000013421134322340133400131134040130241010344004333344140330124132131010431233",
  "1010431211101044121110421313034411322114312110114110000013121033122140133400131134030130201010344004",
  "1333141103301242131010411213101041121310104112111012111101441112233413213011411000001112113132214013",
  "1400111114010110211010141004313314110440124142331043331231104012331040441014404244410344443022344123",
  "3034443400044342101323401334401314340401302410103440443144144042444233101041123330104312333000431214",
  "1042111303444432233443233014414000001312103332234013340013113403013021101034100433331411033012311",
].join("");

/** Centres equal to scikit-learn's within the summation error of a mean over n points. */
function expectCentres(km: KMeans, expected: number[], n: number): void {
  const c = km.clusterCenters?.toTypedArray() as Float64Array;
  expect(c.length).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(c[i] - e)).toBeLessThanOrEqual(4 * n * eps * Math.max(1, Math.abs(e))));
}

describe("KMeans: scikit-learn's results", () => {
  it("Lloyd from given centres (the golden case's setting), on iris", () => {
    const km = new KMeans({ nClusters: 3, init: [iris[0], iris[50], iris[100]] }).fit(iris);
    expectCentres(
      km,
      [
        5.006, 3.428, 1.4620000000000002, 0.24600000000000055, 5.901612903225806, 2.7483870967741937, 4.393548387096774, 1.4338709677419355, 6.85,
        3.0736842105263156, 5.742105263157894, 2.0710526315789473,
      ],
      150,
    );
    expect(Array.from(km.labels?.toTypedArray() ?? [])).toEqual(
      digitsOf(
        "000000000000000000000000000000000000000000000000001121111111111111111111111112111111111111111111111121222212222221122221212122112222212222122212221221",
      ),
    );
    expect(km.labels?.dtype).toBe("int32");
    expect(Math.abs((km.inertia as number) - 78.851441426146)).toBeLessThanOrEqual(150 * 4 * eps * 78.85);
    expect([km.nIter, km.nFeaturesIn]).toEqual([4, 4]);
  });

  it("an empty cluster takes the point farthest from its centre", () => {
    // the second initial centre is far from everything: no point is assigned to it at first
    const km = new KMeans({
      nClusters: 3,
      init: [
        [5, 3.4, 1.5, 0.2],
        [100, 100, 100, 100],
        [6.5, 3, 5.5, 2],
      ],
    }).fit(iris);
    expectCentres(
      km,
      [
        5.006, 3.428, 1.4620000000000002, 0.24600000000000055, 5.883606557377049, 2.740983606557377, 4.388524590163934, 1.4344262295081966, 6.853846153846154,
        3.076923076923077, 5.7153846153846155, 2.0538461538461537,
      ],
      150,
    );
    expect(Array.from(km.labels?.toTypedArray() ?? [])).toEqual(
      digitsOf(
        "000000000000000000000000000000000000000000000000002121111111111111111111111112111111111111111111111121222212222221122221212122112222212222122212221221",
      ),
    );
    expect(Math.abs((km.inertia as number) - 78.85566582597731)).toBeLessThanOrEqual(1e-12 * 78.86);
    expect(km.nIter).toBe(13);
  });

  it("stops at maxIter, or when the centres move less than tol·(mean feature variance), then re-labels", () => {
    const a = new KMeans({ nClusters: 3, init: [iris[0], iris[1], iris[2]], maxIter: 2 }).fit(iris);
    expect(a.nIter).toBe(2);
    expect(Array.from(a.labels?.toTypedArray() ?? [])).toEqual(
      digitsOf(
        "222222222222222222222222222222222222222222222222220001010101111010111101011000111110100111111111111100000010000000000000000000000000000000000000000000",
      ),
    );
    expectCentres(
      a,
      [
        6.545070422535211, 3.0, 5.26056338028169, 1.847887323943662, 5.568965517241379, 2.5586206896551724, 4.037931034482758, 1.2551724137931035, 5.006, 3.428,
        1.4620000000000002, 0.24600000000000055,
      ],
      150,
    );
    expect(Math.abs((a.inertia as number) - 86.72282751379241)).toBeLessThanOrEqual(1e-12 * 86.7);
    const b = new KMeans({ nClusters: 3, init: [iris[0], iris[1], iris[2]], tol: 0.5 }).fit(iris);
    expect(b.nIter).toBe(3);
    expect(Array.from(b.labels?.toTypedArray() ?? [])).toEqual(
      digitsOf(
        "222222222222222222222222222222222222222222222222220001010101111110111101011100111110110111111111111100000010000000000001000000000000000000000000000000",
      ),
    );
    expect(Math.abs((b.inertia as number) - 84.49193138509845)).toBeLessThanOrEqual(1e-12 * 84.5);
  });

  it("weights the samples: km.fit(iris, sample_weight=np.linspace(0.5, 2.0, 150))", () => {
    const w = Array.from({ length: 150 }, (_, i) => 0.5 + (1.5 * i) / 149);
    const km = new KMeans({ nClusters: 3, init: [iris[0], iris[50], iris[100]] }).fit(iris, null, w);
    expectCentres(
      km,
      [
        5.003721348314607, 3.424791011235955, 1.4634426966292131, 0.24806292134831465, 5.8970790513833995, 2.7460790513833992, 4.435411067193676,
        1.4649328063241107, 6.846205655526992, 3.0769460154241646, 5.745002570694087, 2.082935732647815,
      ],
      150,
    );
    expect(Math.abs((km.inertia as number) - 105.93934047198933)).toBeLessThanOrEqual(1e-12 * 106);
    expect(km.nIter).toBe(4);
  });

  it("k-means++ with nInit = 3 on digits (k = 10), seed 7: the best of three runs from RandomState(7)", () => {
    // k-means++ indices of the three runs: [137, 1295, 924, 1445, 1630, 41, 986, 1203, 859, 1510],
    // [564, 816, 835, 1327, 1137, 3, 1711, 1063, 1693, 822], [1333, 224, 826, 1399, 1221, 1683, 1434, 1460, 1483, 11];
    // inertias 1165247.4060529883, 1185000.125973357, 1176916.9957282261: the first is kept
    const km = new KMeans({ nClusters: 10, nInit: 3, randomState: 7 }).fit(digits);
    expect(Array.from(km.labels?.toTypedArray() ?? [])).toEqual(digitsOf(DIGITS_LABELS_SEED_7));
    expect(Math.abs((km.inertia as number) - 1165247.4060529883)).toBeLessThanOrEqual(1e-12 * 1.2e6);
    expect(km.nIter).toBe(12);
    // with the labels equal, the centres are the cluster means
    const C = km.clusterCenters as np.NDArray;
    const labels = km.labels?.toTypedArray() as Int32Array;
    for (let j = 0; j < 10; j++) {
      const members = digits.filter((_, i) => labels[i] === j);
      for (let t = 0; t < 64; t++) {
        const mean = members.reduce((s, r) => s + r[t], 0) / members.length;
        expect(Math.abs(C.get(j, t) - mean)).toBeLessThanOrEqual(4 * 1797 * eps * 16);
      }
    }
    // the same seed gives the same clustering, and so does a RandomState(7) passed in
    expect(new KMeans({ nClusters: 10, nInit: 3, randomState: 7 }).fit(digits).labels?.toArray()).toEqual(km.labels?.toArray());
    expect(new KMeans({ nClusters: 10, nInit: 3, randomState: new np.random.RandomState(7) }).fit(digits).labels?.toArray()).toEqual(km.labels?.toArray());
  });

  it("a Generator is drawn from through the same calls: defaultRng(7), nInit = 3 on digits", () => {
    // k-means++ indices of the three runs (np.random.default_rng(7)): [1123, 1609, 10, 845, 997, 383, 63, 1127, 22, 355],
    // [6, 1478, 1527, 1575, 642, 580, 1763, 1199, 1736, 542], [236, 1695, 269, 1577, 435, 1564, 668, 758, 1040, 1360];
    // inertias 1187707.5619527106, 1200419.2830829658, 1187728.0785861793: the first is kept
    const km = new KMeans({ nClusters: 10, nInit: 3, randomState: np.random.defaultRng(7) }).fit(digits);
    expect(Array.from(km.labels?.toTypedArray() ?? [])).toEqual(digitsOf(DIGITS_LABELS_GENERATOR_7));
    expect(Math.abs((km.inertia as number) - 1187707.5619527106)).toBeLessThanOrEqual(1e-12 * 1.2e6);
    expect(km.nIter).toBe(14);
  });

  it("init 'random' with nInit = 10 on digits (k = 5), seed 3: ten runs from one RandomState(3)", () => {
    // first run's rows rs.choice(1797, size=5, replace=False, p=w/w.sum()) = [989, 1272, 522, 917, 1604],
    // inertia 1497602.8267193744 (18 iterations), the least of the ten
    const km = new KMeans({ nClusters: 5, init: "random", nInit: 10, randomState: 3 }).fit(digits);
    expect(Array.from(km.labels?.toTypedArray() ?? [])).toEqual(digitsOf(DIGITS_LABELS_RANDOM_3));
    expect(Math.abs((km.inertia as number) - 1497602.8267193744)).toBeLessThanOrEqual(1e-12 * 1.5e6);
    expect(km.nIter).toBe(18);
  });

  it("iris, k = 4, nInit = 2, seed 0: runs from rows [82, 46, 112, 142] and [118, 99, 4, 139]; the first is kept", () => {
    const km = new KMeans({ nClusters: 4, nInit: 2, randomState: 0 }).fit(iris);
    expect(Array.from(km.labels?.toTypedArray() ?? [])).toEqual(
      digitsOf(
        "111111111111111111111111111111111111111111111111113330303030000303003030333333300003033300030000030023222202223323322223232322332222233222322232223323",
      ),
    );
    expectCentres(
      km,
      [
        5.5321428571428575, 2.6357142857142857, 3.960714285714286, 1.2285714285714286, 5.006, 3.428, 1.4620000000000002, 0.24600000000000055, 6.9125, 3.1,
        5.846875000000001, 2.1312499999999996, 6.2525, 2.855, 4.815, 1.625,
      ],
      150,
    );
    expect(Math.abs((km.inertia as number) - 57.22847321428572)).toBeLessThanOrEqual(1e-12 * 57.3);
    expect(km.nIter).toBe(4);
  });

  it("scikit-learn's docstring example: KMeans(n_clusters=2, random_state=0).fit(X)", () => {
    const X = [
      [1, 2],
      [1, 4],
      [1, 0],
      [10, 2],
      [10, 4],
      [10, 0],
    ];
    const km = new KMeans({ nClusters: 2, randomState: 0 }).fit(X);
    expect(km.labels?.toArray()).toEqual([1, 1, 1, 0, 0, 0]);
    expect(km.clusterCenters?.toArray()).toEqual([
      [10, 2],
      [1, 2],
    ]);
    expect(km.inertia).toBe(16);
    expect(
      km
        .predict([
          [0, 0],
          [12, 3],
        ])
        .toArray(),
    ).toEqual([1, 0]);
  });

  it("predict, transform and score on new points", () => {
    const km = new KMeans({ nClusters: 3, init: [iris[0], iris[50], iris[100]] }).fit(iris);
    const Q = [
      [5.0, 3.0, 1.0, 0.5],
      [6.0, 3.0, 4.5, 1.5],
      [7.5, 3.0, 6.5, 2.0],
    ];
    expect(km.predict(Q).toArray()).toEqual([0, 1, 2]); // km.predict(Q)
    // km.transform(Q).ravel().tolist(): the expansion errs by ~eps·‖x‖²/d
    const T = [
      0.6791023486927474, 3.642046199637145, 5.327635316061134, 3.4602283161664356, 0.2978154943559132, 1.61147632799203, 5.904335695063416, 2.715840724871766,
      1.0036843485220426,
    ];
    const t = km.transform(Q).toTypedArray();
    T.forEach((e, i) => expect(Math.abs(t[i] - e)).toBeLessThanOrEqual((16 * 150 * eps) / e));
    expect(Math.abs(km.score(Q) - -1.557256340146605)).toBeLessThanOrEqual(1e-13); // km.score(Q)
  });
});

describe("KMeans: invariants", () => {
  const km = new KMeans({ nClusters: 4, randomState: 0, nInit: 2 }).fit(iris);
  it("labels each point with its nearest centre, and inertia is the sum of those squared distances", () => {
    const D = km.transform(iris);
    let J = 0;
    for (let i = 0; i < 150; i++) {
      const row = Array.from(D.slice(i).toTypedArray());
      const l = km.labels?.get(i) as number;
      expect(row[l]).toBeLessThanOrEqual(Math.min(...row) + 1e-12);
      J += row[l] ** 2;
    }
    expect(Math.abs(J - (km.inertia as number))).toBeLessThanOrEqual(1e-10 * J);
    expect(km.predict(iris).toArray()).toEqual(km.labels?.toArray());
    expect(Math.abs(km.score(iris) + (km.inertia as number))).toBeLessThanOrEqual(1e-12 * J);
  });

  it("fitPredict and fitTransform are fit then predict / transform", () => {
    const a = new KMeans({ nClusters: 4, randomState: 0, nInit: 2 });
    expect(a.fitPredict(iris).toArray()).toEqual(km.labels?.toArray());
    expect(a.fitTransform(iris).toArray()).toEqual(km.transform(iris).toArray());
  });

  it("'random' init and more runs never do worse than one run of the same stream", () => {
    const one = new KMeans({ nClusters: 5, init: "random", nInit: 1, randomState: 3 }).fit(digits);
    const ten = new KMeans({ nClusters: 5, init: "random", nInit: 10, randomState: 3 }).fit(digits);
    expect(ten.inertia as number).toBeLessThanOrEqual(one.inertia as number);
    expect(new KMeans({ nClusters: 5, init: "random" }).options.nInit).toBe("auto");
  });

  it("one cluster is the mean; as many clusters as distinct points give inertia 0", () => {
    const one = new KMeans({ nClusters: 1, randomState: 0 }).fit(iris);
    const mean = [0, 1, 2, 3].map((t) => iris.reduce((s, r) => s + r[t], 0) / 150);
    mean.forEach((m, t) => expect(Math.abs((one.clusterCenters?.get(0, t) as number) - m)).toBeLessThanOrEqual(1e-13));
    const pts = [
      [0, 0],
      [1, 0],
      [0, 1],
      [5, 5],
    ];
    expect(new KMeans({ nClusters: 4, randomState: 1 }).fit(pts).inertia).toBe(0);
  });

  it("never modifies its input", () => {
    const X = np.array(iris);
    const init = np.array([iris[0], iris[50], iris[100]]);
    new KMeans({ nClusters: 3, init }).fit(X);
    expect(X.toArray()).toEqual(iris);
    expect(init.toArray()).toEqual([iris[0], iris[50], iris[100]]);
  });
});

describe("KMeans: bad input", () => {
  it("throws clear errors naming the estimator, the argument and the value", () => {
    expect(() => new KMeans({ nClusters: 3 }).predict(iris)).toThrow(NotFittedError);
    expect(() => new KMeans({ nClusters: 3 }).transform(iris)).toThrow(/^KMeans: this KMeans instance is not fitted yet/);
    expect(() =>
      new KMeans({ nClusters: 4 }).fit([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow(/^KMeans: X has 3 samples, fewer than nClusters = 4/);
    expect(() => new KMeans({ nClusters: 1 }).fit([[1, NaN]])).toThrow(/^KMeans: X contains NaN at row 0, column 1/);
    expect(() => new KMeans({ nClusters: 1 }).fit([[1, -Infinity]])).toThrow(/^KMeans: X contains -infinity/);
    expect(() => new KMeans({ nClusters: 1 }).fit([1, 2, 3])).toThrow(/^KMeans: X must be 2-D, got shape \(3,\)/);
    expect(() => new KMeans({ nClusters: 2, init: [[1, 2]] }).fit(iris)).toThrow(
      /^KMeans: the initial centres \(init\) must have shape \(nClusters, nFeatures\) = \(2, 4\), got \(1, 2\)/,
    );
    expect(() => new KMeans({ nClusters: 2 }).fit(iris, null, [1, 2])).toThrow(/^KMeans: sampleWeight has 2 values for 150 samples/);
    expect(() => new KMeans({ nClusters: 2 }).fit([[1], [2]], null, [1, -1])).toThrow(/^KMeans: sampleWeight must be non-negative, got sampleWeight\[1\] = -1/);
    const km = new KMeans({ nClusters: 2, randomState: 0 }).fit(iris);
    expect(() => km.predict([[1, 2]])).toThrow(/^KMeans: X has 2 features, but KMeans was fitted with 4 features/);
    expect(() => km.transform([[1, 2, 3, NaN]])).toThrow(/^KMeans: X contains NaN/);
    expect(() => new KMeans({ nClusters: 0 })).toThrow(/^KMeans: option nClusters: .*got 0/);
    expect(() => new KMeans({ init: "kmeans++" } as never)).toThrow(/^KMeans: option init: .*got "kmeans\+\+"/);
    expect(() => new KMeans({ nInit: 0 })).toThrow(/^KMeans: option nInit: .*got 0/);
    expect(() => new KMeans({ maxIter: 1.5 })).toThrow(/^KMeans: option maxIter: .*got 1.5/);
    expect(() => new KMeans({ tol: -1 })).toThrow(/^KMeans: option tol: .*got -1/);
    expect(() => new KMeans({ randomState: -3 })).toThrow(/^KMeans: option randomState: .*got -3/);
    expect(() => new KMeans({ randomState: 2 ** 32 })).toThrow(/^KMeans: option randomState: .*got 4294967296/);
    expect(() => new KMeans({ randomState: {} as never })).toThrow(/^KMeans: option randomState: .*got an object/);
    expect(() => new KMeans({ n_clusters: 3 } as never)).toThrow(/^KMeans: unknown option 'n_clusters' \(did you mean 'nClusters'\?\)/);
    expect(() => new KMeans("3" as never)).toThrow(/^KMeans: options must be an object, got "3"/);
  });
});

describe("KMeans: JSON", () => {
  it("round-trips with the same predictions, bit for bit", () => {
    const km = new KMeans({ nClusters: 5, randomState: 4, nInit: 2 }).fit(digits);
    const back = KMeans.fromJSON(JSON.parse(JSON.stringify(km)));
    expect(back.options).toEqual(km.options);
    expect([back.inertia, back.nIter, back.nFeaturesIn]).toEqual([km.inertia, km.nIter, km.nFeaturesIn]);
    expect(back.labels?.toArray()).toEqual(km.labels?.toArray());
    expect(back.predict(digits).toArray()).toEqual(km.predict(digits).toArray());
    expect(back.transform(digits.slice(0, 50)).toArray()).toEqual(km.transform(digits.slice(0, 50)).toArray());
    // refitting the restored estimator gives the same clustering (the seed is kept)
    expect(back.fit(digits).labels?.toArray()).toEqual(km.labels?.toArray());
  });

  it("writes initial centres in array form; a Generator as null; unfitted as state null", () => {
    const init = np.array([iris[0], iris[50], iris[100]]);
    const km = new KMeans({ nClusters: 3, init }).fit(iris);
    const back = KMeans.fromJSON(JSON.parse(JSON.stringify(km)));
    expect((back.options.init as np.NDArray).toArray()).toEqual(init.toArray());
    expect(back.fit(iris).clusterCenters?.toArray()).toEqual(km.clusterCenters?.toArray());
    const g = new KMeans({ randomState: np.random.defaultRng(1) }).toJSON();
    expect([g.options.randomState, g.state]).toEqual([null, null]);
    expect(KMeans.fromJSON(JSON.parse(JSON.stringify(g))).options.randomState).toBeUndefined();
    const r = new KMeans({ nClusters: 2, randomState: new np.random.RandomState(1) }).fit(iris).toJSON();
    expect(r.options.randomState).toBeNull();
    expect(JSON.parse(JSON.stringify(new KMeans({ randomState: 4 }))).options.randomState).toBe(4);
    expect(() => KMeans.fromJSON({ estimator: "PCA", options: {}, state: null })).toThrow(/^KMeans.fromJSON: expected the JSON of a KMeans/);
    expect(() => KMeans.fromJSON({ ...JSON.parse(JSON.stringify(km)), options: { nClusters: 4 } })).toThrow(/^KMeans.fromJSON: state does not fit/);
  });

  it("works in a pipeline, which round-trips through JSON", () => {
    const pipe = makePipeline(new StandardScaler(), new KMeans({ nClusters: 3, randomState: 0 })).fit(iris);
    const back = Pipeline.fromJSON(JSON.parse(JSON.stringify(pipe.toJSON())));
    expect((back.predict(iris) as np.NDArray).toArray()).toEqual((pipe.predict(iris) as np.NDArray).toArray());
  });
});
