package neptun.chat.application.port.in;

/** Deletes idempotency keys whose time is up, a bounded batch at a time (a background task's work). */
public interface ForgetExpiredKeys {
    /**
     * Deletes at most {@code max} keys that have expired by now, in one short transaction.
     *
     * @return how many were deleted: fewer than {@code max} when no more had expired
     */
    int forgetExpired(int max);
}
