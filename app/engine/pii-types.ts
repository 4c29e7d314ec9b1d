/** high: redacted before publication; low: shown to the moderator to decide, never redacted unasked. */
export type Confidence = "high" | "low";

/** A finding of one of a detector's kinds; start/end are UTF-16 offsets into the text it was given. */
export interface KindSpan<K extends string> {
  kind: K;
  start: number;
  end: number;
  confidence: Confidence;
}
