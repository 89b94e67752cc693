/**
 * Upper bounds on what one envelope may carry. Receivers reject anything larger, and the SDK's own
 * buffers never hold more, so a valid sender never hits them.
 */
export const LIMITS = {
  /** Items in one array of a snapshot or batch (samples, measurements, markers). */
  items: 10_000,
  /** Entries in one user-agent memory breakdown. */
  breakdown: 64,
  /** Attributions in one breakdown entry. */
  attribution: 16,
  /** Characters of a marker label. */
  label: 200,
  /** Characters of a URL or a session id. */
  url: 2048,
  /** Component rows in one snapshot or batch (the SDK tracks at most 20,000 types). */
  components: 20_000,
  /** Render warnings in one message. */
  warnings: 200,
  /** Characters of any other string (reasons, fixes, versions). */
  text: 500,
} as const;

/**
 * Renders of one component type whose reasons one commit examines (`ComponentStat.reasons` counts
 * these). A list re-renders its 1,000 rows for the same reason; examining the first few gives the same
 * answer at a fraction of the cost. Here because the panel tells its users so.
 */
export const REASON_SAMPLES_PER_COMMIT = 8;
