package neptun.chat.adapters.persistence;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/** Recognises database errors by SQLSTATE, which PostgreSQL and H2 assign differently. */
final class SqlStates {
    /** PostgreSQL's foreign_key_violation; H2's "parent missing" (H2 uses 23503 for "child exists"). */
    private static final Set<String> MISSING_REFERENCED_ROW = Set.of("23503", "23506");

    /** unique_violation, on both databases. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** PostgreSQL's lock_not_available (a lock_timeout passed); H2's lock timeout. */
    private static final Set<String> LOCK_TIMEOUT = Set.of("55P03", "HYT00");

    /** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation). */
    private static final Set<String> REFUSAL_OF_DATA_CLASSES = Set.of("22", "23");

    private SqlStates() {
    }

    /** True when {@code failure} was caused by a row referencing one that does not exist (any more). */
    static boolean isMissingReferencedRow(Throwable failure) {
        return hasSqlState(failure, MISSING_REFERENCED_ROW::contains);
    }

    /** True when {@code failure} was caused by a row whose unique key another row has (committed, or committed while waiting). */
    static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, UNIQUE_VIOLATION::equals);
    }

    /** True when {@code failure} was caused by waiting too long for a lock another transaction held. */
    static boolean isLockTimeout(Throwable failure) {
        return hasSqlState(failure, LOCK_TIMEOUT::contains);
    }

    /**
     * True when the database refused a statement for the data it carried (a value out of range, a broken
     * constraint): the statement did nothing, and the connection works. Not for failures of the connection,
     * after which a statement may or may not have taken effect.
     */
    static boolean isRefusalOfData(Throwable failure) {
        return hasSqlState(failure, state -> state.length() == 5 && REFUSAL_OF_DATA_CLASSES.contains(state.substring(0, 2)));
    }

    /** True when an {@link SQLException} among {@code failure}'s causes carries a SQLSTATE that {@code matches}. */
    private static boolean hasSqlState(Throwable failure, Predicate<String> matches) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
