package neptun.chat.adapters.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresTestDatabaseTest {

    @Test
    void replacesOnlyTheDatabaseOfAnAdminUrl() {
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "t"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/t");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db:5433/postgres?sslmode=disable&ApplicationName=x", "t"))
                .isEqualTo("jdbc:postgresql://db:5433/t?sslmode=disable&ApplicationName=x");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://a:1,b:2/", "t")).isEqualTo("jdbc:postgresql://a:1,b:2/t");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db", "t")).isEqualTo("jdbc:postgresql://db/t");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db?ssl=true", "t")).isEqualTo("jdbc:postgresql://db/t?ssl=true");
        assertThatThrownBy(() -> PostgresTestDatabase.withDatabase("jdbc:h2:mem:x", "t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsAnEmptyUtf8DatabaseAndDropsItDespiteOpenConnections() throws SQLException {
        String name;
        try (var database = PostgresTestDatabase.create()) {
            name = database.name();
            assertThat(database.password()).isEmpty();
            Connection leftOpen = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
            assertThat(queryString(leftOpen, "select current_database()")).isEqualTo(name);
            assertThat(queryString(leftOpen, "select pg_encoding_to_char(encoding) from pg_database where datname = current_database()"))
                    .isEqualTo("UTF8");
            assertThat(queryString(leftOpen, "select count(*) from information_schema.tables where table_schema = 'public'"))
                    .isEqualTo("0");
            try (Connection viaDataSource = database.dataSource().getConnection()) {
                assertThat(queryString(viaDataSource, "select current_database()")).isEqualTo(name);
            }
        }
        try (Connection admin = DriverManager.getConnection(
                System.getProperty("test.postgres.url", PostgresTestDatabase.DEFAULT_ADMIN_URL),
                System.getProperty("test.postgres.user", PostgresTestDatabase.DEFAULT_ADMIN_USER),
                System.getProperty("test.postgres.password", ""))) {
            assertThat(queryString(admin, "select count(*) from pg_database where datname = '" + name + "'")).isEqualTo("0");
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
