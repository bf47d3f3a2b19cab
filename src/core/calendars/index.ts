export * from "./holiday.js";
export * from "./holidays-hk.js";
export * from "./holidays-us.js";
export * from "./holidays-cn.js";
export * from "./calendar.js";
export * from "./exchange.js";
