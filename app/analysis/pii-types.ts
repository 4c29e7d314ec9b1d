/** high: redacted before publication; low: shown to the moderator to decide, never redacted unasked. */
export type Confidence = "high" | "low";
