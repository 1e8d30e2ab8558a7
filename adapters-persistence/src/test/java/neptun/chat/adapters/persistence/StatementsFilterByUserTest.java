package neptun.chat.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/**
 * Every SQL statement of the adapter filters by (or writes) the user it acts for, so that each table can be
 * distributed by user id and each statement reaches one user's shard. The exceptions are listed with their
 * reason. Statements are found in the DAOs' annotations and in string constants of the package's classes.
 */
class StatementsFilterByUserTest {
    /** The table of users is keyed by the user id itself, which it calls {@code id}. */
    private static final Pattern USERS_BY_ID = Pattern.compile("\\busers\\b.*\\bid\\b", Pattern.DOTALL);

    /**
     * Statements that need not name a user, by where they are. Sessions are looked up by the hash of the
     * token a request brings, before anyone knows its user: the table is meant to be a reference table
     * (replicated to every node; README "Sharding"), as is the table of users it references. The checks of
     * the search settings read the database's catalog, not any table of users' data.
     */
    private static final Map<String, String> EXEMPT = Map.of(
            "SessionDao.findByTokenHash", "sessions are found by token hash; a reference table",
            "SessionDao.revokeIfActive", "sessions are revoked by token hash; a reference table",
            "IdempotencyKeyDao.deleteExpired", "the background purge of expired keys crosses users; distributed, it runs on every shard",
            "MessageSearchDao.countTextSearchConfigs", "a read of PostgreSQL's catalog at startup: is the configured text search configuration there",
            "MessageSearchDao.messageIndexDefinitions", "a read of PostgreSQL's catalog at startup: does an index serve the configured configuration");

    private static final Pattern STATEMENT = Pattern.compile("^\\s*(select|insert|update|delete|with)\\b",
            Pattern.CASE_INSENSITIVE);

    record Statement(String where, String sql) {
    }

    @Test
    void everyStatementNamesItsUser() throws Exception {
        List<Statement> statements = statementsOfThePackage();

        assertThat(statements).as("statements found").hasSizeGreaterThan(10);
        List<String> unfiltered = statements.stream()
                .filter(statement -> !EXEMPT.containsKey(statement.where()))
                .filter(statement -> !namesAUser(statement.sql()))
                .map(statement -> statement.where() + ": " + statement.sql().strip())
                .toList();
        assertThat(unfiltered).as("statements that do not filter by user_id").isEmpty();
    }

    @Test
    void everyExemptionStillExists() throws Exception {
        List<String> found = statementsOfThePackage().stream().map(Statement::where).toList();

        assertThat(found).containsAll(EXEMPT.keySet());
    }

    @Test
    void recognisesAStatementWithoutItsUser() {
        assertThat(namesAUser("select * from messages where id = :id")).isFalse();
        assertThat(namesAUser("select * from messages where user_id = :owner and id = :id")).isTrue();
        assertThat(namesAUser("insert into users (id) values (:id)")).isTrue();
    }

    private static boolean namesAUser(String sql) {
        String text = sql.toLowerCase(Locale.ROOT);
        return text.contains("user_id") || USERS_BY_ID.matcher(text).find();
    }

    private static List<Statement> statementsOfThePackage() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path folder = Path.of(ChatDao.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(ChatDao.class.getPackageName().replace('.', '/'));
        List<Statement> statements = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(ChatDao.class.getPackageName() + "." + name);
                statements.addAll(annotated(type));
                statements.addAll(constants(type));
            }
        }
        return statements;
    }

    private static List<Statement> annotated(Class<?> type) {
        List<Statement> statements = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                String sql = annotation instanceof SqlQuery query ? query.value()
                        : annotation instanceof SqlUpdate update ? update.value()
                        : annotation instanceof SqlBatch batch ? batch.value()
                        : null;
                if (sql != null) {
                    statements.add(new Statement(type.getSimpleName() + "." + method.getName(), sql));
                }
            }
        }
        return statements;
    }

    private static List<Statement> constants(Class<?> type) throws IllegalAccessException {
        List<Statement> statements = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                Object value = field.get(null);
                if (value instanceof String sql && STATEMENT.matcher(sql).find()) {
                    statements.add(new Statement(type.getSimpleName() + "." + field.getName(), sql));
                }
            }
        }
        return statements;
    }
}
