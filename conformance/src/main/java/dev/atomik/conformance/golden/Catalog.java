package dev.atomik.conformance.golden;

import dev.atomik.conformance.golden.families.AlgebraTraces;
import dev.atomik.conformance.golden.families.ContextTraces;
import dev.atomik.conformance.golden.families.ErrorTraces;
import dev.atomik.conformance.golden.families.NonGuaranteeTraces;
import dev.atomik.conformance.golden.families.StreamTraces;
import dev.atomik.conformance.golden.families.TableTraces;
import dev.atomik.conformance.golden.families.ValuesTraces;
import dev.atomik.conformance.golden.families.WireTraces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every generated golden trace definition. Hand-written traces live only as files. */
public final class Catalog {
    private Catalog() {
    }

    public static List<TraceDef> all() {
        List<TraceDef> all = new ArrayList<>();
        all.addAll(ValuesTraces.all());
        all.addAll(ContextTraces.all());
        all.addAll(TableTraces.all());
        all.addAll(StreamTraces.all());
        all.addAll(WireTraces.all());
        all.addAll(ErrorTraces.all());
        all.addAll(AlgebraTraces.all());
        all.addAll(NonGuaranteeTraces.all());
        Set<String> ids = new HashSet<>();
        for (TraceDef def : all) {
            if (!ids.add(def.id())) {
                throw new IllegalStateException("duplicate golden trace id " + def.id());
            }
            if (def.id().startsWith("replication/")) {
                throw new IllegalStateException(def.id() + ": traces/replication/ is not generated here");
            }
        }
        return all;
    }
}
