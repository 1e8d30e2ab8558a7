package neptun.chat.adapters.persistence;

import java.sql.SQLException;
import java.util.Set;

/** Recognises database errors by SQLSTATE, which PostgreSQL and H2 assign differently. */
final class SqlStates {
    /** PostgreSQL's foreign_key_violation; H2's "parent missing" (H2 uses 23503 for "child exists"). */
    private static final Set<String> MISSING_REFERENCED_ROW = Set.of("23503", "23506");

    /** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation). */
    private static final Set<String> REFUSAL_OF_DATA_CLASSES = Set.of("22", "23");

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

    /**
     * True when the database refused a statement for the data it carried (a value out of range, a broken
     * constraint): the statement did nothing, and the connection works. Not for failures of the connection,
     * after which a statement may or may not have taken effect.
     */
    static boolean isRefusalOfData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
                    && REFUSAL_OF_DATA_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
