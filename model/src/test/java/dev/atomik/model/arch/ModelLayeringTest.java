package dev.atomik.model.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.atomik.model.Context;
import dev.atomik.model.arch.fixture.clean.CleanCounter;
import dev.atomik.model.arch.fixture.leaky.LeakyCounter;
import dev.atomik.model.arch.fixture.sibling.SiblingService;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering of the reference model: the classes of {@code dev.atomik.model} depend on nothing but
 * {@code java.lang} and each other, so the model can be verified by KeY and embedded anywhere
 * (ANCHORS style 1: "model depends on nothing"). Each rule is also run against test-only fixtures
 * that break it, to prove it can fail.
 */
class ModelLayeringTest {

    static final String MODEL = "dev.atomik.model";

    /** The sibling modules by name; the second rule also forbids any other dev.atomik package. */
    static final String[] SIBLING_MODULES = {
        "dev.atomik.spec..", "dev.atomik.replication..", "dev.atomik.conformance..", "dev.atomik.lean..",
        "dev.atomik.cli..",
    };

    /** Main classes only: tests that other engineers put in the model's package are not the model. */
    private static final ImportOption MAIN_CLASSES_ONLY = location -> !location.contains("/test-classes/");

    /**
     * Classes directly in {@code modelPackage} (not sub-packages) depend only on java.lang (exactly,
     * not java.lang.reflect or java.lang.invoke) and on {@code modelPackage} itself.
     */
    static ArchRule dependsOnlyOnJavaLang(String modelPackage) {
        return classes().that().resideInAPackage(modelPackage)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang", modelPackage)
                .because("the reference model has no dependencies: KeY verifies it and any device can embed it");
    }

    /** No class in {@code modelPackage} depends on the named sibling packages or on any other dev.atomik package. */
    static ArchRule referencesNoSiblingModule(String modelPackage, String... siblings) {
        DescribedPredicate<JavaClass> otherAtomik = JavaClass.Predicates.resideInAPackage("dev.atomik..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(modelPackage)))
                .as("any other dev.atomik package");
        return noClasses().that().resideInAPackage(modelPackage)
                .should().dependOnClassesThat().resideInAnyPackage(siblings)
                .orShould().dependOnClassesThat(otherAtomik)
                .because("the model is the bottom layer: spec, replication, conformance, lean-proofs and cli build on it");
    }

    /**
     * The model's classes, imported from the one directory or jar that holds {@link Context} (scanning
     * the whole test class path, KeY included, takes seconds and could pick up look-alike classes).
     */
    /**
     * Dependencies are judged by the referenced class's name, so ArchUnit need not load every
     * referenced JDK class from the class path (that made each import take seconds).
     */
    @BeforeAll
    static void judgeDependenciesByNameOnly() {
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    @AfterAll
    static void restoreConfiguration() {
        ArchConfiguration.get().reset();
    }

    private static JavaClasses modelClasses() {
        return new ClassFileImporter().withImportOption(MAIN_CLASSES_ONLY).importPath(codeSourceOf(Context.class));
    }

    private static JavaClasses fixtures() {
        return new ClassFileImporter().importClasses(LeakyCounter.class, CleanCounter.class, SiblingService.class);
    }

    private static Path codeSourceOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    /**
     * The import really holds the model's classes (so the rules below are not vacuous). A failure means
     * the importer found no main classes, e.g. because the class-path layout changed.
     */
    @Test
    void model_import_holds_the_main_classes() {
        Set<String> names = modelClasses().stream().filter(c -> c.getPackageName().equals(MODEL))
                .map(JavaClass::getSimpleName).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("Context", "Table", "DeltaStream", "DeltaMessage", "Width",
                "ErrorCode", "AtomikError")), "imported model classes: " + names);
    }

    /**
     * The model's classes use only java.lang and the model. A failure names each offending class and
     * the dependency (a field, call or signature) that leaves java.lang.
     */
    @Test
    void model_depends_only_on_java_lang() {
        dependsOnlyOnJavaLang(MODEL).check(modelClasses());
    }

    /** No model class references spec, replication, conformance, lean-proofs, cli or any other dev.atomik package. */
    @Test
    void model_references_no_sibling_module() {
        referencesNoSiblingModule(MODEL, SIBLING_MODULES).check(modelClasses());
    }

    /** Self-test: the java.lang rule reports a fixture that uses java.util, and passes a clean one. */
    @Test
    void java_lang_rule_fails_on_a_class_that_uses_java_util() {
        EvaluationResult leaky = dependsOnlyOnJavaLang("dev.atomik.model.arch.fixture.leaky").evaluate(fixtures());
        assertTrue(leaky.hasViolation(), "the rule must reject LeakyCounter");
        String report = leaky.getFailureReport().toString();
        assertTrue(report.contains("LeakyCounter") && report.contains("java.util.ArrayList"), report);

        EvaluationResult clean = dependsOnlyOnJavaLang("dev.atomik.model.arch.fixture.clean").evaluate(fixtures());
        assertFalse(clean.hasViolation(), clean.getFailureReport().toString());
    }

    /** Self-test: the sibling rule reports a fixture that calls a stand-in sibling module, and passes a clean one. */
    @Test
    void sibling_rule_fails_on_a_class_that_uses_another_atomik_package() {
        String[] standInSiblings = {"dev.atomik.model.arch.fixture.sibling.."};
        EvaluationResult leaky = referencesNoSiblingModule("dev.atomik.model.arch.fixture.leaky", standInSiblings)
                .evaluate(fixtures());
        assertTrue(leaky.hasViolation(), "the rule must reject LeakyCounter");
        assertTrue(leaky.getFailureReport().toString().contains("SiblingService"), leaky.getFailureReport().toString());

        // The catch-all clause alone (no named sibling matches) still rejects it.
        EvaluationResult catchAll = referencesNoSiblingModule("dev.atomik.model.arch.fixture.leaky", SIBLING_MODULES)
                .evaluate(fixtures());
        assertTrue(catchAll.hasViolation(), "the catch-all clause must reject LeakyCounter");

        EvaluationResult clean = referencesNoSiblingModule("dev.atomik.model.arch.fixture.clean", SIBLING_MODULES)
                .evaluate(fixtures());
        assertFalse(clean.hasViolation(), clean.getFailureReport().toString());
    }
}
