package dev.atomik.conformance.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.atomik.conformance.adapter.Adapter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reference model is reached only through its adapter, so the runner, reports and every other
 * adapter treat it exactly like a foreign implementation; and the model knows nothing of the kit.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = importMainClasses();

    /**
     * The conformance main classes and the model, imported from their own locations (a class-path
     * scan would open every jar, and resolving every referenced library class takes half a minute).
     */
    private static JavaClasses importMainClasses() {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        try {
            Class<?> model = Class.forName("dev.atomik.model.Context");
            return new ClassFileImporter().importLocations(Set.of(
                    Location.of(Adapter.class.getProtectionDomain().getCodeSource().getLocation()),
                    Location.of(model.getProtectionDomain().getCodeSource().getLocation())));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            ArchConfiguration.get().reset();
        }
    }

    @Test
    void onlyTheModelAdapterSeesTheModel() {
        noClasses().that().resideInAPackage("dev.atomik.conformance..")
                .and().resideOutsideOfPackage("dev.atomik.conformance.adapters.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.atomik.model..")
                .check(CLASSES);
    }

    @Test
    void theModelDependsOnNothingOfTheKit() {
        noClasses().that().resideInAPackage("dev.atomik.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.atomik.conformance..")
                .check(CLASSES);
    }

    @Test
    void bothSidesWereImported() {
        // Guards against a rule passing vacuously because nothing was imported.
        if (!CLASSES.containPackage("dev.atomik.model") || !CLASSES.containPackage("dev.atomik.conformance.runner")) {
            throw new AssertionError("import found no model or runner classes");
        }
    }
}
