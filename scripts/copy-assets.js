// Copies non-TypeScript assets that the compiled code reads at run time (SQL migrations) into dist/.
import { cpSync, mkdirSync } from "node:fs";

mkdirSync("dist/store/migrations", { recursive: true });
cpSync("src/store/migrations", "dist/store/migrations", { recursive: true, filter: (p) => !p.endsWith(".ts") });
