export type { AttributionNm, AttributionPoint, AttributionResult, FxBasis, ReturnAttribution, ReturnComponents } from "./types.js";
export { toSimpleContributions } from "./simple-contributions.js";
export { attributeReturn } from "./attribute-return.js";
export { attributeGroup, type GroupAttribution, type GroupMember } from "./attribute-group.js";
export { multipleBands, type MultipleBands } from "./multiple-bands.js";
