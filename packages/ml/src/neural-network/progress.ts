/**
 * A console progress report for long fits (the `verbose` option of the MLP estimators).
 *
 * Where it writes: Node's `process.stderr` when it exists (reached through `globalThis`, no
 * `node:` import, so the same code runs in a browser); there, on a terminal (TTY), one line
 * redrawn in place per epoch,
 *
 *   MLPClassifier [██████████░░░░░░░░░░]  52/200  loss 0.0412331  val 0.9741  1.3 s
 *
 * and a final newline; when stderr is a file or a pipe, one line per epoch in scikit-learn's
 * words (`Iteration 52, loss = 0.04123310`, then `Validation score: 0.974074`). Without a
 * `process` (browsers, workers), the per-epoch lines go to `console.log`.
 */

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** process.stderr when this runs under Node (or a runtime that provides it), else null. */
function stderr(): Stream | null {
  const proc = (globalThis as { process?: { stderr?: Stream } }).process;
  return proc?.stderr && typeof proc.stderr.write === "function" ? proc.stderr : null;
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export class ProgressBar {
  private readonly start = now();
  private readonly stream = stderr();
  private readonly tty: boolean;
  private open = false;

  /** `total`: the epochs at most (maxIter). */
  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly width = 20,
  ) {
    this.tty = this.stream?.isTTY === true;
  }

  /** Report epoch `epoch` (1-based) with its training loss and, with early stopping, the validation score. */
  update(epoch: number, loss: number, validationScore?: number): void {
    if (this.tty && this.stream !== null) {
      const filled = Math.round((this.width * Math.min(epoch, this.total)) / this.total);
      const bar = "█".repeat(filled) + "░".repeat(this.width - filled);
      const val = validationScore === undefined ? "" : `  val ${validationScore.toFixed(4)}`;
      const secs = ((now() - this.start) / 1000).toFixed(1);
      this.stream.write(
        `\r${this.label} [${bar}] ${String(epoch).padStart(String(this.total).length)}/${this.total}  loss ${loss.toPrecision(6)}${val}  ${secs} s\x1b[K`,
      );
      this.open = true;
      return;
    }
    let text = `Iteration ${epoch}, loss = ${loss.toFixed(8)}`;
    if (validationScore !== undefined) text += `\nValidation score: ${validationScore.toFixed(6)}`;
    if (this.stream !== null) this.stream.write(`${text}\n`);
    else console.log(text);
  }

  /** A closing message (why training stopped); ends the redrawn line. */
  finish(message?: string): void {
    if (this.open && this.stream !== null) this.stream.write("\n");
    this.open = false;
    if (message === undefined) return;
    if (this.stream !== null) this.stream.write(`${message}\n`);
    else console.log(message);
  }
}
