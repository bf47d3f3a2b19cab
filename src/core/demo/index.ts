export * from "./spec.js";
export * from "./specs.js";
export * from "./shocks.js";
export * from "./random.js";
export * from "./fiscal.js";
export * from "./market.js";
export * from "./to-price-bars.js";
