export * from "./common.js";
export * from "./glossary.js";
export * from "./security.js";
export * from "./price-bar.js";
export * from "./fundamental.js";
export * from "./fx-rate.js";
export * from "./event.js";
export * from "./scenario.js";
