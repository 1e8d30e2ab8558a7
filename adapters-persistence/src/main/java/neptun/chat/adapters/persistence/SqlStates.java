package neptun.chat.adapters.persistence;

import java.sql.SQLException;
import java.util.Set;

/** Recognises database errors by SQLSTATE, which PostgreSQL and H2 assign differently. */
final class SqlStates {
    /** PostgreSQL's foreign_key_violation; H2's "parent missing" (H2 uses 23503 for "child exists"). */
    private static final Set<String> MISSING_REFERENCED_ROW = Set.of("23503", "23506");

    private SqlStates() {
    }

    /** True when {@code failure} was caused by a row referencing one that does not exist (any more). */
    static boolean isMissingReferencedRow(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && MISSING_REFERENCED_ROW.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
