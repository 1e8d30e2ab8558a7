package neptun.chat.adapters.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class H2TestDatabaseTest {

    @Test
    void keepsDataBetweenConnectionsUntilClosed() {
        var database = H2TestDatabase.create();
        Jdbi jdbi = TestJdbi.create(database);
        jdbi.useHandle(h -> h.execute("create table t (x text)"));
        jdbi.useHandle(h -> h.execute("insert into t values ('kept')"));

        String kept = jdbi.withHandle(h -> h.createQuery("select x from t").mapTo(String.class).one());
        assertThat(kept).isEqualTo("kept");

        database.close();
        database.close();
        // The same URL now opens a new, empty database.
        int tables = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from information_schema.tables where table_name = 't'").mapTo(Integer.class).one());
        assertThat(tables).isZero();
        database.close();
    }

    @Test
    void givesEveryDatabaseItsOwnName() {
        try (var first = H2TestDatabase.create(); var second = H2TestDatabase.create()) {
            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl()).contains(";MODE=PostgreSQL;");
        }
    }
}
