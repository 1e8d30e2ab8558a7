package neptun.chat.bootstrap;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import neptun.chat.adapters.persistence.testing.H2TestDatabase;
import neptun.chat.adapters.persistence.testing.PostgresTestDatabase;
import neptun.chat.adapters.persistence.testing.TestJdbi;
import neptun.chat.application.UseCases;
import neptun.chat.bootstrap.wiring.ChatConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SearchAndExportContract} against the application on PostgreSQL, and on the embedded H2 database. */
class SearchAndExportIT {

    @Nested
    @DisplayName("on PostgreSQL")
    @ExtendWith(DropwizardExtensionsSupport.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends SearchAndExportContract {
        static final PostgresTestDatabase DATABASE = PostgresTestDatabase.create();
        static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DATABASE, ConfigOverride.config("search.defaultLimit", "2"));
        private UseCases core;

        @BeforeAll
        void provision() {
            core = TestApp.core(TestJdbi.create(DATABASE));
        }

        @AfterAll
        void dropDatabase() {
            DATABASE.close();
        }

        @Override
        int port() {
            return APP.getLocalPort();
        }

        @Override
        UseCases core() {
            return core;
        }
    }

    @Nested
    @DisplayName("on H2")
    @ExtendWith(DropwizardExtensionsSupport.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends SearchAndExportContract {
        static final H2TestDatabase DATABASE = H2TestDatabase.create();
        static final DropwizardAppExtension<ChatConfiguration> APP = TestApp.on(DATABASE, ConfigOverride.config("search.defaultLimit", "2"));
        private UseCases core;

        @BeforeAll
        void provision() {
            core = TestApp.core(TestJdbi.create(DATABASE));
        }

        @AfterAll
        void dropDatabase() {
            DATABASE.close();
        }

        @Override
        int port() {
            return APP.getLocalPort();
        }

        @Override
        UseCases core() {
            return core;
        }
    }
}
