package neptun.chat.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "neptun.chat",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    /** Test helpers shipped as test-jars (fixtures, test databases) are not production code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));
        }
    }

    @ArchTest
    static final ArchRule dependenciesPointInwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("neptun.chat.domain..")
            .layer("Application").definedBy("neptun.chat.application..")
            .layer("Rest").definedBy("neptun.chat.adapters.rest..")
            .layer("Persistence").definedBy("neptun.chat.adapters.persistence..")
            .layer("Bootstrap").definedBy("neptun.chat.bootstrap..")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .whereLayer("Rest").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Rest", "Persistence", "Bootstrap")
            .because("the core knows no adapter, adapters know no other adapter, and only bootstrap wires them");

    @ArchTest
    static final ArchRule domainIsPlainJava = classes().that().resideInAPackage("neptun.chat.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "neptun.chat.domain..")
            .because("the domain must stay free of frameworks, JSON, SQL and JDBC");

    @ArchTest
    static final ArchRule applicationIsPlainJava = classes().that().resideInAPackage("neptun.chat.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "neptun.chat.domain..", "neptun.chat.application..")
            .because("use cases are callable in-process by any JVM module, with no framework on the classpath");

    @ArchTest
    static final ArchRule coreUsesNoJdbc = noClasses().that().resideInAnyPackage("neptun.chat.domain..", "neptun.chat.application..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("storage is an adapter's business, reached through ports");

    @ArchTest
    static final ArchRule adaptersUsePortsNotServices = noClasses()
            .that().resideInAnyPackage("neptun.chat.adapters..", "neptun.chat.bootstrap.cli..")
            .should().dependOnClassesThat().resideInAPackage("neptun.chat.application.service..")
            .because("adapters and commands talk to use cases through their in-ports, so services can change freely");

    @ArchTest
    static final ArchRule jaxRsStaysInRestAndBootstrap = noClasses()
            .that().resideOutsideOfPackages("neptun.chat.adapters.rest..", "neptun.chat.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.dropwizard.auth..", "org.glassfish.jersey..")
            .because("HTTP belongs to the REST adapter");

    @ArchTest
    static final ArchRule jdbiStaysInPersistenceAndBootstrap = noClasses()
            .that().resideOutsideOfPackages("neptun.chat.adapters.persistence..", "neptun.chat.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "java.sql..")
            .because("SQL belongs to the persistence adapter");

    @ArchTest
    static final ArchRule onlyBootstrapIsAnApplication = classes().that().areAssignableTo(io.dropwizard.core.Application.class)
            .should().resideInAPackage("neptun.chat.bootstrap..")
            .because("only bootstrap assembles the service");

    @ArchTest
    static final ArchRule noCycles = slices().matching("neptun.chat.(*)..").should().beFreeOfCycles()
            .because("cycles between parts make them impossible to change one at a time");

    @ArchTest
    static final ArchRule noCyclesBetweenAdapters = slices().matching("neptun.chat.adapters.(*)..").should().beFreeOfCycles()
            .because("each adapter must be replaceable on its own, so no adapter may reach into another");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("neptun.chat.(**)").should().beFreeOfCycles()
            .because("packages (resources, errors, auth, commands, ...) must layer, not loop");
}
