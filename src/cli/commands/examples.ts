import { copyExamples, listExamples } from "../../app/example-files.js";
import { t, type MessageKey } from "../../i18n/index.js";
import type { CliContext } from "../context.js";
import { renderTable, toJson } from "../render.js";

/** `rerate examples`: the example files shipped with rerate (usable as `examples/NAME` from any directory). */
export async function list(ctx: CliContext): Promise<void> {
  const files = listExamples();
  if (ctx.json) {
    ctx.out(toJson(files));
    return;
  }
  ctx.out(t(ctx.lang, "examples.title"));
  ctx.out(renderTable(
    [t(ctx.lang, "examples.col.file"), t(ctx.lang, "examples.col.kind"), t(ctx.lang, "examples.col.path")],
    files.map((f) => [`examples/${f.name}`, t(ctx.lang, `examples.kind.${f.kind}` as MessageKey), f.path]),
    ["left", "left", "left"],
  ));
  ctx.out(t(ctx.lang, "examples.hint"));
}

/** `rerate examples copy [DIR]`: copies them into DIR/examples (default the working directory). */
export async function copy(ctx: CliContext, dir: string | undefined, o: { force?: boolean }): Promise<void> {
  const r = copyExamples(dir ?? ".", { overwrite: Boolean(o.force) });
  if (ctx.json) {
    ctx.out(toJson(r));
    return;
  }
  ctx.out(t(ctx.lang, "examples.copied", { n: r.written.length, dir: r.dir }));
  if (r.skipped.length > 0) ctx.out(t(ctx.lang, "examples.skipped", { n: r.skipped.length, list: r.skipped.join(", ") }));
}
