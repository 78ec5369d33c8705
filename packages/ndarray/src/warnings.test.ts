import { afterEach, describe, expect, it, vi } from "vitest";
import { ValueError } from "./errors.js";
import { catchWarnings, filterWarnings, LinAlgWarning, resetWarnings, RuntimeWarning, UserWarning, warn, Warning } from "./warnings.js";

afterEach(() => {
  resetWarnings();
  vi.restoreAllMocks();
});

function spyWarn() {
  return vi.spyOn(console, "warn").mockImplementation(() => {});
}

describe("warn", () => {
  it("prints 'Category: message' once per (category, function) under the default action", () => {
    const spy = spyWarn();
    warn("solve: Ill-conditioned matrix (rcond=1.5e-18): result may not be accurate.", LinAlgWarning);
    warn("solve: Ill-conditioned matrix (rcond=2e-19): result may not be accurate.", LinAlgWarning);
    warn("inv: Ill-conditioned matrix (rcond=2e-19): result may not be accurate.", LinAlgWarning);
    warn("solve: something else", RuntimeWarning);
    expect(spy.mock.calls.map((c) => c[0])).toEqual([
      "LinAlgWarning: solve: Ill-conditioned matrix (rcond=1.5e-18): result may not be accurate.",
      "LinAlgWarning: inv: Ill-conditioned matrix (rcond=2e-19): result may not be accurate.",
      "RuntimeWarning: solve: something else",
    ]);
    resetWarnings();
    warn("solve: Ill-conditioned matrix (rcond=3e-19): result may not be accurate.", LinAlgWarning);
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it("defaults to UserWarning and checks its arguments", () => {
    const { warnings } = catchWarnings(() => warn("f: hello"));
    expect(warnings).toEqual([{ message: "f: hello", category: UserWarning, location: "f" }]);
    expect(() => warn(42 as unknown as string)).toThrow(ValueError);
    expect(() => warn("f: x", Error as unknown as typeof Warning)).toThrow(/^warn: category must be Warning/);
  });
});

describe("filterWarnings", () => {
  it("'error' throws the warning as an error of its category; subclasses match", () => {
    filterWarnings("error", RuntimeWarning);
    let caught: unknown;
    try {
      warn("solve: bad", LinAlgWarning);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LinAlgWarning);
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe("LinAlgWarning");
    expect((caught as Error).message).toBe("solve: bad");
    // UserWarning is not a RuntimeWarning: default action, printed
    const spy = spyWarn();
    warn("f: fine", UserWarning);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("the newest filter wins; 'ignore', 'always' and 'once'", () => {
    const spy = spyWarn();
    filterWarnings("ignore");
    warn("f: a", RuntimeWarning);
    expect(spy).not.toHaveBeenCalled();
    filterWarnings("always", RuntimeWarning);
    warn("f: a", RuntimeWarning);
    warn("f: a", RuntimeWarning);
    warn("f: a", UserWarning); // still ignored
    expect(spy).toHaveBeenCalledTimes(2);
    filterWarnings("once", RuntimeWarning);
    warn("f: b", RuntimeWarning);
    warn("g: b", RuntimeWarning);
    warn("f: b", RuntimeWarning);
    warn("f: c", RuntimeWarning); // same location, other text: "once" prints it, "default" would not
    expect(spy.mock.calls.slice(2).map((c) => c[0])).toEqual(["RuntimeWarning: f: b", "RuntimeWarning: g: b", "RuntimeWarning: f: c"]);
  });

  it("rejects unknown actions and non-Warning categories by name", () => {
    expect(() => filterWarnings("loud" as "error")).toThrow(/^filterWarnings: action must be one of .*got "loud"/);
    expect(() => filterWarnings("error", String as unknown as typeof Warning)).toThrow(ValueError);
  });
});

describe("catchWarnings", () => {
  it("records each occurrence instead of printing, and returns fn's result", () => {
    const spy = spyWarn();
    const { result, warnings } = catchWarnings(() => {
      warn("solve: x", LinAlgWarning);
      warn("solve: x", LinAlgWarning);
      return 7;
    });
    expect(result).toBe(7);
    expect(warnings.map((w) => w.category)).toEqual([LinAlgWarning, LinAlgWarning]);
    expect(spy).not.toHaveBeenCalled();
    // recorded warnings are not marked as shown: the first one outside still prints
    warn("solve: x", LinAlgWarning);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("applies filters, restores them on exit (also after a throw), and nests", () => {
    const outer = catchWarnings(() => {
      filterWarnings("ignore", UserWarning);
      warn("f: dropped");
      const inner = catchWarnings(() => warn("f: inner", RuntimeWarning));
      expect(inner.warnings.map((w) => w.message)).toEqual(["f: inner"]);
      warn("f: outer", RuntimeWarning);
    });
    expect(outer.warnings.map((w) => w.message)).toEqual(["f: outer"]);
    // the ignore filter is gone
    expect(catchWarnings(() => warn("f: back")).warnings).toHaveLength(1);
    expect(() =>
      catchWarnings(() => {
        filterWarnings("error");
        warn("f: boom", RuntimeWarning);
      }),
    ).toThrow(RuntimeWarning);
    expect(catchWarnings(() => warn("f: after", RuntimeWarning)).warnings).toHaveLength(1);
    expect(() => catchWarnings(3 as unknown as () => void)).toThrow(/^catchWarnings: fn must be a function, got 3/);
  });
});
