/**
 * A warnings channel, after Python's `warnings` module, for results that are returned but
 * deserve a word (SciPy's "Ill-conditioned matrix" LinAlgWarning, NumPy's RuntimeWarnings).
 *
 *   warn(message, category)          -> the first matching filter's action decides
 *   filterWarnings(action, category) -> a filter, put first (Python's `filterwarnings`)
 *   resetWarnings()                  -> no filters, and forget what was already shown
 *   catchWarnings(fn)                -> { result, warnings }: fn's warnings recorded, not printed
 *
 * Categories are classes, so a filter on a class also matches its subclasses, as in Python:
 *
 *   Warning (extends Error) ── UserWarning
 *                           └─ RuntimeWarning ── LinAlgWarning (SciPy's)
 *
 * Actions (Python's names): "error" throws the warning as an error of its category (an Error,
 * so `catch (e) { if (e instanceof LinAlgWarning) … }` works); "ignore" drops it; "always"
 * prints every occurrence; "once" prints the first occurrence of each distinct text;
 * "default" (the action when no filter matches) prints the first occurrence per location.
 *
 * Choices (where JavaScript has no stack frame to key on):
 * - a warning's location is the function named at the start of its message, `"solve"` for
 *   `"solve: Ill-conditioned matrix …"` (the whole message when it names none). "default"
 *   therefore prints once per distinct (category, function): the first ill-conditioned
 *   `solve` prints, later ones are silent until `resetWarnings()`;
 * - printing is `console.warn("LinAlgWarning: solve: Ill-conditioned matrix (rcond=1.5e-18):
 *   result may not be accurate.")`, the category's name then the message;
 * - inside `catchWarnings` every warning that is neither ignored nor an error is recorded,
 *   each occurrence (no "default"/"once" de-duplication: a test sees what a call emitted),
 *   and filters added inside are removed on exit. fn runs synchronously; warnings from work
 *   it leaves pending (promises) are not caught. Nested calls record into the innermost.
 *
 * State is module-global, as Python's: one filter list per program (per realm).
 * Reference: Python's `warnings` module (filterwarnings, resetwarnings, catch_warnings with
 * record=True); SciPy's `scipy.linalg.LinAlgWarning`.
 */
import { ValueError } from "./errors.js";
import { checkOneOf, describe } from "./validate.js";

/** The base class of warning categories (Python's `Warning`). */
export class Warning extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The default category of `warn` (Python's `UserWarning`). */
export class UserWarning extends Warning {}

/** A dubious numerical outcome (Python's `RuntimeWarning`). */
export class RuntimeWarning extends Warning {}

/** An ill-conditioned linear system or similar (SciPy's `scipy.linalg.LinAlgWarning`). */
export class LinAlgWarning extends RuntimeWarning {}

/** A warning category: `Warning` or a subclass of it. */
export type WarningCategory = new (message: string) => Warning;

/** What a filter does with the warnings it matches (Python's actions). */
export type WarningAction = "default" | "error" | "ignore" | "always" | "once";

const ACTIONS: readonly WarningAction[] = ["default", "error", "ignore", "always", "once"];

/** One recorded warning (Python's `WarningMessage`). */
export interface WarningRecord {
  /** The message text, e.g. `"solve: Ill-conditioned matrix (rcond=1.5e-18): result may not be accurate."`. */
  message: string;
  /** Its category class. */
  category: WarningCategory;
  /** The function it came from (the message's prefix before ": "), the key of "default". */
  location: string;
}

interface Filter {
  action: WarningAction;
  category: WarningCategory;
}

/** The filters, first match wins. */
let filters: Filter[] = [];
/** Keys already printed under "default" (category + location) and "once" (category + text). */
const shown = new Set<string>();
/** The record lists of the catchWarnings calls under way, innermost last. */
const recorders: WarningRecord[][] = [];

function isCategory(c: unknown): c is WarningCategory {
  return typeof c === "function" && (c === Warning || c.prototype instanceof Warning);
}

function checkCategory(fn: string, c: unknown): WarningCategory {
  if (!isCategory(c)) throw new ValueError(`${fn}: category must be Warning or a subclass of it, got ${describe(c)}`);
  return c;
}

/** The function a message names: "solve" for "solve: Ill-conditioned …". */
function locationOf(message: string): string {
  const m = /^([A-Za-z_$][\w$.]*): /.exec(message);
  return m ? m[1] : message;
}

/**
 * Issue a warning (Python's `warnings.warn`). The first filter whose category is `category`
 * or a superclass decides what happens; with none, "default".
 *
 * @param message the text, starting with the public function's name (`"solve: …"`).
 * @param category a Warning class (default UserWarning).
 * @throws the warning itself (an instance of `category`) when the action is "error";
 *   ValueError for a message that is not a string or a category that is not a Warning class.
 *
 * @example
 *   const { warnings } = catchWarnings(() => warn("f: careful", RuntimeWarning));
 *   assert.equal(warnings[0].category, RuntimeWarning);
 */
export function warn(message: string, category: WarningCategory = UserWarning): void {
  if (typeof message !== "string") throw new ValueError(`warn: message must be a string, got ${describe(message)}`);
  checkCategory("warn", category);
  const filter = filters.find((f) => category === f.category || category.prototype instanceof f.category);
  const action = filter?.action ?? "default";
  if (action === "ignore") return;
  if (action === "error") throw new category(message);
  const location = locationOf(message);
  const recorder = recorders[recorders.length - 1];
  if (recorder) {
    recorder.push({ message, category, location });
    return;
  }
  if (action !== "always") {
    const key = `${category.name}\u0000${action === "once" ? message : location}`;
    if (shown.has(key)) return;
    shown.add(key);
  }
  console.warn(`${category.name}: ${message}`);
}

/**
 * Add a filter in front of the others (Python's `warnings.filterwarnings(action, category=…)`,
 * without the message and module patterns).
 *
 * @param action "default" | "error" | "ignore" | "always" | "once".
 * @param category the Warning class it matches, with its subclasses (default: all warnings).
 * @throws ValueError for an unknown action or a category that is not a Warning class.
 *
 * @example
 *   filterWarnings("error", LinAlgWarning); // ill-conditioned solves now throw
 */
export function filterWarnings(action: WarningAction, category: WarningCategory = Warning): void {
  checkOneOf("filterWarnings", "action", action, ACTIONS);
  checkCategory("filterWarnings", category);
  filters.unshift({ action, category });
}

/** Remove every filter and forget which warnings were printed (Python's `resetwarnings`). */
export function resetWarnings(): void {
  filters = [];
  shown.clear();
}

/**
 * Run `fn` with its warnings recorded instead of printed (Python's
 * `with warnings.catch_warnings(record=True)`). Filters still apply ("ignore" drops, "error"
 * throws); every other warning is recorded, each occurrence. Filters added inside `fn` are
 * removed afterwards, also when it throws.
 *
 * @returns `{ result, warnings }`: fn's return value and the warnings, in order.
 * @throws ValueError when fn is not a function; whatever fn throws.
 *
 * @example
 *   const { result, warnings } = catchWarnings(() => linalg.solve(A, b));
 *   if (warnings.length) console.log(warnings[0].message);
 */
export function catchWarnings<T>(fn: () => T): { result: T; warnings: WarningRecord[] } {
  if (typeof fn !== "function") throw new ValueError(`catchWarnings: fn must be a function, got ${describe(fn)}`);
  const saved = filters.slice();
  const record: WarningRecord[] = [];
  recorders.push(record);
  try {
    const result = fn();
    return { result, warnings: record };
  } finally {
    recorders.pop();
    filters = saved;
  }
}
