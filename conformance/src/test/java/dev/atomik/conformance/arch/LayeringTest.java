package dev.atomik.conformance.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The reference model is reached only through its adapter, so the runner, reports and every other
 * adapter treat it exactly like a foreign implementation; and the model knows nothing of the kit.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            // Main code only (tests may compare against the model). Matched by folder name because
            // side-by-side builds use target-NAME/test-classes, which the predefined option misses.
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.atomik.conformance", "dev.atomik.model");

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
}
