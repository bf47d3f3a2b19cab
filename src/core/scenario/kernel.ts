import type { CompiledModel } from "./compiled-model.js";
import { irToJs } from "./ir-codegen.js";

/** One column the kernel reads: the draws of one driver in one year. */
export interface KernelInput {
  readonly driver: string;
  readonly slot: number;
  /** Year index (0 for a scalar driver). */
  readonly yearIndex: number;
}

/** One column the kernel writes: an output node in one year. */
export interface KernelOutput {
  readonly slot: number;
  readonly yearIndex: number;
}

/** Evaluates the model over n draws: inputs[k][i] is the i-th draw of input k; writes outputs[k][i]. */
export type Kernel = (inputs: readonly Float64Array[], outputs: readonly Float64Array[], n: number) => void;

/**
 * Generates the Monte Carlo kernel: one loop over the draws that evaluates every formula an output needs,
 * in evaluation order, in local variables (constants folded in as literals). Fusing the model into one
 * loop keeps every intermediate in registers; the generated source holds only slot numbers, numeric
 * literals and operators, never text from the model file.
 *
 * @param model - the compiled model.
 * @param inputs - the stochastic driver-year columns, in the order the caller fills them.
 * @param outputs - the node-year columns to write.
 * @returns the kernel and its source (for debugging and tests).
 * @example createKernel(model, inputs, [{ slot: 7, yearIndex: 2 }]).kernel(cols, outs, 4096)
 */
export function createKernel(model: CompiledModel, inputs: readonly KernelInput[], outputs: readonly KernelOutput[]): { kernel: Kernel; source: string } {
  const years = model.years;
  const local = (slot: number, y: number): string => `v${slot}_${y}`;
  const ref = (slot: number, y: number): string => {
    const node = model.nodes[slot];
    if (node?.kind === "driver") {
      const v = node.values[node.vec ? y : 0];
      if (typeof v === "number") return `(${String(v)})`;
    }
    return local(slot, node?.vec ? y : 0);
  };

  // Formulas the outputs need, in evaluation order.
  const needed = new Set<number>(outputs.map((o) => o.slot));
  for (let i = model.formulas.length - 1; i >= 0; i--) {
    const f = model.formulas[i]!;
    if (!needed.has(f.slot)) continue;
    const walk = (x: unknown): void => {
      if (typeof x !== "object" || x === null) return;
      const o = x as Record<string, unknown>;
      if (o.k === "ref") needed.add(o.slot as number);
      for (const v of Object.values(o)) if (typeof v === "object") walk(v);
    };
    walk(f.ir);
  }

  const lines: string[] = ['"use strict";'];
  inputs.forEach((_, k) => lines.push(`const I${k} = I[${k}];`));
  outputs.forEach((_, k) => lines.push(`const O${k} = O[${k}];`));
  lines.push("for (let i = 0; i < n; i++) {");
  inputs.forEach((c, k) => {
    if (needed.has(c.slot)) lines.push(`  const ${local(c.slot, c.yearIndex)} = I${k}[i];`);
  });
  for (const f of model.formulas) {
    if (!needed.has(f.slot)) continue;
    const count = f.vec ? years.length : 1;
    for (let y = 0; y < count; y++) lines.push(`  const ${local(f.slot, y)} = ${irToJs(f.ir, y, years, ref)};`);
  }
  outputs.forEach((o, k) => lines.push(`  O${k}[i] = ${ref(o.slot, o.yearIndex)};`));
  lines.push("}");
  const source = lines.join("\n");
  // The source is built from numbers and operators only (see above).
  const kernel = new Function("I", "O", "n", source) as Kernel;
  return { kernel, source };
}
