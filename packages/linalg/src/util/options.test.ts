/** Options at the public boundary: unknown names and wrong kinds are errors, never ignored. */
import * as np from "@sliderule/ndarray";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";

const A = [
  [4, 1],
  [1, 3],
];
const b = [1, 2];

describe("options objects", () => {
  it("name NumPy's snake_case spelling of ours, and list what the function takes", () => {
    expect(() => linalg.svd(A, { full_matrices: false } as never)).toThrow(
      new ValueError(
        "svd: unknown option 'full_matrices' (did you mean 'fullMatrices'?); its options are blockSize, fullMatrices, computeUv, hermitian, divideAndConquer",
      ),
    );
    expect(() => linalg.svd(A, { compute_uv: false } as never)).toThrow(/did you mean 'computeUv'\?/);
    expect(() => linalg.lu(A, { permute_l: true } as never)).toThrow(/did you mean 'permuteL'\?/);
    expect(() => linalg.solveTriangular(A, b, { unit_diagonal: true } as never)).toThrow(/did you mean 'unitDiagonal'\?/);
    expect(() => linalg.eigh(A, { uplo: "U" } as never)).toThrow(/did you mean 'UPLO'\?/);
  });

  it("reject a value of the wrong kind, naming the option and the value", () => {
    expect(() => linalg.solve(A, b, { blockSize: "3" } as never)).toThrow(/^solve: option blockSize: expected number, received string, got "3"$/);
    expect(() => linalg.inv(A, { blockSize: 0 })).toThrow(/^inv: option blockSize: .*got 0$/);
    expect(() => linalg.pinv(A, { hermitian: 1 } as never)).toThrow(/^pinv: option hermitian: expected boolean, received number, got 1$/);
    expect(() => linalg.svd(A, { divideAndConquer: { min_order: 3 } } as never)).toThrow(
      /^svd: option divideAndConquer: unknown field 'min_order' \(did you mean 'minOrder'\?\)$/,
    );
    expect(() => linalg.svd(A, { divideAndConquer: { minOrder: "x" } } as never)).toThrow(
      /^svd: option divideAndConquer.minOrder: expected a number \(Infinity allowed\), got "x"$/,
    );
    expect(() => linalg.det(A, 3 as never)).toThrow(/^det: options must be an object, got 3$/);
  });

  it("accept every option they document, Infinity where a path is forced", () => {
    expect(() => linalg.svd(A, { fullMatrices: false, computeUv: true, blockSize: 2, divideAndConquer: { minOrder: Infinity } })).not.toThrow();
    expect(() => linalg.eigh(A, { UPLO: "U", divideAndConquer: { minOrder: Infinity, leafSize: 4 } })).not.toThrow();
    expect(() => linalg.eig(A, { multishift: { minOrder: Infinity } })).not.toThrow();
    expect(() => linalg.norm(A, { ord: "fro", axis: null, keepdims: true })).not.toThrow();
    expect(() => linalg.trace(A, { offset: 1 })).not.toThrow();
    expect(() => linalg.qr(A, { mode: "r", blockSize: 4 })).not.toThrow();
    expect(() => linalg.matrixRank(A, { tol: 1e-3, hermitian: true })).not.toThrow();
  });

  it("are checked by every function that takes them", () => {
    const bad = { nope: 1 } as never;
    const calls: [string, () => unknown][] = [
      ["solve", () => linalg.solve(A, b, bad)],
      ["inv", () => linalg.inv(A, bad)],
      ["det", () => linalg.det(A, bad)],
      ["slogdet", () => linalg.slogdet(A, bad)],
      ["lu", () => linalg.lu(A, bad)],
      ["luFactor", () => linalg.luFactor(A, bad)],
      ["luSolve", () => linalg.luSolve(linalg.luFactor(A), b, bad)],
      ["cholesky", () => linalg.cholesky(A, bad)],
      ["choFactor", () => linalg.choFactor(A, bad)],
      ["choSolve", () => linalg.choSolve(linalg.choFactor(A), b, bad)],
      ["qr", () => linalg.qr(A, bad)],
      ["lstsqQR", () => linalg.lstsqQR(A, b, bad)],
      ["solveTriangular", () => linalg.solveTriangular(A, b, bad)],
      ["svd", () => linalg.svd(A, bad)],
      ["eigh", () => linalg.eigh(A, bad)],
      ["eigvalsh", () => linalg.eigvalsh(A, bad)],
      ["eig", () => linalg.eig(A, bad)],
      ["eigvals", () => linalg.eigvals(A, bad)],
      ["schur", () => linalg.schur(A, bad)],
      ["pinv", () => linalg.pinv(A, bad)],
      ["lstsq", () => linalg.lstsq(A, b, bad)],
      ["matrixRank", () => linalg.matrixRank(A, bad)],
      ["norm", () => linalg.norm(A, bad)],
      ["trace", () => linalg.trace(np.array(A), bad)],
    ];
    for (const [fn, call] of calls) expect(call, fn).toThrow(new RegExp(`^${fn}: unknown option 'nope'`));
  });
});
