package dev.atomik.lean;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the named twin methods (jqwik properties, JUnit exhaustive checks) through the JUnit Platform
 * launcher in this JVM and reports, per {@code Class#method}, whether it ran and passed.
 */
final class JUnitTwinRunner implements MethodTwinRunner {

    @Override
    public Map<String, TwinStatus.State> run(Collection<String> refs, Map<String, String> details, Map<String, Long> cases) {
        Map<String, TwinStatus.State> out = new LinkedHashMap<>();
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String ref : refs) {
            String[] p = ref.split("#", 2);
            if (p.length != 2) {
                out.put(ref, TwinStatus.State.MISSING);
                details.put(ref, "ref must be fully.qualified.Class#method");
                continue;
            }
            Class<?> cls;
            try {
                cls = Class.forName(p[0]);
            } catch (ClassNotFoundException e) {
                out.put(ref, TwinStatus.State.MISSING);
                details.put(ref, "no class " + p[0]);
                continue;
            }
            Method m = Arrays.stream(cls.getDeclaredMethods()).filter(x -> x.getName().equals(p[1])).findFirst().orElse(null);
            if (m == null) {
                out.put(ref, TwinStatus.State.MISSING);
                details.put(ref, "no method " + p[1] + " in " + p[0]);
                continue;
            }
            selectors.add(selectMethod(cls, m));
        }
        if (selectors.isEmpty()) {
            return out;
        }
        Map<String, TwinStatus.State> ran = new LinkedHashMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String ref = refOf(id);
                if (ref == null || !id.isTest()) {
                    return;
                }
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    ran.putIfAbsent(ref, TwinStatus.State.PASS);
                } else {
                    ran.put(ref, TwinStatus.State.FAIL);
                    details.put(ref, result.getThrowable().map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                            .orElse(result.getStatus().toString()));
                }
            }

            @Override
            public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
                String ref = refOf(id);
                String n = entry.getKeyValuePairs().get("cases");
                if (ref != null && n != null) {
                    cases.put(ref, Long.parseLong(n));
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                String ref = refOf(id);
                if (ref != null) {
                    ran.put(ref, TwinStatus.State.FAIL);
                    details.put(ref, "skipped, which does not count as checked: " + reason);
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        for (String ref : refs) {
            if (!out.containsKey(ref)) {
                TwinStatus.State s = ran.get(ref);
                if (s == null) {
                    out.put(ref, TwinStatus.State.MISSING);
                    details.put(ref, "no test engine ran it: is it annotated @Property or @Test?");
                } else {
                    out.put(ref, s);
                }
            }
        }
        return out;
    }

    private static String refOf(TestIdentifier id) {
        return id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(ms -> ms.getClassName() + "#" + ms.getMethodName()).orElse(null);
    }
}
