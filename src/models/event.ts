import { z } from "zod";
import { LocalizedText, SecurityId } from "./common.js";
import { GLOSSARY } from "./glossary.js";

/** YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM): a time always carries its offset. */
export const EventTimestamp = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/,
    "timestamp must be YYYY-MM-DD or YYYY-MM-DDTHH:MM with an offset such as +08:00 or Z",
  )
  .describe(GLOSSARY.timestamp);

/** A dated catalyst. */
export const Event = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-_.]*$/, "event id must be a lower-case slug").describe(GLOSSARY.eventId),
  timestamp: EventTimestamp,
  title: LocalizedText,
  tags: z.array(z.string().min(1)).default([]),
  securities: z.array(SecurityId).default([]),
  expectedSign: z.union([z.literal(1), z.literal(-1), z.literal(0)]).default(0).describe(GLOSSARY.expectedSign),
  source: z.string().optional().describe(GLOSSARY.source),
  notes: z.string().optional(),
});
export type Event = z.infer<typeof Event>;
