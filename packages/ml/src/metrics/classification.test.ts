import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { accuracyScore, confusionMatrix, f1Score, logLoss, precisionRecallFscoreSupport, precisionScore, recallScore } from "./classification.js";

const yt = [0, 1, 1, 2, 2, 2, 0, 1];
const yp = [0, 2, 1, 2, 1, 2, 0, 0];
const arr = (x: unknown) => Array.from((x as np.NDArray).data);

describe("classification metrics (values from scikit-learn 1.2.1)", () => {
  it("accuracyScore", () => {
    // accuracy_score(yt, yp, sample_weight=[1..8]) -> 0.5833333333333334; normalize=False -> 5
    expect(accuracyScore(yt, yp)).toBe(5 / 8);
    expect(accuracyScore(yt, yp, { sampleWeight: [1, 2, 3, 4, 5, 6, 7, 8] })).toBeCloseTo(0.5833333333333334, 15);
    expect(accuracyScore(yt, yp, { normalize: false })).toBe(5);
    expect(accuracyScore(["a", "b"], ["a", "c"])).toBe(0.5);
  });

  it("confusionMatrix, with and without labels", () => {
    const C = confusionMatrix(yt, yp);
    expect(C.dtype).toBe("int32");
    expect(C.toArray()).toEqual([
      [2, 0, 0],
      [1, 1, 1],
      [0, 1, 2],
    ]);
    // confusion_matrix(yt, yp, labels=[2, 1]) -> [[2, 1], [1, 1]]
    expect(confusionMatrix(yt, yp, { labels: [2, 1] }).toArray()).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it("precisionRecallFscoreSupport per class, micro with beta, labels with zeroDivision", () => {
    // precision_recall_fscore_support(yt, yp)
    const r = precisionRecallFscoreSupport(yt, yp);
    const [p, rec, f, s] = r;
    expect(arr(p)).toEqual([0.6666666666666666, 0.5, 0.6666666666666666]);
    expect(arr(rec)).toEqual([1.0, 0.3333333333333333, 0.6666666666666666]);
    const fv = arr(f);
    [0.8, 0.4, 0.6666666666666666].forEach((v, i) => expect(fv[i]).toBeCloseTo(v, 15));
    expect(arr(s)).toEqual([2, 3, 3]);
    expect(r.support!.dtype).toBe("int32");
    // precision_recall_fscore_support(yt, yp, average="micro", beta=2) -> (0.625, 0.625, 0.625, None)
    const m = precisionRecallFscoreSupport(yt, yp, { average: "micro", beta: 2 });
    expect([m.precision, m.recall, m.support]).toEqual([0.625, 0.625, null]);
    expect(m.fscore as number).toBeCloseTo(0.625, 15);
    // precision_recall_fscore_support(yt, yp, labels=[2, 0, 3], zero_division=1)
    const z = precisionRecallFscoreSupport(yt, yp, { labels: [2, 0, 3], zeroDivision: 1 });
    expect(arr(z.precision)).toEqual([0.6666666666666666, 0.6666666666666666, 1]);
    expect(arr(z.recall)).toEqual([0.6666666666666666, 1, 1]);
    expect(arr(z.support)).toEqual([3, 2, 0]);
  });

  it("warns on 0/0 with the default zeroDivision and uses 0", () => {
    const { result, warnings } = np.warnings.catchWarnings(() => precisionScore([0, 1], [0, 0], { average: null }));
    expect(arr(result)).toEqual([0.5, 0]);
    expect(warnings.length).toBe(1);
    expect(warnings[0].category.name).toBe("UndefinedMetricWarning");
    expect(warnings[0].message).toMatch(/^precisionScore: precision is ill-defined/);
    expect(np.warnings.catchWarnings(() => precisionScore([0, 1], [0, 0], { average: null, zeroDivision: 0 })).warnings.length).toBe(0);
  });

  it("f1Score binary with posLabel, macro and weighted", () => {
    // f1_score([1,0,1,1,0,0], [1,1,0,1,0,0]) -> 0.6666666666666666; pos_label=0 -> 0.6666666666666666
    expect(f1Score([1, 0, 1, 1, 0, 0], [1, 1, 0, 1, 0, 0])).toBeCloseTo(2 / 3, 15);
    expect(f1Score([1, 0, 1, 1, 0, 0], [1, 1, 0, 1, 0, 0], { posLabel: 0 })).toBeCloseTo(2 / 3, 15);
    expect(f1Score(yt, yp, { average: "macro" })).toBeCloseTo((0.8 + 0.4 + 2 / 3) / 3, 15);
    expect(f1Score(yt, yp, { average: "weighted" })).toBeCloseTo((2 * 0.8 + 3 * 0.4 + 3 * (2 / 3)) / 8, 15);
    expect(recallScore([1, 0, 1], [1, 0, 0])).toBe(0.5);
  });

  it("logLoss with 1-D probabilities and with labels", () => {
    // log_loss([1, 0, 1, 1], [0.9, 0.2, 0.6, 0.99]) -> 0.21234500664788206
    expect(logLoss([1, 0, 1, 1], [0.9, 0.2, 0.6, 0.99])).toBeCloseTo(0.21234500664788206, 15);
    // log_loss([1, 1], [[0.2, 0.7, 0.1], [0.1, 0.8, 0.1]], labels=[0, 1, 2]) -> 0.28990924762647097
    expect(
      logLoss(
        [1, 1],
        [
          [0.2, 0.7, 0.1],
          [0.1, 0.8, 0.1],
        ],
        { labels: [0, 1, 2] },
      ),
    ).toBeCloseTo(0.28990924762647097, 15);
    expect(
      Number.isFinite(
        logLoss(
          [0, 1],
          [
            [1, 0],
            [1, 0],
          ],
        ),
      ),
    ).toBe(true); // clipped, not Infinity
  });

  it("rejects bad labels and options with clear errors", () => {
    expect(() => accuracyScore([1, 2], [1])).toThrow(/accuracyScore: found input variables with inconsistent numbers of samples: yTrue has 2, yPred has 1/);
    expect(() => confusionMatrix([0.5, 1], [1, 1])).toThrow(/confusionMatrix: yTrue must hold integer class labels, got 0.5 at index 0/);
    expect(() => confusionMatrix(["a"], ["a"])).toThrow(/confusionMatrix: yTrue holds strings.*LabelEncoder/);
    expect(() => f1Score(yt, yp)).toThrow(/f1Score: target is multiclass \(3 classes\) but average="binary"/);
    expect(() => f1Score([0, 1], [0, 1], { average: "samples" as never })).toThrow(/option average must be/);
    expect(() => f1Score([0, 1], [0, 1], { posLabel: 2 })).toThrow(/posLabel=2 is not a valid label/);
    expect(() => precisionRecallFscoreSupport([0, 1], [0, 1], { beta: -1 })).toThrow(/option beta should be > 0/);
    expect(() => precisionRecallFscoreSupport([0, 1], [0, 1], { zeroDivision: 2 })).toThrow(/option zeroDivision must be "warn", 0, 1 or NaN, got 2/);
    expect(() => f1Score([0, 1], [0, 1], { beta: 2 } as never)).toThrow(/f1Score: unknown option 'beta'/);
    expect(() =>
      logLoss(
        [0, 1, 2],
        [
          [0.5, 0.5],
          [0.5, 0.5],
          [0.5, 0.5],
        ],
      ),
    ).toThrow(/logLoss: yTrue and yProb contain different numbers of classes 3, 2/);
    expect(() =>
      logLoss(
        [0, 1],
        [
          [0.5, NaN],
          [0.5, 0.5],
        ],
      ),
    ).toThrow(/logLoss: yProb contains NaN/);
    expect(() => accuracyScore([1, NaN], [1, 1])).toThrow(/accuracyScore: yTrue contains NaN at index 1/);
  });
});
